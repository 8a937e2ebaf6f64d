/**
 * End-to-end evaluation: ROC-AUC with DeLong confidence intervals, the paired DeLong test,
 * ROC curves and the HTML/JSON metric report with the non-inferiority rule; the result
 * invariance ("golden") check; and the diagnosis of metric discrepancies between our output and
 * an external party's.
 *
 * <p>Entry points: {@link org.dicomguard.core.evaluation.RocAuc#auc(double[], boolean[])},
 * {@link org.dicomguard.core.evaluation.PairedDeLong#compare(double[], double[], boolean[])},
 * {@link org.dicomguard.core.evaluation.RocCurve#of(double[], boolean[])},
 * {@link org.dicomguard.core.evaluation.EvaluationReport#write},
 * {@link org.dicomguard.core.evaluation.GoldenFile#check},
 * {@link org.dicomguard.core.evaluation.DiscrepancyDiagnoser#diagnose}.
 *
 * <p>References: Hanley &amp; McNeil (1982), Radiology 143:29-36; DeLong, DeLong &amp;
 * Clarke-Pearson (1988), Biometrics 44:837-845; Sun &amp; Xu (2014), IEEE Signal Processing
 * Letters 21(11):1389-1393.
 */
package org.dicomguard.core.evaluation;
