package org.dicomguard.core.synthetic;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.task.chestct.CtSliceInput;

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
 * study-0000/image-0001.dcm  projection images (e.g. four mammography views) as images 1..N
 * study-0001/slice-0001.dcm  a CT series: one file per slice, by InstanceNumber (head first)
 * </pre>
 * Labelled studies come first ({@code study-0000} ..), then the OOD studies, kind by kind. Folder
 * names are study indices, never patient values. What each study holds is the task's
 * ({@link SyntheticPackTask#studyMaker}); this class writes the files.
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
        SyntheticPackTask.StudyMaker maker = options.task().studyMaker(new PackSink(directory));
        int index = 0;
        int total = options.totalStudyCount();
        for (; index < options.studyCount(); index++) {
            studies.add(maker.write(index, null));
            listener.studyWritten(studies.size(), total);
        }
        for (String kind : options.oodStudyKinds()) {
            studies.add(maker.write(index, kind));
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

    /**
     * Per-study facts for the CSV files and pack.json, as a task's {@link SyntheticPackTask.StudyMaker} reports them.
     *
     * @param studyIndex        index in the pack
     * @param studyInstanceUid  the study's UID as written
     * @param kind              the study's kind code (e.g. {@code breast}, {@code chest}, an OOD kind)
     * @param outOfDistribution whether the study is one of the OOD studies
     * @param labels            pathology codes present, sorted; empty for OOD studies
     * @param fileCount         files written
     * @param byteCount         bytes written
     */
    public record StudyRecord(int studyIndex, String studyInstanceUid, String kind, boolean outOfDistribution,
                              List<String> labels, int fileCount, long byteCount) {
        public StudyRecord {
            labels = List.copyOf(labels);
        }
    }

    /**
     * What a task's study maker writes with: the pack's options, its UIDs and seeds, and the file
     * writers (which apply the pack's acquisition shift and marked patient identifiers).
     */
    public final class PackSink {
        private final Path directory;

        private PackSink(Path directory) {
            this.directory = directory;
        }

        /** @return the pack's options */
        public SyntheticPackOptions options() {
            return options;
        }

        /** @param index study index @return the study's StudyInstanceUID */
        public String studyUid(int index) {
            return SyntheticPackWriter.this.studyUid(index);
        }

        /** @param index study index @return the seed of that OOD study's generator */
        public long oodSeed(int index) {
            return options.seed() ^ OOD_SEED_SALT ^ (index * 0x9E3779B97F4A7C15L);
        }

        /**
         * Writes projection images as {@code study-NNNN/image-0001.dcm} ..
         *
         * @param index   study index
         * @param headers one header per image
         * @param pixels  one stored-value array per image
         * @return bytes written
         * @throws IOException when a file cannot be written
         */
        public long writeProjectionStudy(int index, List<SyntheticImageHeader> headers, List<short[]> pixels)
                throws IOException {
            return SyntheticPackWriter.this.writeProjectionStudy(directory, index, headers, pixels);
        }

        /**
         * Writes a CT series as {@code study-NNNN/slice-0001.dcm} .., one file per slice.
         *
         * @param index study index
         * @param study the generated series
         * @return bytes written
         * @throws IOException when a file cannot be written
         */
        public long writeCtSeries(int index, ChestCtSyntheticStudy study) throws IOException {
            return SyntheticPackWriter.this.writeCtSeries(directory, index, study);
        }
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

    private long writeCtSeries(Path directory, int index, ChestCtSyntheticStudy study) throws IOException {
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
        return bytes;
    }

    /**
     * @param seed       pack seed
     * @param studyIndex study index
     * @return the chest-CT generator seed of that study (public for the chest-CT facet) (the study's UIDs come from it)
     */
    public static long chestCtStudySeed(long seed, int studyIndex) {
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
        root.set("generatorOptions", options.task().generatorOptionsJson(options.size()));
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
