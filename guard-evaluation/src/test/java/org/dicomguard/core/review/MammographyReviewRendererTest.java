package org.dicomguard.core.review;

import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review PNGs and contact sheet. Set -Ddicomguard.reviewDir=DIR to keep the pictures for a look. */
class MammographyReviewRendererTest {

    @TempDir
    Path temp;

    @Test
    void render_studyAndOodImages_writesPngsWithOutlineAndSheet() throws Exception {
        Path directory = Path.of(System.getProperty("dicomguard.reviewDir", temp.toString()));
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults()
                .withImageSize(MammographySyntheticSize.fixed(600, 480)).withMassPrevalenceFraction(1)
                .withCalcificationPrevalenceFraction(1));
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        List<MammographySyntheticImage> images = new ArrayList<>(generator.study(5, 0).views());
        for (MammographySyntheticKind kind : MammographySyntheticKind.values()) {
            images.add(generator.image(kind, 3));
        }
        List<ReviewContactSheet.Entry> entries = new ArrayList<>();
        int index = 0;
        for (MammographySyntheticImage image : images) {
            MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
            String title = image.kind() + " " + image.header().imageLaterality() + "-" + image.header().viewPosition();
            List<String> lines = List.of(title, String.format(java.util.Locale.ROOT, "mask %.3f lesions %d",
                    result.statistic("maskAreaFraction"), image.lesions().size()));
            BufferedImage picture = MammographyReviewRenderer.render(image.toPreprocessingInput(), result, lines, 400);
            String name = String.format(java.util.Locale.ROOT, "%02d-%s.png", index++, image.kind());
            ReviewContactSheet.writePng(picture, directory.resolve(name));
            entries.add(new ReviewContactSheet.Entry(name, title, lines));
            if (image.kind() == MammographySyntheticKind.BREAST) {
                assertTrue(countColor(picture, 0x00E600) > 100, "mask outline drawn for " + title);
            }
        }
        Path sheet = ReviewContactSheet.write(directory, "Mammography review <test>", entries);
        String html = Files.readString(sheet);
        assertTrue(html.contains("00-BREAST.png") && html.contains("&lt;test&gt;"), html);
        BufferedImage back = ImageIO.read(directory.resolve("00-BREAST.png").toFile());
        assertEquals(300, back.getHeight(), "600 rows block-averaged by 2");
    }

    private static int countColor(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return count;
    }
}
