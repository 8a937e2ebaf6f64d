package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bundles (issue 14) are refused by {@code ModelBundle.load}, naming the file or field,
 * without crashing, hanging or inflating a bomb: links out of the folder and to devices, zip
 * bombs, a central directory that hides an entry, duplicate entries, duplicate JSON keys, and
 * manifest values the output contract would refuse later.
 */
class BundleDefensiveLoadTest {

    private static final List<String> FILES = List.of("manifest.json", "model.onnx", "ood-profile.json");

    @TempDir
    Path dir;

    private Path folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("b"));
        TestBundles.write(folder);
        return folder;
    }

    private static BundleLoadException refused(Path bundle) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(BundleLoadException.class, () -> ModelBundle.load(bundle)));
    }

    @Test
    void load_modelLinkedToDevZero_isRefusedWithoutReadingIt() throws Exception {
        Path folder = folder();
        Files.delete(folder.resolve("model.onnx"));
        Files.createSymbolicLink(folder.resolve("model.onnx"), Path.of("/dev/zero"));
        BundleLoadException e = refused(folder);
        assertEquals("model.onnx", e.field(), e.getMessage());
    }

    @Test
    void load_modelLinkedOutsideTheFolder_isRefused() throws Exception {
        Path folder = folder();
        Path outside = dir.resolve("elsewhere.onnx");
        Files.move(folder.resolve("model.onnx"), outside);
        Files.createSymbolicLink(folder.resolve("model.onnx"), outside);
        BundleLoadException e = refused(folder);
        assertTrue(e.getMessage().contains("outside the bundle"), e.getMessage());
    }

    @Test
    void load_duplicateJsonKeyInManifest_isRefused() throws Exception {
        Path folder = folder();
        String json = Files.readString(folder.resolve("manifest.json"));
        String id = "\"bundleId\"";
        int at = json.indexOf(id);
        int end = json.indexOf(',', at);
        // A second bundleId after the first: "last wins" would silently change the id.
        Files.writeString(folder.resolve("manifest.json"), json.substring(0, end + 1) + "\"bundleId\":\"other\","
                + json.substring(end + 1));
        BundleLoadException e = refused(folder);
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), e.getMessage());
    }

    @Test
    void load_bundleIdTheContractRefuses_namesBundleId() throws Exception {
        BundleManifest m = TestBundles.manifest(MammographyPreprocessingConfig.defaults());
        BundleManifest bad = new BundleManifest(1, "bad id with spaces!", m.task(), m.model(), m.pathologies(),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(),
                m.referenceMetrics());
        BundleWriter.write(dir, bad, TestBundles.model(m.preprocessing()), new byte[]{'{', '}'});
        assertEquals("bundleId", refused(dir).field());
    }

    @Test
    void load_pathologyCodeTheContractRefuses_namesIt() throws Exception {
        BundleManifest m = TestBundles.manifest(MammographyPreprocessingConfig.defaults());
        BundleManifest.PathologySpec first = m.pathologies().get(0);
        BundleManifest bad = new BundleManifest(1, m.bundleId(), m.task(), m.model(),
                List.of(new BundleManifest.PathologySpec("1-mass with space", first.displayName(), first.outputIndex(),
                        first.decisionThresholdProbability())),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(),
                m.referenceMetrics());
        BundleWriter.write(dir, bad, TestBundles.model(m.preprocessing()), new byte[]{'{', '}'});
        assertEquals("pathologies[0].code", refused(dir).field());
    }

    @Test
    void load_zipBombModel_isRefusedBeforeInflatingIt() throws Exception {
        Path folder = folder();
        Path zip = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : List.of("manifest.json", "ood-profile.json")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(folder.resolve(name)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("model.onnx"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                z.write(zeros); // 1 GiB of zeros, about 1 MB compressed
            }
            z.closeEntry();
        }
        assertTrue(Files.size(zip) < 2_000_000, "zip of " + Files.size(zip) + " bytes");
        BundleLoadException e = refused(zip);
        assertEquals("model.onnx", e.field(), e.getMessage());
    }

    @Test
    void load_zipWithDuplicateEntry_isRefused() throws Exception {
        Path folder = folder();
        Path twice = dir.resolve("twice.zip");
        // A second manifest.json after the first: which one counts would depend on the reader.
        Files.write(twice, zipOf(folder, FILES, "manifest.json"));
        BundleLoadException e = refused(twice);
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void load_zipWhoseCentralDirectoryHidesAnEntry_isRefused() throws Exception {
        Path folder = folder();
        byte[] zip = zipOf(folder, FILES, null);
        // Drop the last central directory record: the local header of ood-profile.json stays in the
        // file but the central directory no longer lists it.
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        int cdSize = b.getInt(eocd + 12);
        int cdOffset = b.getInt(eocd + 16);
        int p = cdOffset;
        int lastStart = -1;
        while (p < cdOffset + cdSize) {
            lastStart = p;
            p += 46 + (b.getShort(p + 28) & 0xFFFF) + (b.getShort(p + 30) & 0xFFFF) + (b.getShort(p + 32) & 0xFFFF);
        }
        int lastLength = p - lastStart;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, lastStart);
        byte[] end = java.util.Arrays.copyOfRange(zip, eocd, zip.length);
        ByteBuffer e = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
        e.putShort(8, (short) 2).putShort(10, (short) 2).putInt(12, cdSize - lastLength);
        out.write(end);
        Path file = dir.resolve("hidden.zip");
        Files.write(file, out.toByteArray());
        BundleLoadException ex = refused(file);
        assertTrue(ex.getMessage().contains("central directory") || ex.field().equals("ood-profile.json"),
                ex.getMessage());
    }

    /** A zip of the folder's files, with one of them written a second time when extra is not null. */
    private static byte[] zipOf(Path folder, List<String> names, String extra) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(folder.resolve(name)));
                z.closeEntry();
            }
        }
        if (extra == null) {
            return bytes.toByteArray();
        }
        // ZipOutputStream refuses duplicate names, so rename an entry of the same length afterwards.
        String sameLength = "x".repeat(extra.length());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(again)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(folder.resolve(name)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(sameLength));
            z.write(Files.readAllBytes(folder.resolve(extra)));
            z.closeEntry();
        }
        return renameEntry(again.toByteArray(), sameLength, extra);
    }

    private static byte[] renameEntry(byte[] zip, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = java.util.Arrays.copyOf(to.getBytes(StandardCharsets.UTF_8), f.length);
        byte[] out = zip.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }
}
