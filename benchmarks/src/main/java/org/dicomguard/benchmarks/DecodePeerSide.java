package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * Java side of {@code benchmarks/peer/decode-compare.sh}: per-image decode time of the benchmark
 * mammogram (3328 x 2560, 14 bits in 16) in each transfer syntax, in one warm JVM: parse plus
 * pixel decode from the file's bytes in memory, {@code warmups} untimed runs, then the median of
 * {@code repeats}. Prints one line per syntax: {@code syntax file medianSeconds pixelSha256
 * medianCpuSeconds}, the last the process CPU time per image (every thread: decoder workers, JIT,
 * GC), which a loaded machine distorts less than elapsed time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.dicomguard.benchmarks.DecodePeerSide
 * DIR REPEATS WARMUPS SYNTAX...} (syntaxes: explicit, rle, jpegLossless, jpegLs, j2k).
 */
public final class DecodePeerSide {
    private DecodePeerSide() {
    }

    /**
     * @param args fixture folder, repeats, warm-up runs, then the syntaxes
     * @throws Exception when a fixture cannot be written or decoded
     */
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int repeats = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        DicomReader reader = new DicomReader();
        for (String syntax : Arrays.copyOfRange(args, 3, args.length)) {
            Path file = BenchmarkFixtures.mammogram(dir, syntax);
            byte[] bytes = Files.readAllBytes(file);
            DicomImage image = null;
            for (int i = 0; i < warmups; i++) {
                image = reader.read(bytes).decodeImage();
            }
            double[] seconds = new double[repeats];
            double[] cpuSeconds = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                image = reader.read(bytes).decodeImage();
                seconds[i] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[i] = (processCpuNanos() - cpuStart) / 1e9;
            }
            Arrays.sort(seconds);
            Arrays.sort(cpuSeconds);
            String sha = image == null ? reader.read(bytes).decodeImage().pixelSha256() : image.pixelSha256();
            System.out.println(String.format(Locale.ROOT, "%s %s %.4f %s %.4f", syntax, file, seconds[repeats / 2], sha,
                    cpuSeconds[repeats / 2]));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
