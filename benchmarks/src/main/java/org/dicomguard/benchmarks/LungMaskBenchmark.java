package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.CtSeriesAssembler;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.LungMask;
import org.dicomguard.core.task.chestct.LungMaskSegmenter;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * 3D lung mask ({@link LungMaskSegmenter#segment}) of a synthetic 512 x 512 chest CT series with
 * 128 or 256 slices, from an assembled HU volume (file reading and assembly excluded).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LungMaskBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 1 -i 3}; the 256-slice volume is 134 MB of HU values and its
 * fixture takes a while to generate the first time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LungMaskBenchmark {

    /** Number of slices of the series. */
    @Param({"128", "256"})
    public int slices;

    private final ChestCtPreprocessingConfig config = ChestCtPreprocessingConfig.defaults();
    private CtVolume volume;

    /**
     * Reads the series and assembles the volume.
     *
     * @throws IOException             when the fixture cannot be written or read
     * @throws DicomException          never for the fixtures
     * @throws SeriesAssemblyException never for the fixtures
     */
    @Setup
    public void setUp() throws IOException, DicomException, SeriesAssemblyException {
        volume = readVolume(BenchmarkFixtures.ctSeries(BenchmarkFixtures.directory(), slices), config);
    }

    /** @return the lung mask */
    @Benchmark
    public LungMask segment() {
        return LungMaskSegmenter.segment(volume, config);
    }

    /**
     * @param folder series folder of {@code *.dcm} slices
     * @param config assembly settings
     * @return the assembled HU volume
     * @throws IOException             when a file cannot be listed
     * @throws DicomException          when a slice cannot be decoded
     * @throws SeriesAssemblyException when the slices do not form one volume
     */
    static CtVolume readVolume(Path folder, ChestCtPreprocessingConfig config)
            throws IOException, DicomException, SeriesAssemblyException {
        DicomReader reader = new DicomReader();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        List<CtSliceInput> inputs = new ArrayList<>(files.size());
        for (Path f : files) {
            inputs.add(DicomInputs.ctSlice(reader.read(f)));
        }
        return CtSeriesAssembler.assemble(inputs, config);
    }
}
