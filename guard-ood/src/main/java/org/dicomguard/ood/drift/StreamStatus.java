package org.dicomguard.ood.drift;

/**
 * The latest test result of one monitored stream, for dashboards and diagnostics.
 *
 * @param stream             the stream name
 * @param windowObservations values in the window when tested
 * @param ksStatistic        KS statistic against the reference
 * @param ksPValue           raw asymptotic p-value
 * @param adjustedPValue     p-value after the round's multiple-testing correction
 * @param psi                population stability index
 * @param raised             whether the stream's alert is raised after this round
 * @param observationIndex   the monitor's observation count at the test
 */
public record StreamStatus(String stream, int windowObservations, double ksStatistic, double ksPValue,
                           double adjustedPValue, double psi, boolean raised, long observationIndex) {
}
