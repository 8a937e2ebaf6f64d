package org.dicomguard.core.evaluation;

/**
 * Metric test result of one pathology on a labelled pack, as written to {@code metrics.json}.
 *
 * @param code                    pathology code, non-empty
 * @param n                       number of cases (positives + negatives), at least 2
 * @param positives               number of positive cases, in [1, n - 1]
 * @param auc                     ROC-AUC in [0, 1]
 * @param auc95Low                lower end of the DeLong 95% interval, in [0, auc]
 * @param auc95High               upper end of the DeLong 95% interval, in [auc, 1]
 * @param referenceAuc            reference AUC of the bundle, in [0, 1]
 * @param nonInferiorityMargin    allowed AUC loss, in [0, 1)
 * @param passed                  {@link NonInferiority#passes(double, double, double)} of the above
 */
public record PathologyEvaluation(String code, int n, int positives, double auc, double auc95Low, double auc95High,
                                  double referenceAuc, double nonInferiorityMargin, boolean passed) {

    /** @throws IllegalArgumentException when a value is out of range or {@code passed} contradicts the rule */
    public PathologyEvaluation {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("code must be non-empty");
        }
        if (n < 2 || positives < 1 || positives > n - 1) {
            throw new IllegalArgumentException("n = " + n + " and positives = " + positives
                    + " must satisfy n >= 2 and 1 <= positives <= n - 1");
        }
        NonInferiority.requireRange("auc", auc, 0, 1);
        NonInferiority.requireRange("auc95Low", auc95Low, 0, auc);
        NonInferiority.requireRange("auc95High", auc95High, auc, 1);
        if (passed != NonInferiority.passes(auc95Low, referenceAuc, nonInferiorityMargin)) {
            throw new IllegalArgumentException("passed = " + passed + " contradicts auc95Low = " + auc95Low
                    + " >= referenceAuc = " + referenceAuc + " - nonInferiorityMargin = " + nonInferiorityMargin);
        }
    }

    /**
     * @param code                 pathology code
     * @param result               our AUC with its interval
     * @param referenceAuc         reference AUC
     * @param nonInferiorityMargin allowed loss (e.g. {@link NonInferiority#DEFAULT_MARGIN_AUC})
     * @return the evaluation with {@code passed} decided by {@link NonInferiority}
     */
    public static PathologyEvaluation of(String code, AucResult result, double referenceAuc, double nonInferiorityMargin) {
        return new PathologyEvaluation(code, result.caseCount(), result.positiveCount(), result.auc(), result.auc95Low(),
                result.auc95High(), referenceAuc, nonInferiorityMargin,
                NonInferiority.passes(result.auc95Low(), referenceAuc, nonInferiorityMargin));
    }
}
