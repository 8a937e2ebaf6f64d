package org.dicomguard.core.review;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders a review picture of one preprocessed chest radiograph: the working image (presentation
 * values after MONOCHROME1, rescale and VOI, shown at {@code scale} times its size) with the lung
 * field outline in green, the crop in yellow and the collimation field in magenta, the model
 * input tensor beside it, and text lines (e.g. per-finding probabilities). A finding drawn outside
 * the green outline, or a crop that misses a lung, is visible at a glance. Stateless and thread-safe.
 */
public final class ChestXrayReviewRenderer {

    private static final Color LUNG_OUTLINE = new Color(0, 230, 0);
    private static final Color CROP_BOX = new Color(255, 220, 0);
    private static final Color FIELD_BOX = new Color(230, 0, 230);
    private static final int GAP_PIXELS = 8;

    private ChestXrayReviewRenderer() {
    }

    /**
     * @param result    a preprocessing result, not modified
     * @param textLines lines drawn in the upper left corner, may be empty
     * @param scale     magnification of the working image, in [1, 8]
     * @return a new RGB image
     */
    public static BufferedImage render(ChestXrayPreprocessed result, List<String> textLines, int scale) {
        if (scale < 1 || scale > 8) {
            throw new IllegalArgumentException("scale must be in [1, 8], got " + scale);
        }
        int rows = result.workingRows();
        int columns = result.workingColumns();
        int width = columns * scale;
        int height = rows * scale;
        int tw = result.tensorWidth();
        int th = result.tensorHeight();
        BufferedImage image = new BufferedImage(width + GAP_PIXELS + tw, Math.max(height, th), BufferedImage.TYPE_INT_RGB);
        byte[] lungs = result.masks().lungMask();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = y / scale;
                int c = x / scale;
                boolean outline = lungs[r * columns + c] != 0
                        && MammographyReviewRenderer.isBoundary(lungs, rows, columns, c, r);
                image.setRGB(x, y, outline ? LUNG_OUTLINE.getRGB()
                        : MammographyReviewRenderer.gray(result.workingImage()[r * columns + c]) * 0x010101);
            }
        }
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                image.setRGB(width + GAP_PIXELS + x, y, MammographyReviewRenderer.gray(result.tensor()[y * tw + x]) * 0x010101);
            }
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setStroke(new BasicStroke(1f));
            box(g, FIELD_BOX, result.masks().field(), scale);
            box(g, CROP_BOX, result.cropWorking(), scale);
            drawLines(g, textLines);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void box(Graphics2D g, Color color, CropBox box, int scale) {
        g.setColor(color);
        g.drawRect(box.columnStart() * scale, box.rowStart() * scale, Math.max(1, box.columnCount() * scale - 1),
                Math.max(1, box.rowCount() * scale - 1));
    }

    /** Cyan text with a black shadow, one line every 15 pixels from the top left. */
    static void drawLines(Graphics2D g, List<String> lines) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int lineY = 14;
        for (String line : lines) {
            g.setColor(Color.BLACK);
            g.drawString(line, 5, lineY + 1);
            g.setColor(Color.CYAN);
            g.drawString(line, 4, lineY);
            lineY += 15;
        }
    }
}
