/**
 * Drift monitoring: {@link org.dicomguard.ood.drift.DriftMonitor} consumes
 * {@link org.dicomguard.ood.drift.StudyObservation}s, tests each stream with
 * {@link org.dicomguard.ood.drift.KolmogorovSmirnov} and
 * {@link org.dicomguard.ood.drift.PopulationStabilityIndex} under a
 * {@link org.dicomguard.ood.drift.DriftPolicy}, and sends {@link org.dicomguard.ood.drift.DriftAlert}s to
 * an {@link org.dicomguard.ood.drift.AlertSink}.
 */
package org.dicomguard.ood.drift;
