package org.dicomguard.samples.soak;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Native-memory soak: runs one study many times and samples the process's resident set size
 * (VmRSS from /proc/self/status, which counts ONNX Runtime's native allocations that the Java heap
 * does not show) every {@code sampleEvery} runs, printing a table. A leak of native tensors or
 * session state shows as RSS growing with the run count; flat means bounded.
 *
 * <p>Two modes: {@code model} calls {@link OrtModel#run} on the study's prepared input (pure
 * native inference, fast, so 100,000 runs take seconds); {@code pipeline} calls
 * {@link Pipeline#run} (read, preprocess, gate, inference, output check) and checks every
 * contract line equals the first. Run through {@code samples/scripts/native-memory-soak.sh}.
 *
 * <p>Usage: {@code NativeMemorySoak MODE BUNDLE RUNS SAMPLE_EVERY STUDY_FILE...}
 */
public final class NativeMemorySoak {

    private NativeMemorySoak() {
    }

    /**
     * @param args MODE (model or pipeline), bundle folder, run count, sample interval, study files
     * @throws Exception any failure ends the soak (it is a measurement tool, not a service)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: NativeMemorySoak model|pipeline BUNDLE RUNS SAMPLE_EVERY STUDY_FILE...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String f : Arrays.copyOfRange(args, 4, args.length)) {
            files.add(Path.of(f));
        }
        long[] rss = run(args[0], ModelBundle.load(Path.of(args[1])), files, Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), System.out);
        System.out.printf(Locale.ROOT, "growth from first sample to last: %+d KiB%n", rss[rss.length - 1] - rss[0]);
    }

    /**
     * Runs the soak and prints one table row per sample.
     *
     * @param mode        "model" or "pipeline"
     * @param bundle      the bundle
     * @param studyFiles  one study's files
     * @param runs        number of runs, &gt;= sampleEvery
     * @param sampleEvery runs between RSS samples, &gt;= 1
     * @param out         receives the table
     * @return the RSS samples in KiB, the first taken after one warm-up interval
     */
    public static long[] run(String mode, ModelBundle bundle, List<Path> studyFiles, int runs, int sampleEvery,
                             PrintStream out) throws IOException, BundleLoadException, ModelLoadException,
            DicomException, UnusableStudyException, ai.onnxruntime.OrtException {
        if (sampleEvery < 1 || runs < sampleEvery) {
            throw new IllegalArgumentException("need 1 <= sampleEvery <= runs, got sampleEvery=" + sampleEvery
                    + ", runs=" + runs);
        }
        // Wide spacing range: small synthetic test studies carry a coarse spacing.
        try (Pipeline pipeline = Pipeline.builder(bundle)
                .headerRules(HeaderRuleSet.mammography().withPixelSpacingRangeMm(0.02, 2.0)).build()) {
            float[] input = pipeline.preparer().prepare(StudyImage.readHeaders(studyFiles, pipeline.reader()))
                    .modelInput();
            String first = ContractJson.write(pipeline.run(studyFiles));
            out.printf(Locale.ROOT, "mode %s, %d runs, first result: %s%n", mode, runs,
                    first.length() > 120 ? first.substring(0, 120) + "..." : first);
            out.printf(Locale.ROOT, "%10s %12s %14s %10s%n", "runs", "VmRSS_KiB", "heapUsed_KiB", "seconds");
            long[] samples = new long[runs / sampleEvery];
            long start = System.nanoTime();
            try (OrtModel model = bundle.openModel(InferenceSettings.defaults())) {
                for (int i = 1; i <= runs; i++) {
                    if (mode.equals("model")) {
                        model.run(input);
                    } else if (!ContractJson.write(pipeline.run(studyFiles)).equals(first)) {
                        throw new IllegalStateException("run " + i + " gave a different contract line than run 0");
                    }
                    if (i % sampleEvery == 0) {
                        Runtime rt = Runtime.getRuntime();
                        long rssKib = vmRssKib();
                        samples[i / sampleEvery - 1] = rssKib;
                        out.printf(Locale.ROOT, "%10d %12d %14d %10.1f%n", i, rssKib,
                                (rt.totalMemory() - rt.freeMemory()) / 1024, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
            return samples;
        }
    }

    /** @return VmRSS of this process in KiB, or -1 where /proc is not available */
    static long vmRssKib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
