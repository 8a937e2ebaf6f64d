/**
 * The optional Micrometer binder {@link org.dicomguard.ood.metrics.GuardMetricsBinder}; the only
 * package of guard-ood that needs micrometer-core on the class path.
 */
package org.dicomguard.ood.metrics;
