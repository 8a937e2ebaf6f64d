/**
 * DICOM Guard on Apache Spark: score whole archives with one {@link org.dicomguard.core.Pipeline}
 * per executor JVM ({@link org.dicomguard.spark.GuardScoring}), evaluate per-pathology AUC with its
 * DeLong interval without collecting scores to the driver ({@link org.dicomguard.spark.DistributedAuc}),
 * and aggregate drift statistics by day and site ({@link org.dicomguard.spark.ArchiveDrift}).
 * Spark is a {@code provided} dependency: the cluster brings it.
 */
package org.dicomguard.spark;
