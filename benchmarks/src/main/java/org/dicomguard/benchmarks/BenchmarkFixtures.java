package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.TransferSyntax;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.dicom.codec.RleLosslessEncoder;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.synthetic.ChestCtStudyKind;
import org.dicomguard.core.synthetic.ChestCtSyntheticGenerator;
import org.dicomguard.core.synthetic.ChestCtSyntheticOptions;
import org.dicomguard.core.synthetic.ChestCtSyntheticStudy;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.SyntheticImageHeader;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes the benchmark fixtures into one folder, each only when missing, so that JMH benchmarks,
 * {@link PeerJavaSide} and the Python peer script all read the same bytes:
 * <ul>
 *   <li>{@code mammo-explicit.dcm}, {@code mammo-rle.dcm}, {@code mammo-jpegLossless.dcm}: one synthetic
 *       3328 x 2560, 14-bit-in-16 mammogram (MONOCHROME2) in Explicit VR LE, RLE Lossless and JPEG
 *       Lossless SV1 (the last only when dcmtk's {@code dcmcjpeg} is on PATH);</li>
 *   <li>{@code ct-explicit.dcm}, {@code ct-rle.dcm}, {@code ct-jpegLossless.dcm}: the middle 512 x 512 slice
 *       of the 128-slice series;</li>
 *   <li>{@code ct-series-128/}, {@code ct-series-256/}: synthetic chest CT series, one Explicit VR LE file
 *       per slice;</li>
 *   <li>{@code auc-1000000.bin}: int32 LE count n, n label bytes (0/1), n float64 LE scores.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.dicomguard.benchmarks.BenchmarkFixtures [DIR]}.
 * The folder defaults to the system property {@value #DIR_PROPERTY}, else {@value #DEFAULT_DIR}.
 */
public final class BenchmarkFixtures {

    /** System property naming the fixture folder. */
    public static final String DIR_PROPERTY = "dicomguard.fixtures";
    /** Fixture folder used when the property is not set (relative to the repository root). */
    public static final String DEFAULT_DIR = "benchmarks/target/fixtures";
    /** Number of scores in the AUC fixture. */
    public static final int AUC_MAX_COUNT = 1_000_000;

    private static final long SEED = 20_260_123L;

    private BenchmarkFixtures() {
    }

    /**
     * @param args optional fixture folder; also writes the 256-slice series when "--with-256" is given
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 && !args[0].startsWith("--") ? Paths.get(args[0]) : directory();
        mammogram(dir, "explicit");
        mammogram(dir, "rle");
        mammogram(dir, "jpegLossless");
        ctSlice(dir, "explicit");
        ctSlice(dir, "rle");
        ctSlice(dir, "jpegLossless");
        ctSeries(dir, 128);
        if (List.of(args).contains("--with-256")) {
            ctSeries(dir, 256);
        }
        aucScores(dir);
        System.out.println("fixtures ready in " + dir.toAbsolutePath());
    }

    /** @return the fixture folder from {@value #DIR_PROPERTY} or {@value #DEFAULT_DIR} */
    public static Path directory() {
        return Paths.get(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    }

    /**
     * @param dir    fixture folder
     * @param syntax explicit, rle or jpegLossless
     * @return the mammogram file, written when missing
     * @throws IOException when writing fails or jpegLossless is asked without dcmcjpeg
     */
    public static Path mammogram(Path dir, String syntax) throws IOException {
        Path file = dir.resolve("mammo-" + syntax + ".dcm");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            MammographySyntheticImage image = realisticMammogram();
            SyntheticImageHeader h = image.header();
            Supplier<AttributesBuilder> ds = () -> header(h.sopClassUid(), h.modality(), h.rows(), h.columns(),
                    h.bitsStored(), h.pixelRepresentation(), h.photometricInterpretation(), h.rescaleSlope(),
                    h.rescaleIntercept(), h.pixelSpacingRowMm(), h.pixelSpacingColumnMm())
                    .putString(Tag.BodyPartExamined, VR.CS, h.bodyPartExamined())
                    .putString(Tag.ImageLaterality, VR.CS, h.imageLaterality())
                    .putString(Tag.ViewPosition, VR.CS, h.viewPosition());
            writeSyntax(dir, file, ds, image.storedValues(), h.rows(), h.columns(), syntax);
        }
        return file;
    }

    /**
     * @param dir    fixture folder
     * @param syntax explicit, rle or jpegLossless
     * @return a 512 x 512 CT slice file, written when missing
     * @throws IOException when writing fails or jpegLossless is asked without dcmcjpeg
     */
    public static Path ctSlice(Path dir, String syntax) throws IOException {
        Path file = dir.resolve("ct-" + syntax + ".dcm");
        if (!Files.exists(file)) {
            Path series = ctSeries(dir, 128);
            Path middle = series.resolve(sliceName(64));
            if (syntax.equals("explicit")) {
                Files.copy(middle, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                ChestCtSyntheticStudy study = ctStudy(128);
                CtSliceInput s = study.slices().get(63);
                writeSyntax(dir, file, () -> ctAttributes(study, s), s.storedValues(), s.rows(), s.columns(), syntax);
            }
        }
        return file;
    }

    /**
     * @param dir    fixture folder
     * @param slices 128 or 256 (any count in [16, 1024] works)
     * @return the series folder, written when missing (one file per slice, Explicit VR LE)
     * @throws IOException when writing fails
     */
    public static Path ctSeries(Path dir, int slices) throws IOException {
        Path folder = dir.resolve("ct-series-" + slices);
        Path done = folder.resolve(".complete");
        if (!Files.exists(done)) {
            Files.createDirectories(folder);
            ChestCtSyntheticStudy study = ctStudy(slices);
            for (CtSliceInput s : study.slices()) {
                DicomWriter.write(folder.resolve(sliceName(s.instanceNumber())),
                        ctAttributes(study, s).putPixelData(s.storedValues()).build());
            }
            Files.writeString(done, "ok\n");
        }
        return folder;
    }

    /**
     * @param dir fixture folder
     * @return the AUC scores file, written when missing
     * @throws IOException when writing fails
     */
    public static Path aucScores(Path dir) throws IOException {
        Path file = dir.resolve("auc-" + AUC_MAX_COUNT + ".bin");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Random random = new Random(SEED);
            int n = AUC_MAX_COUNT;
            ByteBuffer bb = ByteBuffer.allocate(4 + n + 8 * n).order(ByteOrder.LITTLE_ENDIAN);
            bb.putInt(n);
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextDouble() < 0.3;
                bb.put((byte) (labels[i] ? 1 : 0));
            }
            for (int i = 0; i < n; i++) {
                // Scores rounded to 1e-4 so that ties occur, as they do with float model outputs.
                double score = 1 / (1 + Math.exp(-(random.nextGaussian() + (labels[i] ? 1.2 : 0))));
                bb.putDouble(Math.round(score * 1e4) / 1e4);
            }
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.write(tmp, bb.array());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * Labels and scores read from the AUC fixture.
     *
     * @param labels 0/1 labels
     * @param scores scores
     */
    public record LabeledScores(boolean[] labels, double[] scores) {
        /** Checks the lengths agree. */
        public LabeledScores {
            if (labels.length != scores.length) {
                throw new IllegalArgumentException("labels and scores differ in length: " + labels.length
                        + " vs " + scores.length);
            }
        }
    }

    /**
     * @param dir   fixture folder
     * @param count how many of the first scores to return, in [1, {@value #AUC_MAX_COUNT}]
     * @return the first {@code count} labels and scores
     * @throws IOException when the file cannot be read
     */
    public static LabeledScores readScores(Path dir, int count) throws IOException {
        if (count < 1 || count > AUC_MAX_COUNT) {
            throw new IllegalArgumentException("count must be in [1, " + AUC_MAX_COUNT + "], got " + count);
        }
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(aucScores(dir))).order(ByteOrder.LITTLE_ENDIAN);
        int n = bb.getInt();
        boolean[] labels = new boolean[count];
        double[] scores = new double[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bb.get(4 + i) != 0;
            scores[i] = bb.getDouble(4 + n + 8 * i);
        }
        return new LabeledScores(labels, scores);
    }

    private static MammographySyntheticImage realisticMammogram() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(
                MammographySyntheticOptions.defaults().withMonochrome1Fraction(0));
        for (long seed = SEED; ; seed++) {
            MammographySyntheticImage image = generator.image(MammographySyntheticKind.BREAST, seed);
            if (image.header().rows() == 3328 && image.header().columns() == 2560) {
                return image;
            }
        }
    }

    private static ChestCtSyntheticStudy ctStudy(int slices) {
        return ChestCtSyntheticGenerator.generate(SEED, ChestCtStudyKind.CHEST,
                ChestCtSyntheticOptions.defaults().withSize(512, 512, slices));
    }

    private static String sliceName(int instanceNumber) {
        return String.format("%04d.dcm", instanceNumber);
    }

    private static AttributesBuilder ctAttributes(ChestCtSyntheticStudy study, CtSliceInput s) {
        return header("1.2.840.10008.5.1.4.1.1.2", "CT", s.rows(), s.columns(), 16, s.pixelRepresentation(),
                study.photometricInterpretation(), s.rescaleSlope(), s.rescaleInterceptHu(), s.pixelSpacingMm()[0],
                s.pixelSpacingMm()[1])
                .putString(Tag.StudyInstanceUID, VR.UI, study.studyInstanceUid())
                .putString(Tag.SeriesInstanceUID, VR.UI, s.seriesInstanceUid())
                .putString(Tag.SOPInstanceUID, VR.UI, s.sopInstanceUid())
                .putString(Tag.BodyPartExamined, VR.CS, study.bodyPartExamined())
                .putInts(Tag.InstanceNumber, VR.IS, s.instanceNumber())
                .putDoubles(Tag.ImagePositionPatient, VR.DS, s.imagePositionPatientMm())
                .putDoubles(Tag.ImageOrientationPatient, VR.DS, s.imageOrientationPatient())
                .putDoubles(Tag.SliceThickness, VR.DS, s.sliceThicknessMm());
    }

    private static AttributesBuilder header(String sopClass, String modality, int rows, int columns, int bitsStored,
                                            int pixelRepresentation, String photometric, double slope,
                                            double intercept, double rowSpacingMm, double columnSpacingMm) {
        return Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, sopClass)
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25." + (SEED + rows * 7919L + columns))
                .putString(Tag.StudyInstanceUID, VR.UI, "2.25." + SEED)
                .putString(Tag.SeriesInstanceUID, VR.UI, "2.25." + (SEED + 1))
                .putString(Tag.Modality, VR.CS, modality)
                .putImagePixelModule(ImageDescriptor.monochrome(rows, columns, 16, bitsStored, pixelRepresentation,
                        photometric))
                .putDoubles(Tag.PixelSpacing, VR.DS, rowSpacingMm, columnSpacingMm)
                .putDoubles(Tag.RescaleIntercept, VR.DS, intercept)
                .putDoubles(Tag.RescaleSlope, VR.DS, slope);
    }

    private static void writeSyntax(Path dir, Path file, Supplier<AttributesBuilder> ds, short[] stored, int rows, int columns,
                                    String syntax) throws IOException {
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        switch (syntax) {
            case "explicit":
                DicomWriter.write(tmp, ds.get().putPixelData(stored).build());
                break;
            case "rle":
                Files.write(tmp, encapsulated(ds.get().build(), RleLosslessEncoder.encode16(stored, rows, columns)));
                break;
            case "jpegLossless":
            case "jpegLs":
            case "j2k":
                Path source = dir.resolve(file.getFileName() + ".src.dcm");
                DicomWriter.write(source, ds.get().putPixelData(stored).build());
                runEncoder(EXTERNAL_ENCODERS.get(syntax), source, tmp);
                Files.delete(source);
                break;
            default:
                throw new IllegalArgumentException("syntax must be explicit, rle, jpegLossless, jpegLs or j2k, got "
                        + syntax);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Part-10 bytes with the RLE transfer syntax and one encapsulated frame (empty offset table). */
    static byte[] encapsulated(Attributes ds, byte[] frame) throws IOException {
        byte[] head = DicomWriter.toBytes(ds, TransferSyntax.RLE_LOSSLESS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length + frame.length + 64);
        bytes.writeBytes(head);
        DataOutputStream out = new DataOutputStream(bytes);
        writeTag(out, Tag.PixelData);
        out.writeBytes("OB");
        out.writeShort(0);
        out.writeInt(-1);
        writeTag(out, Tag.Item);
        out.writeInt(0);
        writeTag(out, Tag.Item);
        int length = frame.length + (frame.length % 2);
        out.writeInt(Integer.reverseBytes(length));
        out.write(frame);
        if (frame.length % 2 != 0) {
            out.write(0);
        }
        writeTag(out, Tag.SequenceDelimitationItem);
        out.writeInt(0);
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeTag(DataOutputStream out, int tag) throws IOException {
        out.writeShort(Short.reverseBytes((short) (tag >>> 16)));
        out.writeShort(Short.reverseBytes((short) tag));
    }

    /** @return whether dcmtk's dcmcjpeg can be started */
    public static boolean dcmcjpegAvailable() {
        try {
            Process p = new ProcessBuilder("dcmcjpeg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * External encoders of the compressed fixtures: dcmtk's dcmcjpeg +e1 (JPEG Lossless SV1),
     * dcmcjpls (JPEG-LS lossless), GDCM's gdcmconv --j2k (JPEG 2000 lossless, OpenJPEG inside).
     */
    static final Map<String, List<String>> EXTERNAL_ENCODERS = Map.of(
            "jpegLossless", List.of("dcmcjpeg", "+e1"),
            "jpegLs", List.of("dcmcjpls", "+el"),
            "j2k", List.of("gdcmconv", "--j2k"));

    private static void runEncoder(List<String> encoder, Path source, Path target) throws IOException {
        if (encoder.get(0).equals("dcmcjpeg") && !dcmcjpegAvailable()) {
            throw new IOException("JPEG Lossless fixture needs dcmtk's dcmcjpeg on PATH (apt-get install dcmtk)");
        }
        List<String> command = new java.util.ArrayList<>(encoder);
        command.add(source.toString());
        command.add(target.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", encoder) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IOException(String.join(" ", encoder) + " could not run (apt-get install dcmtk libgdcm-tools): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + encoder.get(0), e);
        }
    }
}
