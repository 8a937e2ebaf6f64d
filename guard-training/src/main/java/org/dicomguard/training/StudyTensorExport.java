package org.dicomguard.training;

import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Exports study-level model inputs for training: {@code tensors.npy} (float32, N x model input
 * shape) plus {@code tensors.json} (preprocessing config, its fingerprint, study UIDs in row
 * order). The tensors are made by the same {@link StudyPreparer} the Pipeline runs, so a
 * training script never re-implements preprocessing and the model it trains carries the right
 * fingerprint.
 */
public final class StudyTensorExport {

    /** Summary of one export. */
    public record Result(int exported, List<String> skipped) {
    }

    private StudyTensorExport() {
    }

    /**
     * @param config     the preprocessing config (decides the task)
     * @param groups     study groups, e.g. from {@link org.dicomguard.core.study.StudyGrouper}
     * @param include    study UIDs to export (the labelled ones); others are skipped silently
     * @param inputShape model input shape without the batch dimension, e.g. [4, 256, 208]
     * @param outDir     created if missing
     * @param reader     reader with the limits to apply
     * @return how many studies were exported and which were skipped (with the reason)
     * @throws IOException when the output cannot be written
     */
    public static Result export(PreprocessingConfig config, List<StudyFiles> groups, Set<String> include,
                                long[] inputShape, Path outDir, DicomReader reader) throws IOException {
        StudyPreparer preparer = StudyPreparers.of(config);
        Files.createDirectories(outDir);
        Path raw = Files.createTempFile(outDir, "tensors", ".raw");
        List<String> uids = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int length = 0;
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20))) {
                for (StudyFiles group : groups) {
                    if (group.studyInstanceUid().isEmpty() || !include.contains(group.studyInstanceUid().get())) {
                        continue;
                    }
                    String uid = group.studyInstanceUid().get();
                    try {
                        float[] input = preparer.prepare(group, reader).modelInput();
                        length = input.length;
                        ByteBuffer bb = ByteBuffer.allocate(input.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                        bb.asFloatBuffer().put(input);
                        out.write(bb.array());
                        uids.add(uid);
                    } catch (DicomException e) {
                        skipped.add(uid + ": " + e.code() + ": " + e.getMessage());
                    } catch (UnusableStudyException e) {
                        skipped.add(uid + ": " + e.code() + ": " + e.getMessage());
                    }
                }
            }
            long product = 1;
            for (long d : inputShape) {
                product *= d;
            }
            if (!uids.isEmpty() && product != length) {
                throw new IllegalArgumentException("inputShape " + java.util.Arrays.toString(inputShape) + " holds "
                        + product + " floats but the preprocessing made " + length);
            }
            long[] shape = new long[inputShape.length + 1];
            shape[0] = uids.size();
            System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
            try (NpyWriter npy = NpyWriter.open(outDir.resolve("tensors.npy"), shape);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(raw), 1 << 20))) {
                byte[] bytes = new byte[(int) product * 4];
                float[] row = new float[(int) product];
                for (int i = 0; i < uids.size(); i++) {
                    in.readFully(bytes);
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(row);
                    npy.append(row);
                }
            }
        } finally {
            Files.deleteIfExists(raw);
        }
        ObjectNode sidecar = StrictJson.mapper().createObjectNode();
        sidecar.put("task", config.taskName());
        sidecar.put("preprocessingFingerprint", config.sha256Fingerprint());
        sidecar.set("preprocessing", StrictJson.mapper().valueToTree(config));
        ArrayNode shapeNode = sidecar.putArray("inputShape");
        for (long d : inputShape) {
            shapeNode.add(d);
        }
        sidecar.set("studyInstanceUids", StrictJson.mapper().valueToTree(uids));
        Files.writeString(outDir.resolve("tensors.json"),
                StrictJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sidecar) + "\n");
        return new Result(uids.size(), skipped);
    }
}
