package org.dicomguard.training;

import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.task.mammography.MammographyStatistics;
import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .npy layout and the training export sidecar, parsed back in Java. */
class NpyWriterTest {

    @TempDir
    Path temp;

    @Test
    void write_smallArray_headerAndDataParseBack() throws Exception {
        float[] values = {0f, 1.5f, -2.25f, Float.MIN_VALUE, 3e7f, 0.1f};
        Path file = temp.resolve("a.npy");
        NpyWriter.write(file, values, 2, 3);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.trim());
        assertTrue(header.endsWith("\n"));
        assertArrayEquals(values, readData(bytes, 10 + headerLength, values.length));
        assertEquals(10 + headerLength + 4 * values.length, bytes.length);
    }

    @Test
    void header_oneDimension_usesPythonSingleTuple() {
        String text = new String(NpyWriter.header(new long[] {5}), StandardCharsets.US_ASCII);
        assertTrue(text.contains("'shape': (5,), }"), text);
    }

    @Test
    void close_tooFewValues_throws() throws Exception {
        NpyWriter writer = NpyWriter.open(temp.resolve("b.npy"), 2, 2);
        writer.append(new float[3]);
        IllegalStateException e = assertThrows(IllegalStateException.class, writer::close);
        assertTrue(e.getMessage().contains("holds 4 values, but 3 were written"), e.getMessage());
    }

    @Test
    void append_tooManyValues_throws() throws Exception {
        try (NpyWriter writer = NpyWriter.open(temp.resolve("c.npy"), 2)) {
            assertThrows(IllegalStateException.class, () -> writer.append(new float[3]));
            writer.append(new float[2]);
        }
    }

    @Test
    void trainingExport_studies_tensorsAndSidecarMatchPreprocessing() throws Exception {
        MammographyPreprocessingConfig config = MammographyPreprocessingConfig.defaults()
                .toBuilder().modelInputWidthPixels(52).modelInputHeightPixels(64).build();
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(config);
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults()
                .withImageSize(MammographySyntheticSize.fixed(200, 160)));
        List<MammographyTrainingExport.Sample> samples = new ArrayList<>();
        for (MammographySyntheticStudy study : generator.studies(3, 2)) {
            for (MammographySyntheticImage image : study.views()) {
                samples.add(new MammographyTrainingExport.Sample(study.studyId() + "/" + image.header().imageLaterality()
                        + "-" + image.header().viewPosition(), study.studyId(), image.header().imageLaterality(),
                        image.header().viewPosition(), Map.of("mass", study.label("mass"),
                        "calcification", study.label("calcification")),
                        preprocessor.preprocess(image.toPreprocessingInput())));
            }
        }
        Path npy = MammographyTrainingExport.write(temp, "train", config, samples);
        byte[] bytes = Files.readAllBytes(npy);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertTrue(new String(bytes, 10, headerLength, StandardCharsets.US_ASCII).contains("'shape': (8, 1, 64, 52)"));
        float[] data = readData(bytes, 10 + headerLength, 8 * 64 * 52);
        float[] fifth = java.util.Arrays.copyOfRange(data, 5 * 64 * 52, 6 * 64 * 52);
        assertArrayEquals(samples.get(5).result().tensorChw(), fifth);

        JsonNode sidecar = StrictJson.mapper().readTree(temp.resolve("train.json").toFile());
        assertEquals(config.sha256Fingerprint(), sidecar.get("preprocessingFingerprint").asText());
        assertEquals(config, StrictJson.mapper().treeToValue(sidecar.get("preprocessingConfig"),
                MammographyPreprocessingConfig.class));
        assertEquals(8, sidecar.get("samples").size());
        JsonNode first = sidecar.get("samples").get(0);
        assertEquals(samples.get(0).sampleId(), first.get("sampleId").asText());
        assertEquals(samples.get(0).result().statistic("insideP50"), first.get("statistics").get("insideP50").asDouble());
        assertEquals(MammographyStatistics.NAMES.size(), first.get("statistics").size());
    }

    private static float[] readData(byte[] bytes, int offset, int count) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, count * 4).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }
}
