package org.dicomguard.core.review;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.preprocess.PresentationValues;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a review picture of one preprocessed mammogram: the original (downscaled by block
 * averaging, windowed to the 1st..99th percentile inside the breast mask) with the breast mask outline in green and the crop
 * box in yellow, the model input tensor beside it, and optional text lines (e.g. probabilities).
 *
 * <p>Design note: the historical binarization-threshold incident would have been visible at a glance
 * on such a sheet (masks cutting into the breast), so every pipeline run can produce one. Draws only
 * into a BufferedImage, so it works headless (the JDK picks headless mode itself when there is no
 * display; this class does not change global properties). Stateless and thread-safe.
 */
public final class MammographyReviewRenderer {

    private static final Color MASK_OUTLINE = new Color(0, 230, 0);
    private static final Color CROP_BOX = new Color(255, 220, 0);
    private static final int GAP_PIXELS = 8;

    private MammographyReviewRenderer() {
    }

    /**
     * @param input               the original image, not modified
     * @param result              its preprocessing result, not modified
     * @param textLines           lines drawn in the upper left corner, may be empty
     * @param maxSidePixels       longest side of the downscaled original, in [64, 4096]
     * @return a new RGB image
     */
    public static BufferedImage render(MammographyImageInput input, MammographyPreprocessed result,
                                       List<String> textLines, int maxSidePixels) {
        if (maxSidePixels < 64 || maxSidePixels > 4096) {
            throw new IllegalArgumentException("maxSidePixels must be in [64, 4096], got " + maxSidePixels);
        }
        int rows = input.rows();
        int columns = input.columns();
        int step = Math.max(1, (int) Math.ceil((double) Math.max(rows, columns) / maxSidePixels));
        int height = (rows + step - 1) / step;
        int width = (columns + step - 1) / step;
        float[] means = new float[height * width];
        byte[] mask = new byte[height * width];
        blockAverage(input, result.breastMask(), step, height, width, means, mask);
        // Window on the breast itself (like the tensor) so that tissue contrast shows; the whole
        // image when there is no mask.
        float[] sorted = insideValues(means, mask);
        Arrays.sort(sorted);
        float low = sorted[(int) (0.01 * (sorted.length - 1))];
        float high = Math.max(low + 1, sorted[(int) (0.99 * (sorted.length - 1))]);

        int tensorWidth = result.widthPixels();
        int tensorHeight = result.heightPixels();
        BufferedImage image = new BufferedImage(width + GAP_PIXELS + tensorWidth, Math.max(height, tensorHeight),
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int gray = gray((means[y * width + x] - low) / (high - low));
                image.setRGB(x, y, gray * 0x010101);
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0 && isBoundary(mask, height, width, x, y)) {
                    image.setRGB(x, y, MASK_OUTLINE.getRGB());
                }
            }
        }
        for (int y = 0; y < tensorHeight; y++) {
            for (int x = 0; x < tensorWidth; x++) {
                image.setRGB(width + GAP_PIXELS + x, y, gray(result.tensorChw()[y * tensorWidth + x]) * 0x010101);
            }
        }
        Graphics2D graphics = image.createGraphics();
        try {
            CropBox crop = result.cropBox();
            graphics.setColor(CROP_BOX);
            graphics.setStroke(new BasicStroke(1f));
            graphics.drawRect(crop.columnStart() / step, crop.rowStart() / step,
                    Math.max(1, crop.columnCount() / step - 1), Math.max(1, crop.rowCount() / step - 1));
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int lineY = 14;
            for (String line : textLines) {
                graphics.setColor(Color.BLACK);
                graphics.drawString(line, 5, lineY + 1);
                graphics.setColor(Color.CYAN);
                graphics.drawString(line, 4, lineY);
                lineY += 15;
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static void blockAverage(MammographyImageInput input, byte[] fullMask, int step, int height, int width,
                                     float[] means, byte[] mask) {
        char[] table = PresentationValues.table(input);
        short[] stored = input.storedValues();
        int rows = input.rows();
        int columns = input.columns();
        for (int by = 0; by < height; by++) {
            for (int bx = 0; bx < width; bx++) {
                long sum = 0;
                int count = 0;
                int inside = 0;
                for (int y = by * step; y < Math.min(rows, (by + 1) * step); y++) {
                    for (int x = bx * step; x < Math.min(columns, (bx + 1) * step); x++) {
                        int i = y * columns + x;
                        sum += table[stored[i] & 0xFFFF];
                        inside += fullMask[i];
                        count++;
                    }
                }
                means[by * width + bx] = (float) sum / count;
                mask[by * width + bx] = (byte) (2 * inside >= count ? 1 : 0);
            }
        }
    }

    private static float[] insideValues(float[] means, byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b;
        }
        if (count == 0) {
            return means.clone();
        }
        float[] inside = new float[count];
        for (int i = 0, k = 0; i < means.length; i++) {
            if (mask[i] != 0) {
                inside[k++] = means[i];
            }
        }
        return inside;
    }

    static boolean isBoundary(byte[] mask, int height, int width, int x, int y) {
        return x == 0 || y == 0 || x == width - 1 || y == height - 1 || mask[y * width + x - 1] == 0
                || mask[y * width + x + 1] == 0 || mask[(y - 1) * width + x] == 0 || mask[(y + 1) * width + x] == 0;
    }

    static int gray(float fraction) {
        float clamped = fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction);
        return Math.round(clamped * 255);
    }
}
