package org.dicomguard.core.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the reader: each fixture made by dcmtk/gdcm (make-fixtures.sh) decodes to
 * exactly the stored values of its uncompressed original (same pixelSha256), whatever the
 * transfer syntax: RLE, JPEG Lossless .57/.70, JPEG 2000 lossless, Deflated.
 */
class CompressedFixtureTest {

    private final DicomReader reader = new DicomReader();

    @TestFactory
    List<DynamicTest> read_everyLosslessFixture_equalsUncompressedOriginal() throws Exception {
        JsonNode index;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/fixtures.json")) {
            index = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : index.get("files")) {
            String name = f.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                DicomFile file = reader.read(fixture(name));
                assertEquals(f.get("transferSyntaxUid").asText(), file.transferSyntaxUid());
                DicomImage image = file.decodeImage();
                assertEquals(f.get("rows").asInt(), image.rows());
                assertEquals(f.get("columns").asInt(), image.columns());
                assertEquals(f.get("frames").asInt(), image.frames());
                if (f.get("lossless").asBoolean()) {
                    assertEquals(f.get("pixelSha256").asText(), image.pixelSha256(), name + " differs from its original");
                } else {
                    double mean = image.summary().pixelMean();
                    assertTrue(Math.abs(mean - f.get("pixelMean").asDouble()) < 2.0, name + " mean " + mean);
                }
            }));
        }
        assertTrue(tests.size() >= 20, "fixture index lists " + tests.size() + " files");
        return tests;
    }

    private Path fixture(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/fixtures/" + name).toURI());
    }
}
