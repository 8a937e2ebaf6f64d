package org.dicomguard.core.review;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingResult;
import org.dicomguard.core.task.chestct.CtBox;
import org.dicomguard.core.task.chestct.CtVolume;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders a review picture of one preprocessed chest CT: three representative axial slices (at a
 * quarter, half and three quarters of the crop's depth) in a lung window (centre -600 HU, width
 * 1500 HU) with the lung mask outline in green and the crop box in yellow, the middle slice of
 * the model input beside them, and text lines above them (e.g. per-finding probabilities). A finding outside
 * the organ, or a crop that cuts a lung, is visible at a glance. Stateless and thread-safe.
 */
public final class ChestCtReviewRenderer {

    private static final Color LUNG_OUTLINE = new Color(0, 230, 0);
    private static final Color CROP_BOX = new Color(255, 220, 0);
    private static final int GAP_PIXELS = 8;
    private static final double WINDOW_CENTER_HU = -600;
    private static final double WINDOW_WIDTH_HU = 1500;

    private ChestCtReviewRenderer() {
    }

    /**
     * @param volume    the assembled volume the result came from, not modified
     * @param result    its preprocessing result, not modified
     * @param textLines lines drawn in the upper left corner, may be empty
     * @return a new RGB image
     */
    public static BufferedImage render(CtVolume volume, ChestCtPreprocessingResult result, List<String> textLines) {
        int h = volume.height();
        int w = volume.width();
        CtBox crop = result.cropBox();
        int[] slices = {crop.z0() + crop.depth() / 4, crop.z0() + crop.depth() / 2, crop.z0() + 3 * crop.depth() / 4};
        int th = result.tensorHeight();
        int tw = result.tensorWidth();
        int top = 15 * textLines.size() + 4;
        BufferedImage image = new BufferedImage(3 * (w + GAP_PIXELS) + tw, Math.max(h, th) + top,
                BufferedImage.TYPE_INT_RGB);
        byte[] mask = result.lungMask().voxels();
        int plane = h * w;
        for (int k = 0; k < slices.length; k++) {
            int z = Math.min(volume.depth() - 1, slices[k]);
            int left = k * (w + GAP_PIXELS);
            byte[] sliceMask = new byte[plane];
            System.arraycopy(mask, z * plane, sliceMask, 0, plane);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    boolean outline = sliceMask[i] != 0 && MammographyReviewRenderer.isBoundary(sliceMask, h, w, x, y);
                    float fraction = (float) ((volume.huValues()[z * plane + i] - WINDOW_CENTER_HU) / WINDOW_WIDTH_HU + 0.5);
                    image.setRGB(left + x, y + top, outline ? LUNG_OUTLINE.getRGB()
                            : MammographyReviewRenderer.gray(fraction) * 0x010101);
                }
            }
        }
        int tz = result.tensorDepth() / 2;
        int tensorLeft = 3 * (w + GAP_PIXELS);
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                image.setRGB(tensorLeft + x, y + top,
                        MammographyReviewRenderer.gray(result.tensor()[(tz * th + y) * tw + x]) * 0x010101);
            }
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setStroke(new BasicStroke(1f));
            g.setColor(CROP_BOX);
            for (int k = 0; k < slices.length; k++) {
                g.drawRect(k * (w + GAP_PIXELS) + crop.x0(), crop.y0() + top, Math.max(1, crop.width() - 1),
                        Math.max(1, crop.height() - 1));
            }
            ChestXrayReviewRenderer.drawLines(g, textLines);
        } finally {
            g.dispose();
        }
        return image;
    }
}
