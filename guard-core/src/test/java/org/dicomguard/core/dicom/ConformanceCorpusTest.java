package org.dicomguard.core.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance corpus (src/test/conformance/make-corpus.sh): files encoded by dcmtk and GDCM
 * per transfer syntax, each decoded by guard-core and compared with the pixelSha256 of an
 * independent decoder's output (dcmdjpeg, dcmdjpls, dcmdrle, gdcmconv --raw). Needs no tools.
 */
class ConformanceCorpusTest {
    private final DicomReader reader = new DicomReader();

    @TestFactory
    List<DynamicTest> decodeImage_everyCorpusFile_matchesIndependentDecoder() throws Exception {
        JsonNode index;
        try (InputStream in = getClass().getResourceAsStream("/conformance/conformance.json")) {
            index = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : index.get("files")) {
            String name = f.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name + " (" + f.get("encoder").asText() + ")", () -> {
                DicomFile file = reader.read(Path.of(getClass().getResource("/conformance/" + name).toURI()));
                assertEquals(f.get("transferSyntaxUid").asText(), file.transferSyntaxUid());
                DicomImage image = file.decodeImage();
                assertEquals(f.get("frames").asInt(), image.frames());
                assertEquals(f.get("rows").asInt(), image.rows());
                assertEquals(f.get("columns").asInt(), image.columns());
                assertEquals(f.get("pixelSha256").asText(), image.pixelSha256(),
                        name + " differs from " + f.get("referenceDecoder").asText());
            }));
        }
        assertTrue(tests.size() >= 50, "corpus lists " + tests.size() + " files");
        return tests;
    }
}
