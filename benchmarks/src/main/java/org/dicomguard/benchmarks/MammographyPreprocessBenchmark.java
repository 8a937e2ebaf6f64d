package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.study.DicomInputs;
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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mammography preprocessing of a 3328 x 2560 16-bit mammogram with the default config
 * (fixed-fraction threshold, largest component, hole filling, orientation, crop, area resample to
 * 208 x 256, percentile normalization, 13 input statistics): {@code endToEnd} reads the file from
 * disk (page cache), decodes and preprocesses, the work the Python peer times;
 * {@code preprocessOnly} starts from decoded pixels.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MammographyPreprocessBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MammographyPreprocessBenchmark {

    /** Transfer syntax of the file for {@code endToEnd}: explicit or rle. */
    @Param({"explicit", "rle"})
    public String syntax;

    private final DicomReader reader = new DicomReader();
    private final MammographyPreprocessor preprocessor =
            new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
    private Path file;
    private MammographyImageInput decoded;

    /**
     * Locates (or writes) the fixture and decodes it once for {@link #preprocessOnly()}.
     *
     * @throws IOException    when the fixture cannot be written
     * @throws DicomException never for the fixtures
     */
    @Setup
    public void setUp() throws IOException, DicomException {
        file = BenchmarkFixtures.mammogram(BenchmarkFixtures.directory(), syntax);
        decoded = DicomInputs.mammography(reader.read(file));
    }

    /**
     * @return the preprocessed image
     * @throws DicomException never for the fixtures
     */
    @Benchmark
    public MammographyPreprocessed endToEnd() throws DicomException {
        return preprocessor.preprocess(DicomInputs.mammography(reader.read(file)));
    }

    /** @return the preprocessed image */
    @Benchmark
    public MammographyPreprocessed preprocessOnly() {
        return preprocessor.preprocess(decoded);
    }
}
