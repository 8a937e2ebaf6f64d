package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.RocAuc;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.LungMask;
import org.dicomguard.core.task.chestct.LungMaskSegmenter;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.study.DicomInputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of the peer comparison ({@code benchmarks/peer/compare.sh}): times the same tasks
 * as {@code benchmarks/peer/python_stack.py} on the same fixture files, single-threaded, with
 * warm-up runs first (the JIT needs them; a long-running service is always warm), and prints one
 * JSON object: median seconds per task plus check values (pixel sums, mask sizes, AUC) that the
 * script compares with the Python side's to show both did the same work.
 *
 * <p>Run (normally through {@code benchmarks/peer/compare.sh}):
 * {@code java -cp benchmarks/target/benchmarks.jar org.dicomguard.benchmarks.PeerJavaSide FIXTURE_DIR
 * [REPEATS] [WARMUPS]}; fixtures are read, never written, so run {@link BenchmarkFixtures} first.
 */
public final class PeerJavaSide {

    private static final String[] MAMMO_SYNTAXES = {"explicit", "rle", "jpegLossless"};

    private PeerJavaSide() {
    }

    /** A task timed by {@link #median}. */
    @FunctionalInterface
    private interface Task {
        Object run() throws Exception;
    }

    /**
     * @param args fixture folder, optional repeats (default 7) and warm-ups (default 5)
     * @throws Exception when a fixture cannot be read or decoded
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Paths.get(args[0]) : BenchmarkFixtures.directory();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<String, Object> out = new LinkedHashMap<>();
        DicomReader reader = new DicomReader();
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        for (String syntax : MAMMO_SYNTAXES) {
            Path file = dir.resolve("mammo-" + syntax + ".dcm");
            if (!Files.exists(file)) {
                continue;
            }
            out.put("decode_mammo_" + syntax, median(() -> reader.read(file).decodeImage(), repeats, warmups));
            out.put("mammo_preprocess_" + syntax, median(() -> preprocessor.preprocess(
                    DicomInputs.mammography(reader.read(file))), repeats, warmups));
            DicomImage image = reader.read(file).decodeImage();
            out.put("check_pixel_sum_mammo_" + syntax, pixelSum(image));
            MammographyPreprocessed p = preprocessor.preprocess(DicomInputs.mammography(reader.read(file)));
            out.put("check_mask_pixels_mammo_" + syntax, count(p.breastMask()));
            out.put("check_tensor_mean_mammo_" + syntax, mean(p.tensorChw()));
            out.put("check_flipped_mammo_" + syntax, p.flippedHorizontally());
        }
        Path series = dir.resolve("ct-series-128");
        if (Files.exists(series)) {
            ChestCtPreprocessingConfig config = ChestCtPreprocessingConfig.defaults();
            CtVolume volume = readVolume(series, config);
            out.put("lung_mask", median(() -> LungMaskSegmenter.segment(volume, config), repeats, Math.min(warmups, 3)));
            LungMask mask = LungMaskSegmenter.segment(volume, config);
            out.put("lung_mask_slices", volume.depth());
            out.put("check_lung_voxels", mask.lungVoxelCount());
        }
        Path auc = dir.resolve("auc-" + BenchmarkFixtures.AUC_MAX_COUNT + ".bin");
        if (Files.exists(auc)) {
            BenchmarkFixtures.LabeledScores data = BenchmarkFixtures.readScores(dir, BenchmarkFixtures.AUC_MAX_COUNT);
            out.put("roc_auc_1e6", median(() -> RocAuc.auc(data.scores(), data.labels()), repeats, warmups));
            AucResult result = RocAuc.auc(data.scores(), data.labels());
            out.put("check_auc_1e6", result.auc());
        }
        System.out.println(toJson(out));
    }

    private static CtVolume readVolume(Path series, ChestCtPreprocessingConfig config)
            throws IOException, DicomException, SeriesAssemblyException {
        return LungMaskBenchmark.readVolume(series, config);
    }

    private static double median(Task task, int repeats, int warmups) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = task.run();
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            sink = task.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        if (sink == null) {
            throw new IllegalStateException("task returned nothing");
        }
        Arrays.sort(seconds);
        return repeats % 2 == 1 ? seconds[repeats / 2] : (seconds[repeats / 2 - 1] + seconds[repeats / 2]) / 2;
    }

    private static long pixelSum(DicomImage image) {
        float[] frame = new float[image.samplesPerFrame()];
        image.copyFrameTo(0, frame, false);
        long sum = 0;
        for (float v : frame) {
            sum += (long) v;
        }
        return sum;
    }

    private static long count(byte[] mask) {
        long n = 0;
        for (byte b : mask) {
            n += b;
        }
        return n;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String toJson(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double d) {
                sb.append(String.format(Locale.ROOT, "%.6g", d));
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
