package org.dicomguard.dicomout;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.review.TaskReviewRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API a backend calls after {@code Pipeline.run}: writes the study's DICOM SR and, where the
 * study can be drawn, its Secondary Capture review picture, into folders it names, one object per
 * study, file name {@code <SOPInstanceUID>.dcm}.
 *
 * <pre>{@code
 * DicomResultWriter out = DicomResultWriter.forBundle(bundle.manifest());
 * GuardResult result = pipeline.run(study);
 * Path sr = out.writeStructuredReport(result, study.files(), srDir);
 * Optional<Path> sc = out.writeSecondaryCapture(result, study.files(), scDir);
 * }</pre>
 *
 * <p>Source files are read with guard-core's {@link DicomReader} and its limits; a file that
 * cannot be read is left out of the references (a Failed result for an unreadable study still
 * gets its SR). Patient and study identifiers go into the DICOM objects only, never into
 * exception messages. Thread-safe.
 */
public final class DicomResultWriter {
    private final StructuredReportWriter srWriter;
    private final SecondaryCaptureWriter scWriter = new SecondaryCaptureWriter();
    private final Optional<ReviewPicture> picture;
    private final DicomReader reader;

    /**
     * @param vocabulary the bundle's concepts and model hash
     * @param picture    draws the review picture; empty for no Secondary Capture
     * @param reader     reads the source files, with its limits
     */
    public DicomResultWriter(ReportVocabulary vocabulary, Optional<ReviewPicture> picture, DicomReader reader) {
        this.srWriter = new StructuredReportWriter(vocabulary);
        this.picture = Objects.requireNonNull(picture, "picture");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * @param manifest a loaded bundle's manifest, not modified
     * @return a writer with the bundle's concepts and its task's review picture
     */
    public static DicomResultWriter forBundle(BundleManifest manifest) {
        return forBundle(manifest, new DicomReader());
    }

    /**
     * @param manifest a loaded bundle's manifest, not modified
     * @param reader   reads the source files, e.g. the Pipeline's own ({@code pipeline.reader()}) for the same limits
     * @return a writer with the bundle's concepts and its task's review picture
     */
    public static DicomResultWriter forBundle(BundleManifest manifest, DicomReader reader) {
        PreprocessingConfig config = manifest.preprocessing();
        Optional<ReviewPicture> picture = TaskReviewRenderer.find(manifest.task().name())
                .map(renderer -> (files, lines) -> renderer.studyPicture(files, config, lines));
        return new DicomResultWriter(ReportVocabulary.of(manifest), picture, reader);
    }

    /** @return the SR writer, for callers that hold headers already */
    public StructuredReportWriter structuredReportWriter() {
        return srWriter;
    }

    /**
     * @param result     the study's result, not modified
     * @param studyFiles the study's files
     * @param directory  created if missing
     * @return the SR file written
     * @throws IOException when the folder or file cannot be written
     */
    public Path writeStructuredReport(GuardResult result, List<Path> studyFiles, Path directory) throws IOException {
        List<Attributes> headers = new ArrayList<>();
        for (Path file : studyFiles) {
            try {
                headers.add(reader.readHeader(file).dataSet());
            } catch (DicomException unreadable) {
                // Not referenced: the SR can only reference instances that exist as DICOM.
            }
        }
        return write(srWriter.report(result, headers), directory);
    }

    /**
     * @param result     the study's result, not modified
     * @param studyFiles the study's files
     * @param directory  created if missing
     * @return the SC file, or empty when the study cannot be drawn (unreadable pixels, no picture for the task)
     * @throws IOException when the folder or file cannot be written
     */
    public Optional<Path> writeSecondaryCapture(GuardResult result, List<Path> studyFiles, Path directory)
            throws IOException {
        if (picture.isEmpty()) {
            return Optional.empty();
        }
        List<DicomFile> files = new ArrayList<>();
        List<Attributes> headers = new ArrayList<>();
        BufferedImage image;
        try {
            for (Path file : studyFiles) {
                DicomFile f = reader.read(file);
                files.add(f);
                headers.add(f.dataSet());
            }
            image = picture.get().render(files, textLines(result));
        } catch (Exception cannotDraw) {
            // The study could not be drawn (the same reason the Pipeline reported); the SR says why.
            return Optional.empty();
        }
        return Optional.of(write(scWriter.secondaryCapture(image, result, headers), directory));
    }

    /**
     * @param result a result, not modified
     * @return the lines drawn on the review picture: per-pathology probabilities, the aggregate
     *         and the OOD score, or why the study was not analysed
     */
    public static List<String> textLines(GuardResult result) {
        List<String> lines = new ArrayList<>();
        if (result instanceof Prediction p) {
            for (PathologyFinding f : p.pathologies()) {
                lines.add(f.code() + ": " + f.probability() + " (threshold " + f.decisionThresholdProbability() + ", "
                        + (f.positive() ? "present" : "absent") + ")");
            }
            lines.add("any pathology (" + p.anyPathology().rule().jsonName() + "): " + p.anyPathology().probability());
            lines.add("OOD score " + p.ood().score() + " (threshold " + p.ood().threshold() + ")");
        } else if (result instanceof Rejected r) {
            lines.add("NOT ANALYSED (rejected)");
            for (RejectionReason reason : r.reasons()) {
                lines.add(reason.code());
            }
        } else {
            lines.add("NOT ANALYSED (failed)");
            lines.add(((Failed) result).errorCode());
        }
        lines.add(result.bundleId());
        return lines;
    }

    private static Path write(Attributes dataSet, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(dataSet.getString(Tag.SOPInstanceUID).orElseThrow() + ".dcm");
        DicomWriter.write(file, dataSet);
        return file;
    }
}
