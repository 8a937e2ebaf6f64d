package org.dicomguard.samples.cli;

import org.dicomguard.core.bundle.TestEvaluationBundles;
import org.dicomguard.core.bundle.TestMammographyPacks;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewCommandTest {

    @TempDir
    static Path shared;
    static Path bundle;
    static Path pack;

    @TempDir
    Path dir;

    final CliSession cli = new CliSession();

    @BeforeAll
    static void fixtures() throws IOException {
        bundle = shared.resolve("bundle");
        TestEvaluationBundles.write(bundle, TestEvaluationBundles.referenceMetrics(0.5, 0.5));
        pack = shared.resolve("pack");
        TestMammographyPacks.write(pack, 5, 2, 0, List.of(MammographySyntheticKind.CT_SLICE));
    }

    private List<Path> pngs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void review_withoutBundle_pngsAndIndexForMammogramsOnly() throws IOException {
        Path review = dir.resolve("review");
        int exit = cli.run("review", "--out", review.toString(), pack.toString());
        assertEquals(0, exit, cli.stderr());
        List<Path> pngs = pngs(review);
        assertEquals(8, pngs.size(), "4 views x 2 mammography studies; the CT study is skipped");
        BufferedImage image = ImageIO.read(pngs.get(0).toFile());
        assertTrue(image.getWidth() > 26 && image.getHeight() >= 64, image.getWidth() + "x" + image.getHeight());
        String html = Files.readString(review.resolve("index.html"));
        for (Path png : pngs) {
            assertTrue(html.contains(png.getFileName().toString()));
            assertTrue(png.getFileName().toString().matches("study-[0-9a-f]{12}-0[0-3]\\.png"), png.toString());
        }
        assertFalse(html.contains("Doe") || html.contains(TestEvaluationBundles.PATIENT_ID));
        assertTrue(cli.stderr().contains("Modality 'CT' is not drawn"));
    }

    @Test
    void review_withBundle_probabilitiesInCaptions() throws IOException {
        Path review = dir.resolve("review");
        int exit = cli.run("review", "--bundle", bundle.toString(), "--out", review.toString(), pack.resolve("study-0000").toString());
        assertEquals(0, exit, cli.stderr());
        assertEquals(4, pngs(review).size());
        String html = Files.readString(review.resolve("index.html"));
        assertTrue(html.contains("mass 0.") && html.contains("(threshold 0.50)"), html);
        assertTrue(html.contains("test-mammography-1"));
    }

    @Test
    void review_onlyCt_exit2() {
        int exit = cli.run("review", "--out", dir.resolve("r").toString(), pack.resolve("study-0002").toString());
        assertEquals(2, exit);
        assertTrue(cli.stderr().contains("no mammography image found"));
    }
}
