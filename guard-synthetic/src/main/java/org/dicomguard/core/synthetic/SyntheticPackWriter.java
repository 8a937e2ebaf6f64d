package org.dicomguard.core.synthetic;

import org.dicomguard.core.synthetic.chestxray.ChestXrayOodImages;
import org.dicomguard.core.synthetic.chestxray.ChestXrayOodKind;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticGenerator;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticImage;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.CtSliceInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a labelled synthetic test pack as real Part-10 DICOM files (Explicit VR Little Endian).
 *
 * <p>Layout of the pack folder:
 * <pre>
 * pack.json                  task, seed, size, counts, generator options, one entry per study
 * labels.csv                 studyInstanceUid,&lt;pathology codes&gt;  (0/1, in-distribution studies only)
 * ood.csv                    studyInstanceUid,kind               (out-of-distribution studies only)
 * study-0000/image-0001.dcm  mammography: L-CC, L-MLO, R-CC, R-MLO as images 1..4
 * study-0001/slice-0001.dcm  chest CT: one file per slice, by InstanceNumber (head first)
 * study-0002/image-0001.dcm  chest radiograph: one frontal image (an OOD study: one image of its kind)
 * </pre>
 * Labelled studies come first ({@code study-0000} ..), then the OOD studies, kind by kind. Folder
 * names are study indices, never patient values. Each mammography OOD study holds two images of
 * its kind (CC and MLO of one side), with the header the generator gives (MG for most kinds, CT
 * or DX for {@code ct-slice}, {@code knee-radiograph}, {@code hand-radiograph}); each chest-CT OOD
 * study is one series of that kind.
 *
 * <p>Every file carries marked synthetic patient identifiers ({@link SyntheticPackPatientMarkers}).
 * Equal options give byte-identical packs. Studies are generated and written one at a time, so
 * memory stays at one study. Immutable and thread-safe; concurrent writes must use different folders.
 */
public final class SyntheticPackWriter {

    /** Label file name. */
    public static final String LABELS_FILE = "labels.csv";
    /** OOD list file name. */
    public static final String OOD_FILE = "ood.csv";
    /** Description file name. */
    public static final String PACK_FILE = "pack.json";
    /** Version of the pack.json layout. */
    public static final int PACK_FORMAT_VERSION = 1;

    private static final int UID_STUDY = 1;
    private static final int UID_SERIES = 2;
    private static final int UID_INSTANCE = 3;
    private static final int UID_FRAME_OF_REFERENCE = 4;
    private static final long OOD_SEED_SALT = 0x6F6F645F73656564L;

    private static final long SHIFT_SEED_SALT = 0x73686966745F6E7AL;

    private final SyntheticPackOptions options;
    private final SyntheticAcquisitionShift shift;
    private final MammographySyntheticGenerator mammographyGenerator;

    /** @param options what to write */
    public SyntheticPackWriter(SyntheticPackOptions options) {
        this(options, SyntheticAcquisitionShift.none());
    }

    /**
     * @param options what to write
     * @param shift   acquisition change applied to every image after rendering (detector gain, added noise);
     *                recorded in {@code pack.json} when it is not {@link SyntheticAcquisitionShift#none()}
     */
    public SyntheticPackWriter(SyntheticPackOptions options, SyntheticAcquisitionShift shift) {
        if (options == null || shift == null) {
            throw new IllegalArgumentException("options and shift must not be null");
        }
        this.options = options;
        this.shift = shift;
        this.mammographyGenerator = new MammographySyntheticGenerator(options.size().mammographyOptions());
    }

    /** @return the options */
    public SyntheticPackOptions options() {
        return options;
    }

    /** @param studyIndex index in the pack, &gt;= 0 @return the folder name, e.g. {@code study-0007} */
    public static String studyFolderName(int studyIndex) {
        if (studyIndex < 0) {
            throw new IllegalArgumentException("studyIndex must be >= 0, got " + studyIndex);
        }
        return String.format(Locale.ROOT, "study-%04d", studyIndex);
    }

    /**
     * Writes the pack.
     *
     * @param directory target folder; created when missing, must be empty when present
     * @return what was written
     * @throws IOException when the folder is not empty or a file cannot be written
     */
    public SyntheticPackSummary write(Path directory) throws IOException {
        return write(directory, (written, total) -> { });
    }

    /** Told after each study is written, e.g. to show progress of a long pack. */
    @FunctionalInterface
    public interface StudyWrittenListener {
        /**
         * @param studiesWritten studies written so far, in [1, studiesTotal]
         * @param studiesTotal   labelled plus OOD studies of the pack
         */
        void studyWritten(int studiesWritten, int studiesTotal);
    }

    /**
     * Writes the pack and reports each written study.
     *
     * @param directory target folder; created when missing, must be empty when present
     * @param listener  called on the writing thread after each study
     * @return what was written
     * @throws IOException when the folder is not empty or a file cannot be written
     */
    public SyntheticPackSummary write(Path directory, StudyWrittenListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        Files.createDirectories(directory);
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new DirectoryNotEmptyException(directory + " (a pack is only written into an empty folder)");
            }
        }
        List<StudyRecord> studies = new ArrayList<>();
        int index = 0;
        int total = options.totalStudyCount();
        for (; index < options.studyCount(); index++) {
            studies.add(options.task() == SyntheticPackTask.CHEST_XRAY ? writeChestXray(directory, index, null) :
                    options.task() == SyntheticPackTask.MAMMOGRAPHY
                    ? writeMammography(directory, index) : writeChestCt(directory, index, ChestCtStudyKind.CHEST));
            listener.studyWritten(studies.size(), total);
        }
        for (String kind : options.oodStudyKinds()) {
            studies.add(options.task() == SyntheticPackTask.CHEST_XRAY ? writeChestXray(directory, index, kind) :
                    options.task() == SyntheticPackTask.MAMMOGRAPHY
                    ? writeMammographyOod(directory, index, kind)
                    : writeChestCt(directory, index, ChestCtStudyKind.valueOf(SyntheticPackTask.kindName(kind))));
            listener.studyWritten(studies.size(), total);
            index++;
        }
        long bytes = 0;
        int files = 0;
        for (StudyRecord study : studies) {
            bytes += study.byteCount();
            files += study.fileCount();
        }
        bytes += writeText(directory.resolve(LABELS_FILE), SyntheticPackFiles.labelsCsv(options.task(), studies));
        bytes += writeText(directory.resolve(OOD_FILE), SyntheticPackFiles.oodCsv(studies));
        bytes += writeText(directory.resolve(PACK_FILE), packJson(studies));
        return new SyntheticPackSummary(directory, options.studyCount(), studies.size() - options.studyCount(),
                files, bytes);
    }

    /** Per-study facts for the CSV files and pack.json. */
    record StudyRecord(int studyIndex, String studyInstanceUid, String kind, boolean outOfDistribution,
                       List<String> labels, int fileCount, long byteCount) {
    }

    private StudyRecord writeMammography(Path directory, int index) throws IOException {
        MammographySyntheticStudy study = mammographyGenerator.study(options.seed(), index);
        List<SyntheticImageHeader> headers = new ArrayList<>();
        List<short[]> pixels = new ArrayList<>();
        for (MammographySyntheticImage view : study.views()) {
            headers.add(view.header());
            pixels.add(view.storedValues());
        }
        long bytes = writeProjectionStudy(directory, index, headers, pixels);
        return new StudyRecord(index, studyUid(index), "breast", false, List.copyOf(study.pathologyCodes()),
                headers.size(), bytes);
    }

    private StudyRecord writeMammographyOod(Path directory, int index, String kindCode) throws IOException {
        MammographySyntheticKind kind = MammographySyntheticKind.valueOf(SyntheticPackTask.kindName(kindCode));
        SplittableRandom random = new SplittableRandom(options.seed() ^ OOD_SEED_SALT ^ (index * 0x9E3779B97F4A7C15L));
        String side = random.nextBoolean() ? "L" : "R";
        List<SyntheticImageHeader> headers = new ArrayList<>();
        List<short[]> pixels = new ArrayList<>();
        for (String view : List.of("CC", "MLO")) {
            MammographySyntheticImage image = mammographyGenerator.image(kind, random.nextLong());
            SyntheticImageHeader header = image.header();
            // Kinds whose generator header claims MG get this study's side and view, like a real
            // mislabelled study; CT and DX headers stay as the generator made them.
            headers.add("MG".equals(header.modality()) ? header.asMammography(side, view) : header);
            pixels.add(image.storedValues());
        }
        long bytes = writeProjectionStudy(directory, index, headers, pixels);
        return new StudyRecord(index, studyUid(index), kindCode, true, List.of(), headers.size(), bytes);
    }

    private long writeProjectionStudy(Path directory, int index, List<SyntheticImageHeader> headers,
                                      List<short[]> pixels) throws IOException {
        Path folder = Files.createDirectory(directory.resolve(studyFolderName(index)));
        SyntheticDicomHeaders.StudyIdentity identity = new SyntheticDicomHeaders.StudyIdentity(index,
                studyUid(index), SyntheticDicomHeaders.uid(options.seed(), UID_SERIES, index, 0), options.studyDate(),
                "F", options.patientMarkers());
        long bytes = 0;
        for (int i = 0; i < headers.size(); i++) {
            String sopInstanceUid = SyntheticDicomHeaders.uid(options.seed(), UID_INSTANCE, index, i + 1);
            short[] stored = shift.applyToProjection(headers.get(i), pixels.get(i), shiftSeed(index, i));
            Attributes dataSet = SyntheticDicomHeaders.projectionImage(identity, headers.get(i), stored,
                    sopInstanceUid, i + 1);
            bytes += writeDicom(folder.resolve(String.format(Locale.ROOT, "image-%04d.dcm", i + 1)), dataSet);
        }
        return bytes;
    }

    /** One chest radiograph study: a frontal image, or one image of the OOD kind when {@code oodKind} is set. */
    private StudyRecord writeChestXray(Path directory, int index, String oodKind) throws IOException {
        ChestXraySyntheticGenerator generator = new ChestXraySyntheticGenerator(options.size().chestXrayOptions());
        ChestXraySyntheticImage image = oodKind == null ? generator.study(options.seed(), index)
                : ChestXrayOodImages.render(generator, ChestXrayOodKind.fromCode(oodKind),
                options.seed() ^ OOD_SEED_SALT ^ (index * 0x9E3779B97F4A7C15L));
        long bytes = writeProjectionStudy(directory, index, List.of(image.header()), List.of(image.storedValues()));
        List<String> labels = new ArrayList<>();
        image.findings().forEach(f -> labels.add(f.code()));
        labels.sort(null);
        return new StudyRecord(index, studyUid(index), image.kind(), oodKind != null, List.copyOf(labels), 1, bytes);
    }

    private StudyRecord writeChestCt(Path directory, int index, ChestCtStudyKind kind) throws IOException {
        long studySeed = chestCtStudySeed(options.seed(), index);
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(studySeed, kind,
                options.size().chestCtOptions());
        Path folder = Files.createDirectory(directory.resolve(studyFolderName(index)));
        SyntheticDicomHeaders.StudyIdentity identity = new SyntheticDicomHeaders.StudyIdentity(index,
                study.studyInstanceUid(), study.seriesInstanceUid(), options.studyDate(), "O",
                options.patientMarkers());
        String frameOfReference = SyntheticDicomHeaders.uid(options.seed(), UID_FRAME_OF_REFERENCE, index, 0);
        long bytes = 0;
        for (CtSliceInput original : study.slices()) {
            CtSliceInput slice = shift.applyToCt(original, shiftSeed(index, original.instanceNumber()));
            Attributes dataSet = SyntheticDicomHeaders.ctSlice(identity, slice, study.bodyPartExamined(),
                    study.photometricInterpretation(), frameOfReference);
            bytes += writeDicom(folder.resolve(String.format(Locale.ROOT, "slice-%04d.dcm", slice.instanceNumber())),
                    dataSet);
        }
        List<String> labels = new ArrayList<>();
        for (ChestCtPathology pathology : study.pathologies()) {
            labels.add(pathology.code());
        }
        labels.sort(null);
        return new StudyRecord(index, study.studyInstanceUid(), SyntheticPackTask.kindCode(kind),
                kind.isOutOfDistribution(), List.copyOf(labels), study.slices().size(), bytes);
    }

    /**
     * @param seed       pack seed
     * @param studyIndex study index
     * @return the chest-CT generator seed of that study (the study's UIDs come from it)
     */
    static long chestCtStudySeed(long seed, int studyIndex) {
        return new SplittableRandom(seed).split().nextLong() ^ (studyIndex * 0xBF58476D1CE4E5B9L);
    }

    private long shiftSeed(int studyIndex, int imageIndex) {
        return options.seed() ^ SHIFT_SEED_SALT ^ (studyIndex * 0x9E3779B97F4A7C15L) ^ (imageIndex * 0xBF58476D1CE4E5B9L);
    }

    private String studyUid(int index) {
        return SyntheticDicomHeaders.uid(options.seed(), UID_STUDY, index, 0);
    }

    private static long writeDicom(Path file, Attributes dataSet) throws IOException {
        DicomWriter.write(file, dataSet);
        return Files.size(file);
    }

    private static long writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    private String packJson(List<StudyRecord> studies) throws IOException {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("packFormatVersion", PACK_FORMAT_VERSION);
        root.put("task", options.task().code());
        root.put("seed", options.seed());
        root.put("size", options.size().code());
        root.put("studyCount", options.studyCount());
        ArrayNode kinds = root.putArray("oodKinds");
        options.oodKinds().forEach(kinds::add);
        root.put("oodStudiesPerKind", options.oodStudiesPerKind());
        root.put("oodStudyCount", studies.size() - options.studyCount());
        root.put("studyDate", options.studyDate());
        SyntheticPackPatientMarkers m = options.patientMarkers();
        root.putObject("patientMarkers").put("patientNamePrefix", m.patientNamePrefix())
                .put("patientIdPrefix", m.patientIdPrefix()).put("patientBirthDate", m.patientBirthDate())
                .put("accessionNumberPrefix", m.accessionNumberPrefix());
        root.set("generatorOptions", SyntheticPackFiles.generatorOptionsJson(options));
        if (!shift.isNone()) {
            root.putObject("acquisitionShift").put("detectorGain", shift.detectorGain())
                    .put("addedNoise", shift.addedNoise());
        }
        root.set("labelColumns", StrictJson.mapper().valueToTree(options.task().pathologyCodes()));
        ArrayNode list = root.putArray("studies");
        for (StudyRecord study : studies) {
            ObjectNode node = list.addObject();
            node.put("folder", studyFolderName(study.studyIndex()));
            node.put("studyInstanceUid", study.studyInstanceUid());
            node.put("kind", study.kind());
            node.put("outOfDistribution", study.outOfDistribution());
            node.put("fileCount", study.fileCount());
            if (!study.outOfDistribution()) {
                node.set("pathologyCodes", StrictJson.mapper().valueToTree(study.labels()));
            }
        }
        // Fixed "\n" line ends so the file is byte-identical on every platform.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        return StrictJson.mapper().writer(printer).writeValueAsString(root) + "\n";
    }
}
