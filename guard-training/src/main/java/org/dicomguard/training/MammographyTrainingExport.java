package org.dicomguard.training;

import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyStatistics;
import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes preprocessed mammograms for training: {@code NAME.npy} (float32, shape N x 1 x H x W) and
 * {@code NAME.json}, a sidecar with the preprocessing config, its fingerprint and per-sample
 * metadata (ids, view, labels, crop box, flip, statistics), so that training uses exactly the
 * tensors inference will see and the trained model can be bound to the same fingerprint.
 *
 * <p>Stateless and thread-safe.
 */
public final class MammographyTrainingExport {

    /** Version of the sidecar layout; readers refuse a newer one. */
    public static final int SIDECAR_FORMAT_VERSION = 1;

    /**
     * One exported sample.
     *
     * @param sampleId        unique id, e.g. "STUDY/L-CC"
     * @param studyId         study the image belongs to
     * @param imageLaterality "L", "R" or ""
     * @param viewPosition    e.g. "CC", "MLO"
     * @param labels          pathology code to 0/1 label, copied and sorted
     * @param result          preprocessing output of the image
     */
    public record Sample(String sampleId, String studyId, String imageLaterality, String viewPosition,
                         Map<String, Integer> labels, MammographyPreprocessed result) {
        /** Copies the labels and rejects nulls. */
        public Sample {
            if (sampleId == null || studyId == null || imageLaterality == null || viewPosition == null
                    || result == null) {
                throw new IllegalArgumentException("sample fields must not be null, sampleId=" + sampleId);
            }
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    private MammographyTrainingExport() {
    }

    /**
     * @param directory destination folder, created when missing
     * @param baseName  file name without extension
     * @param config    the config that produced every sample
     * @param samples   samples in order; all must share the config's tensor size
     * @return the .npy path; the sidecar is next to it with extension .json
     * @throws IOException when a file cannot be written
     */
    public static Path write(Path directory, String baseName, MammographyPreprocessingConfig config,
                             List<Sample> samples) throws IOException {
        int height = config.modelInputHeightPixels();
        int width = config.modelInputWidthPixels();
        Files.createDirectories(directory);
        Path npy = directory.resolve(baseName + ".npy");
        List<Map<String, Object>> metadata = new ArrayList<>();
        try (NpyWriter writer = NpyWriter.open(npy, samples.size(), 1, height, width)) {
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                MammographyPreprocessed result = sample.result();
                if (result.heightPixels() != height || result.widthPixels() != width || result.channels() != 1) {
                    throw new IllegalArgumentException("sample " + sample.sampleId() + " has tensor "
                            + result.channels() + "x" + result.heightPixels() + "x" + result.widthPixels()
                            + ", config says 1x" + height + "x" + width);
                }
                writer.append(result.tensorChw());
                metadata.add(sampleMetadata(i, sample));
            }
        }
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("sidecarFormatVersion", SIDECAR_FORMAT_VERSION);
        sidecar.put("task", config.taskName());
        sidecar.put("preprocessingFingerprint", config.sha256Fingerprint());
        sidecar.put("preprocessingConfig", StrictJson.mapper().valueToTree(config));
        sidecar.put("tensorFile", npy.getFileName().toString());
        sidecar.put("tensorDtype", "float32");
        sidecar.put("tensorShape", List.of(samples.size(), 1, height, width));
        sidecar.put("statisticNames", MammographyStatistics.NAMES);
        sidecar.put("samples", metadata);
        Files.writeString(directory.resolve(baseName + ".json"),
                StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sidecar));
        return npy;
    }

    private static Map<String, Object> sampleMetadata(int index, Sample sample) {
        MammographyPreprocessed result = sample.result();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("sampleId", sample.sampleId());
        entry.put("studyId", sample.studyId());
        entry.put("imageLaterality", sample.imageLaterality());
        entry.put("viewPosition", sample.viewPosition());
        entry.put("labels", sample.labels());
        entry.put("cropBox", result.cropBox());
        entry.put("flippedHorizontally", result.flippedHorizontally());
        entry.put("breastFound", result.breastFound());
        Map<String, Double> statistics = new LinkedHashMap<>();
        for (InputStatistic statistic : result.statistics()) {
            statistics.put(statistic.name(), statistic.value());
        }
        entry.put("statistics", statistics);
        return entry;
    }
}
