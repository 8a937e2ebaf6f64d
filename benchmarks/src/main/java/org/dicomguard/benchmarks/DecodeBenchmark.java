package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * DICOM parse plus pixel decode from bytes already in memory (disk excluded), per transfer syntax
 * and image size: {@code mammo} is a 3328 x 2560 16-bit mammogram (17 MB of pixels), {@code ct} a
 * 512 x 512 16-bit slice (0.5 MB).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DecodeBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}). {@code jpegLossless} needs dcmtk's {@code dcmcjpeg} on PATH
 * to build its fixture ({@code apt-get install dcmtk}); without it that parameter fails in setup
 * with a message saying so and the others still run; likewise {@code jpegLs} needs {@code dcmcjpls}
 * and {@code j2k} GDCM's {@code gdcmconv} ({@code apt-get install libgdcm-tools}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {

    /** Fixture transfer syntax: explicit (Explicit VR LE), rle, jpegLossless (SV1), jpegLs, j2k (lossless). */
    @Param({"explicit", "rle", "jpegLossless", "jpegLs", "j2k"})
    public String syntax;

    /** Image size: mammo (3328 x 2560) or ct (512 x 512). */
    @Param({"mammo", "ct"})
    public String size;

    private final DicomReader reader = new DicomReader();
    private byte[] fileBytes;

    /**
     * Reads the fixture file into memory, generating it when missing.
     *
     * @throws IOException when the fixture cannot be written or read
     */
    @Setup
    public void setUp() throws IOException {
        Path dir = BenchmarkFixtures.directory();
        if (syntax.equals("jpegLossless") && !BenchmarkFixtures.dcmcjpegAvailable()
                && !Files.exists(dir.resolve(size + "-jpegLossless.dcm"))) {
            throw new IllegalStateException("skipping jpegLossless: dcmtk's dcmcjpeg is not on PATH "
                    + "(apt-get install dcmtk) and no fixture exists");
        }
        Path file = size.equals("mammo") ? BenchmarkFixtures.mammogram(dir, syntax)
                : BenchmarkFixtures.ctSlice(dir, syntax);
        fileBytes = Files.readAllBytes(file);
    }

    /**
     * @return the decoded image (returned so that the JIT cannot drop the work)
     * @throws DicomException never for the fixtures
     */
    @Benchmark
    public DicomImage decode() throws DicomException {
        return reader.read(fileBytes).decodeImage();
    }
}
