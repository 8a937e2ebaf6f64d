package org.dicomguard.core.evaluation;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Copies hard studies into a folder so that the team grows a regression set from production: a
 * study is hard when it was Rejected, Failed, or predicted with some pathology probability within
 * {@code thresholdMarginProbability} of that pathology's decision threshold.
 *
 * <p>The Pipeline's listener sees events, not files, so callers (the score and evaluate commands,
 * or a backend) call {@link #collect(List, GuardResult)} after each study with the study's files
 * and its result.
 *
 * <p>Layout: {@code case-<first 16 hex digits of SHA-256 of the StudyInstanceUID>/<index>.dcm}
 * (0-based, in the order given) and {@code index.csv} with
 * {@code caseId,status,codes,pathologyNearThreshold,probability,decisionThresholdProbability}.
 * No name or line carries a patient identifier or the study UID itself; for a result without a
 * study UID (unreadable file) the id hashes the first file's bytes. The copied files are the
 * original DICOM files and still hold patient data: store the folder as such. A case already
 * present is not copied again. {@code golden} runs over such a folder as it is; {@code evaluate}
 * needs a labels.csv that reviewers add (keyed by the StudyInstanceUID inside the files).
 *
 * <p>Thread-safe: collection is serialized, so one collector can serve a multi-threaded backend.
 */
public final class HardCaseCollector {

    /** Name of the index file. */
    public static final String INDEX_FILE = "index.csv";
    /** Header of the index file. */
    public static final String INDEX_HEADER = "caseId,status,codes,pathologyNearThreshold,probability,decisionThresholdProbability";

    private final Path folder;
    private final double thresholdMarginProbability;

    /**
     * Why a study was collected.
     *
     * @param caseId                       folder name, {@code case-<16 hex>}
     * @param status                       "rejected", "failed" or "prediction"
     * @param codes                        rejection reason codes or the error code; empty for a prediction
     * @param pathologyNearThreshold       for a prediction: the pathology nearest its threshold, else empty
     * @param probability                  its probability, NaN otherwise
     * @param decisionThresholdProbability its threshold, NaN otherwise
     */
    public record HardCase(String caseId, String status, List<String> codes, String pathologyNearThreshold,
                           double probability, double decisionThresholdProbability) {
        /** Copies the codes. */
        public HardCase {
            codes = List.copyOf(codes);
        }

        String csvLine() {
            return String.join(",", caseId, status, String.join(";", codes), pathologyNearThreshold,
                    Double.isNaN(probability) ? "" : String.format(Locale.ROOT, "%.6f", probability),
                    Double.isNaN(decisionThresholdProbability) ? "" : String.format(Locale.ROOT, "%.6f",
                            decisionThresholdProbability));
        }
    }

    /**
     * @param folder                     created on first use
     * @param thresholdMarginProbability a prediction is hard when |probability - threshold| &lt;= this, in [0, 1]
     */
    public HardCaseCollector(Path folder, double thresholdMarginProbability) {
        if (!(thresholdMarginProbability >= 0 && thresholdMarginProbability <= 1)) {
            throw new IllegalArgumentException("thresholdMarginProbability must be in [0, 1], got " + thresholdMarginProbability);
        }
        this.folder = folder;
        this.thresholdMarginProbability = thresholdMarginProbability;
    }

    /**
     * @param result a study's result
     * @param caseId the case id to report
     * @return why it is hard, or empty when it is not
     */
    public Optional<HardCase> classify(GuardResult result, String caseId) {
        if (result instanceof Rejected r) {
            return Optional.of(new HardCase(caseId, "rejected", r.reasons().stream().map(RejectionReason::code).toList(),
                    "", Double.NaN, Double.NaN));
        }
        if (result instanceof Failed f) {
            return Optional.of(new HardCase(caseId, "failed", List.of(f.errorCode()), "", Double.NaN, Double.NaN));
        }
        PathologyFinding nearest = null;
        for (PathologyFinding finding : ((Prediction) result).pathologies()) {
            double distance = Math.abs(finding.probability() - finding.decisionThresholdProbability());
            if (distance <= thresholdMarginProbability && (nearest == null
                    || distance < Math.abs(nearest.probability() - nearest.decisionThresholdProbability()))) {
                nearest = finding;
            }
        }
        return nearest == null ? Optional.empty() : Optional.of(new HardCase(caseId, "prediction", List.of(),
                nearest.code(), nearest.probability(), nearest.decisionThresholdProbability()));
    }

    /**
     * Copies the study when it is hard.
     *
     * @param studyFiles the study's files, as given to the Pipeline; not modified
     * @param result     its result
     * @return the case when it was hard (also when it had been collected before), else empty
     * @throws IOException when a file cannot be read or written
     */
    public synchronized Optional<HardCase> collect(List<Path> studyFiles, GuardResult result) throws IOException {
        if (studyFiles.isEmpty()) {
            throw new IllegalArgumentException("studyFiles must not be empty");
        }
        String hash = result.studyInstanceUidIfKnown()
                .map(uid -> StrictJson.sha256Hex(uid.getBytes(StandardCharsets.UTF_8)))
                .orElse(fileSha256(studyFiles.get(0)));
        String caseId = "case-" + hash.substring(0, 16);
        Optional<HardCase> hard = classify(result, caseId);
        if (hard.isEmpty()) {
            return hard;
        }
        Path caseDir = folder.resolve(caseId);
        if (Files.isDirectory(caseDir)) {
            return hard;
        }
        Path partial = Files.createDirectories(folder.resolve(caseId + ".partial"));
        for (int i = 0; i < studyFiles.size(); i++) {
            Files.copy(studyFiles.get(i), partial.resolve(i + ".dcm"), StandardCopyOption.REPLACE_EXISTING);
        }
        // Rename last so that a crash never leaves a half-copied case that looks complete.
        Files.move(partial, caseDir, StandardCopyOption.ATOMIC_MOVE);
        Path index = folder.resolve(INDEX_FILE);
        String line = hard.get().csvLine() + "\n";
        if (!Files.exists(index)) {
            line = INDEX_HEADER + "\n" + line;
        }
        Files.writeString(index, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return hard;
    }

    private static String fileSha256(Path file) throws IOException {
        MessageDigest digest = StrictJson.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
