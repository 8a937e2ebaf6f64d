package org.dicomguard.core.evaluation;

import java.util.Locale;

/**
 * A small self-contained SVG of one ROC curve: axes with ticks, the chance diagonal, the
 * empirical curve and a legend with the AUC and its 95% interval. No scripts, no external
 * references, so it can be embedded inline in an HTML report.
 *
 * <p>Curves with more than {@value #MAX_POINTS} points are thinned by keeping evenly spaced
 * points plus both ends, which changes the drawing by less than a pixel at this size.
 */
public final class RocSvg {

    /** Most points drawn per curve. */
    public static final int MAX_POINTS = 1000;

    private static final int SIZE_PX = 320;
    private static final int MARGIN_PX = 40;

    private RocSvg() {
    }

    /**
     * @param title  pathology code or other title, escaped for XML
     * @param curve  the ROC curve
     * @param result AUC and interval for the legend
     * @return an {@code <svg>} element as text
     */
    public static String render(String title, RocCurve curve, AucResult result) {
        return render(title, curve, result.auc(), result.auc95Low(), result.auc95High(), result.caseCount(),
                result.positiveCount());
    }

    /**
     * @param evaluation metric test result of one pathology (title = its code)
     * @param curve      its ROC curve
     * @return an {@code <svg>} element as text
     */
    public static String render(PathologyEvaluation evaluation, RocCurve curve) {
        return render(evaluation.code(), curve, evaluation.auc(), evaluation.auc95Low(), evaluation.auc95High(),
                evaluation.n(), evaluation.positives());
    }

    private static String render(String title, RocCurve curve, double auc, double auc95Low, double auc95High,
                                 int caseCount, int positiveCount) {
        double[] fpr = curve.falsePositiveRates();
        double[] tpr = curve.truePositiveRates();
        int plot = SIZE_PX - 2 * MARGIN_PX;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"ROC curve %s\">%n",
                SIZE_PX, SIZE_PX, SIZE_PX, SIZE_PX, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"white\" stroke=\"#444\"/>%n",
                MARGIN_PX, MARGIN_PX, plot, plot));
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>%n",
                    x(v), SIZE_PX - MARGIN_PX + 14, v));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
                    MARGIN_PX - 4, y(v) + 4, v));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">false-positive rate</text>%n",
                SIZE_PX / 2, SIZE_PX - 8));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 10 %d)\">"
                + "true-positive rate</text>%n", SIZE_PX / 2, SIZE_PX / 2));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" "
                + "stroke-dasharray=\"4 4\"/>%n", x(0), y(0), x(1), y(1)));
        svg.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"");
        int stride = Math.max(1, (int) Math.ceil(fpr.length / (double) MAX_POINTS));
        for (int k = 0; k < fpr.length; k++) {
            if (k % stride == 0 || k == fpr.length - 1) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(fpr[k]), y(tpr[k])));
            }
        }
        svg.append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"><tspan font-weight=\"bold\">%s</tspan>"
                + "  n=%d, positives=%d</text>%n", MARGIN_PX, MARGIN_PX - 22, escape(title), caseCount, positiveCount));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">AUC %.3f (95%% CI %.3f-%.3f)</text>%n",
                MARGIN_PX, MARGIN_PX - 8, auc, auc95Low, auc95High));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(double fpr) {
        return MARGIN_PX + fpr * (SIZE_PX - 2 * MARGIN_PX);
    }

    private static double y(double tpr) {
        return SIZE_PX - MARGIN_PX - tpr * (SIZE_PX - 2 * MARGIN_PX);
    }

    /**
     * @param text any text
     * @return the text with XML/HTML special characters escaped
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
