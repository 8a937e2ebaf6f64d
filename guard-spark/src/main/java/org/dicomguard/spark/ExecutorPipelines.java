package org.dicomguard.spark;

import org.apache.spark.SparkFiles;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        return get(bundleLocation, InferenceSettings.defaults().intraOpThreads());
    }

    /**
     * @param bundleLocation the bundle path as given to {@link GuardScoring}
     * @param intraOpThreads ONNX Runtime intra-op threads of the Pipeline (0: ONNX Runtime decides)
     * @return this JVM's Pipeline for the bundle and thread count, opened on first call
     * @throws IllegalStateException as {@link #get(String)}
     */
    static synchronized Pipeline get(String bundleLocation, int intraOpThreads) {
        String key = bundleLocation + "#threads=" + intraOpThreads;
        Pipeline existing = PIPELINES.get(key);
        if (existing != null) {
            return existing;
        }
        Path bundle = resolve(bundleLocation);
        Pipeline pipeline;
        try {
            pipeline = Pipeline.builder(ModelBundle.load(bundle))
                    .inferenceSettings(InferenceSettings.defaults().withIntraOpThreads(intraOpThreads)).build();
        } catch (BundleLoadException | ModelLoadException e) {
            throw new IllegalStateException("cannot load bundle " + bundleLocation + ": " + e.getMessage(), e);
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
    }
}
