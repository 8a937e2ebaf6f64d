package org.dicomguard.core.review;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Small picture helpers shared by the review pictures. Stateless. */
final class Pictures {
    private static final int GAP_PIXELS = 8;

    private Pictures() {
    }

    /** @return the pictures left to right on black, top-aligned */
    static BufferedImage sideBySide(List<BufferedImage> pictures) {
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("no picture to draw");
        }
        int width = -GAP_PIXELS;
        int height = 1;
        for (BufferedImage p : pictures) {
            width += p.getWidth() + GAP_PIXELS;
            height = Math.max(height, p.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            int x = 0;
            for (BufferedImage p : pictures) {
                g.drawImage(p, x, 0, null);
                x += p.getWidth() + GAP_PIXELS;
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
