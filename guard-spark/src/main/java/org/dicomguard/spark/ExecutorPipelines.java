package org.dicomguard.spark;

import org.apache.spark.SparkFiles;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.PipelineBuilder;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.monitoring.BundleDriftAlerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Pipeline} per executor JVM and bundle, created on first use and closed by a JVM
 * shutdown hook, that is when the executor stops.
 *
 * <p>Why a static holder: Spark ships functions, not objects with native resources; a Pipeline
 * holds an ONNX Runtime session that must be opened once per JVM (seconds, hundreds of MB for a
 * real model) and shared by the executor's task threads, which Pipeline allows (thread-safe).
 *
 * <p>Bundle location: a path readable on the executor (shared file system), or the file name of
 * a bundle shipped with {@code spark-submit --files bundle.zip}, resolved through
 * {@link SparkFiles#get(String)} when the path does not exist locally.
 */
final class ExecutorPipelines {

    private static final Map<String, Pipeline> PIPELINES = new HashMap<>();
    private static final List<BundleDriftAlerts> DRIFT_ALERTS = new ArrayList<>();
    private static boolean hookInstalled;

    private ExecutorPipelines() {
    }

    /**
     * @param bundleLocation the bundle path as given to {@link GuardScoring}
     * @return this JVM's Pipeline for the bundle, opened on first call
     * @throws IllegalStateException when the bundle cannot be found or loaded (the task fails:
     *                               a missing bundle is a deployment error, not a study result)
     */
    static Pipeline get(String bundleLocation) {
        return get(bundleLocation, null, InferenceSettings.defaults().intraOpThreads());
    }

    /**
     * @param bundleLocation       the bundle path as given to {@link GuardScoring}
     * @param driftAlertsDirectory null for no drift monitor; else a folder where this JVM's monitor
     *                             (the one {@code score --drift-alerts} runs) appends its alerts to
     *                             {@code drift-alerts-<bundleId>-<pid>.jsonl}
     * @return this JVM's Pipeline for the bundle and alert folder, opened on first call
     * @throws IllegalStateException when the bundle cannot be loaded or the alert file cannot be opened
     */
    static Pipeline get(String bundleLocation, String driftAlertsDirectory) {
        return get(bundleLocation, driftAlertsDirectory, InferenceSettings.defaults().intraOpThreads());
    }

    /**
     * @param bundleLocation the bundle path as given to {@link GuardScoring}
     * @param intraOpThreads ONNX Runtime intra-op threads of the Pipeline (0: ONNX Runtime decides)
     * @return this JVM's Pipeline for the bundle and thread count, opened on first call
     * @throws IllegalStateException as {@link #get(String)}
     */
    static Pipeline get(String bundleLocation, int intraOpThreads) {
        return get(bundleLocation, null, intraOpThreads);
    }

    /**
     * @param bundleLocation       the bundle path as given to {@link GuardScoring}
     * @param driftAlertsDirectory null for no drift monitor, else the alert folder (see {@link #get(String, String)})
     * @param intraOpThreads       ONNX Runtime intra-op threads of the Pipeline (0: ONNX Runtime decides)
     * @return this JVM's Pipeline for the bundle, alert folder and thread count, opened on first call
     * @throws IllegalStateException when the bundle cannot be loaded or the alert file cannot be opened
     */
    static synchronized Pipeline get(String bundleLocation, String driftAlertsDirectory, int intraOpThreads) {
        String key = bundleLocation + "#threads=" + intraOpThreads
                + (driftAlertsDirectory == null ? "" : "\n" + driftAlertsDirectory);
        Pipeline existing = PIPELINES.get(key);
        if (existing != null) {
            return existing;
        }
        Path bundle = resolve(bundleLocation);
        Pipeline pipeline;
        try {
            ModelBundle loaded = ModelBundle.load(bundle);
            PipelineBuilder builder = Pipeline.builder(loaded)
                    .inferenceSettings(InferenceSettings.defaults().withIntraOpThreads(intraOpThreads));
            if (driftAlertsDirectory != null) {
                Path folder = Files.createDirectories(Path.of(driftAlertsDirectory));
                BundleDriftAlerts alerts = BundleDriftAlerts.toJsonLines(loaded, folder.resolve("drift-alerts-"
                        + loaded.manifest().bundleId() + "-" + ProcessHandle.current().pid() + ".jsonl"));
                DRIFT_ALERTS.add(alerts);
                builder.listener(alerts);
            }
            pipeline = builder.build();
        } catch (BundleLoadException | ModelLoadException e) {
            throw new IllegalStateException("cannot load bundle " + bundleLocation + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the drift alert file in " + driftAlertsDirectory + ": "
                    + e.getMessage(), e);
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorPipelines::closeAll, "dicom-guard-pipelines-close"));
            hookInstalled = true;
        }
        PIPELINES.put(key, pipeline);
        return pipeline;
    }

    /** Resolves a local path, else a file shipped with the job. */
    static Path resolve(String bundleLocation) {
        Path local = Path.of(bundleLocation);
        if (Files.exists(local)) {
            return local;
        }
        Path shipped = Path.of(SparkFiles.get(local.getFileName().toString()));
        if (Files.exists(shipped)) {
            return shipped;
        }
        throw new IllegalStateException("bundle " + bundleLocation + " is neither a local path nor a file shipped "
                + "with --files (looked at " + shipped + ")");
    }

    /** Closes every Pipeline of this JVM; they wait for studies in flight. */
    static synchronized void closeAll() {
        for (Pipeline pipeline : PIPELINES.values()) {
            pipeline.close();
        }
        PIPELINES.clear();
        for (BundleDriftAlerts alerts : DRIFT_ALERTS) {
            try {
                alerts.close();
            } catch (IOException e) {
                System.getLogger("org.dicomguard.spark").log(System.Logger.Level.WARNING,
                        "cannot close a drift alert file: " + e.getMessage());
            }
        }
        DRIFT_ALERTS.clear();
    }
}
