package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReadLimits;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile intake corpus ({@link HostileIntakeCorpus}) through {@code Pipeline.run}, with the
 * decode budgets a 256 MB heap gets by default: every file gives its stable code (none is
 * INTERNAL_ERROR, none throws), the budgets refuse before allocating, and no message carries a
 * control character, a patient identifier or the identifier's bytes read as a tag number.
 */
class HostileIntakeTest {

    /** What DicomReadLimits.defaults() gives under -Xmx256m (a quarter and a half of the heap). */
    private static final DicomReadLimits LIMITS_256M = DicomReadLimits.defaults().withDecodeBudgets(64L << 20,
            128L << 20);

    @TempDir
    static Path dir;
    private static ModelBundle bundle;

    @BeforeAll
    static void writeBundle() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"));
        bundle = ModelBundle.load(dir.resolve("bundle"));
    }

    private static Pipeline pipeline(DicomReadLimits limits) throws Exception {
        return Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).readLimits(limits).build();
    }

    private static String describe(GuardResult r) {
        return r instanceof Failed f ? "failed " + f.errorCode()
                : r instanceof Rejected j ? "rejected " + j.reasons().get(0).code() : "prediction";
    }

    @Test
    void run_eachHostileIntakeFile_givesItsStableCodeAndASafeMessage() throws Exception {
        Map<String, String> mismatches = new TreeMap<>();
        try (Pipeline p = pipeline(LIMITS_256M)) {
            for (Map.Entry<String, HostileCorpus.Entry> e : HostileIntakeCorpus.entries().entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.write(file, e.getValue().bytes());
                GuardResult result = p.run(List.of(file));
                String json = ContractJson.write(result);
                String expected = e.getValue().status() + " " + e.getValue().code();
                if (!describe(result).equals(expected)) {
                    mismatches.put(e.getKey(), "expected " + expected + ", got " + json);
                }
                for (String marker : HostileCorpus.MARKERS.all()) {
                    assertTrue(!json.contains(marker), marker + " leaked by " + e.getKey() + ": " + json);
                }
                assertTrue(!printsTextAsTag(json), "a tag number made of text bytes in " + json);
                assertTrue(json.chars().noneMatch(c -> c < 0x20), json);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.toString());
    }

    /** @return whether the text holds a tag number "(GGGG,EEEE)" whose four bytes are all printable ASCII */
    static boolean printsTextAsTag(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\\)")
                .matcher(text);
        while (m.find()) {
            int tag = Integer.parseInt(m.group(1), 16) << 16 | Integer.parseInt(m.group(2), 16);
            boolean allText = true;
            for (int shift = 0; shift < 32; shift += 8) {
                int b = (tag >>> shift) & 0xFF;
                allText &= b >= 0x20 && b <= 0x7E;
            }
            if (allText) {
                return true;
            }
        }
        return false;
    }

    @Test
    void printsTextAsTag_nameBytesReadAsTag_isDetected() {
        assertTrue(printsTextAsTag("unexpected (4E58,4D41) at offset 12"));
        assertTrue(!printsTextAsTag("PatientName (0010,0010) at offset 12"));
    }

    @Test
    void decodeImage_rleDeclaringMoreThanItsBytesCanHold_isRefusedBeforeAllocating() throws Exception {
        byte[] bytes = HostileIntakeCorpus.rleDeclaring10000x10000();
        assertTrue(bytes.length < 1024, "the file is " + bytes.length + " bytes");
        DicomException e = assertThrows(DicomException.class, () -> new DicomReader().read(bytes).decodeImage());
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("can produce at most"), e.getMessage());
    }

    @Test
    void read_deflateBomb_stopsAtTheFileBudget() {
        byte[] bomb = HostileIntakeCorpus.deflateBomb();
        assertTrue(bomb.length < 200_000, "the bomb is " + bomb.length + " bytes");
        DicomException e = assertThrows(DicomException.class, () -> new DicomReader(LIMITS_256M).read(bomb));
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void decodeImage_imageOverTheFileBudget_isRefusedWithLimitExceeded() throws Exception {
        AttributesBuilder b = HostileCorpus.imageHeader(512, 512, 1, 16);
        b.putPixelData(new short[512 * 512]);
        byte[] file = DicomWriter.toBytes(b.build());
        DicomReadLimits small = DicomReadLimits.defaults().withDecodeBudgets(400_000, 400_000);
        DicomException e = assertThrows(DicomException.class, () -> new DicomReader(small).read(file).decodeImage());
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void run_manyFilesWithLargeHeaders_failsWithLimitExceededNotOutOfMemory() throws Exception {
        // 5000 files x 1 MB headers would need 5 GB; scaled down: 40 files x 60 KB against a 1 MiB study budget.
        Path study = Files.createDirectories(dir.resolve("large-headers"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AttributesBuilder b = HostileCorpus.imageHeader(HostileCorpus.SIZE_PIXELS, HostileCorpus.SIZE_PIXELS, 1, 16);
            b.putString(Tag.SOPInstanceUID, VR.UI, "2.25.77" + i);
            b.putString(0x00204000, VR.LT, "c".repeat(60_000));
            b.putPixelData(new short[HostileCorpus.SIZE_PIXELS * HostileCorpus.SIZE_PIXELS]);
            Path f = study.resolve("im" + i);
            DicomWriter.write(f, b.build());
            files.add(f);
        }
        try (Pipeline p = pipeline(DicomReadLimits.defaults().withDecodeBudgets(512 * 1024, 1 << 20))) {
            GuardResult result = p.run(files);
            assertInstanceOf(Failed.class, result, ContractJson.write(result));
            assertEquals("LIMIT_EXCEEDED", ((Failed) result).errorCode());
        }
    }
}
