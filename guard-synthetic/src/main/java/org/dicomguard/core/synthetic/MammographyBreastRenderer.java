package org.dicomguard.core.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws one breast view into an intensity image in [0, 1] (MONOCHROME2 sense: 0 = air, 1 = the top
 * of the stored range) together with its ground-truth mask.
 *
 * <p>Design note: the breast is a semi-ellipse growing from the chest wall (column 0 for a left
 * breast, the last column for a right one) whose outline wobbles slowly along its height; tissue
 * intensity drops smoothly towards the skin line (thinner compressed tissue near the edge) but stays
 * well above air so that the skin line is a real edge. MLO views add the pectoral muscle as a
 * brighter triangle in the upper chest-wall corner. Lesions are sized relative to the image width so
 * that they stay visible after downscaling to a model input of about 128 to 256 pixels.
 *
 * <p>Stateless apart from the parameters given; not part of the public API surface beyond the
 * generator.
 */
final class MammographyBreastRenderer {

    static final double AIR_INTENSITY = 0.03;
    static final double MARKER_INTENSITY = 0.97;
    private static final double SKIN_INTENSITY = 0.36;

    /** Geometry of one breast, shared by the CC and MLO views of a side except where noted. */
    record BreastShape(double depthFractionOfWidth, double halfHeightFractionOfRows, double centerFractionOfRows,
                       double wobble1, double wobble1Frequency, double wobble1Phase,
                       double wobble2, double wobble2Frequency, double wobble2Phase,
                       double pectoralTopFractionOfWidth, double pectoralHeightFractionOfRows) {
    }

    /** A lesion in normalized breast coordinates: u from the chest wall (0..1 of depth), v from the centre line (-1..1). */
    record LesionPlan(String code, double u, double v, double radiusFractionOfWidth, long detailSeed) {
    }

    private MammographyBreastRenderer() {
    }

    /**
     * Renders a breast.
     *
     * @param rows       image rows
     * @param columns    image columns
     * @param left       true when the chest wall is at column 0 (a left breast)
     * @param shape      geometry; pectoral fields are used only when {@code mlo}
     * @param mlo        whether to draw the pectoral muscle
     * @param texture    coarse fibroglandular texture
     * @param fineTexture fine texture
     * @param lesions    lesions to draw
     * @param intensity  output intensities, rows*columns, overwritten
     * @param mask       output ground-truth mask, rows*columns, overwritten
     * @return the lesions drawn, in image coordinates
     */
    static List<SyntheticLesion> render(int rows, int columns, boolean left, BreastShape shape, boolean mlo,
                                        SyntheticValueNoise texture, SyntheticValueNoise fineTexture,
                                        List<LesionPlan> lesions, float[] intensity, byte[] mask) {
        double a = shape.depthFractionOfWidth() * columns;
        double b = shape.halfHeightFractionOfRows() * rows;
        double cy = shape.centerFractionOfRows() * rows;
        double pectoralTop = shape.pectoralTopFractionOfWidth() * columns;
        double pectoralHeight = shape.pectoralHeightFractionOfRows() * rows;
        for (int y = 0; y < rows; y++) {
            double v = (y - cy) / b;
            double wobble = 1 + shape.wobble1() * StrictMath.sin(shape.wobble1Frequency() * v + shape.wobble1Phase())
                    + shape.wobble2() * StrictMath.sin(shape.wobble2Frequency() * v + shape.wobble2Phase());
            double pectoralWidth = mlo && y < pectoralHeight ? pectoralTop * (1 - y / pectoralHeight) : -1;
            int rowOffset = y * columns;
            for (int x = 0; x < columns; x++) {
                double xc = left ? x : columns - 1 - x;
                double u = xc / a;
                double r = Math.sqrt(u * u + v * v) / wobble;
                boolean pectoral = xc < pectoralWidth;
                int index = rowOffset + x;
                if (r <= 1 || pectoral) {
                    double depth = Math.max(1 - r, 0);
                    double falloff = smoothstep(depth / 0.10);
                    double tissue = SKIN_INTENSITY + 0.20 * falloff
                            + falloff * (0.16 * texture.sample(xc / columns, (double) y / rows)
                            + 0.05 * fineTexture.sample(xc / columns, (double) y / rows));
                    if (pectoral) {
                        tissue += 0.12 * smoothstep((pectoralWidth - xc) / (0.02 * columns));
                    }
                    intensity[index] = (float) tissue;
                    mask[index] = 1;
                } else {
                    // Partial-volume tail just outside the skin line (about 2.5 pixels): not breast in
                    // the ground truth, but bright enough that the threshold position matters.
                    double tail = 1 - (r - 1) * a / 2.5;
                    intensity[index] = (float) (tail > 0
                            ? AIR_INTENSITY + 0.5 * (SKIN_INTENSITY - AIR_INTENSITY) * tail : AIR_INTENSITY);
                    mask[index] = 0;
                }
            }
        }
        List<SyntheticLesion> drawn = new ArrayList<>();
        for (LesionPlan plan : lesions) {
            double centerColumnFromWall = plan.u() * a;
            double centerColumn = left ? centerColumnFromWall : columns - 1 - centerColumnFromWall;
            double centerRow = cy + plan.v() * b;
            double radius = plan.radiusFractionOfWidth() * columns;
            if (SyntheticLesion.MASS.equals(plan.code())) {
                drawMass(rows, columns, centerRow, centerColumn, radius, plan.detailSeed(), intensity, mask);
            } else {
                drawCalcifications(rows, columns, centerRow, centerColumn, radius, plan.detailSeed(), intensity, mask);
            }
            drawn.add(new SyntheticLesion(plan.code(), centerRow, centerColumn, radius));
        }
        return drawn;
    }

    private static void drawMass(int rows, int columns, double cr, double cc, double radius, long seed,
                                 float[] intensity, byte[] mask) {
        SyntheticRandom random = new SyntheticRandom(seed);
        int spikes = 5 + random.nextInt(6);
        double spikePhase = random.uniform(0, 2 * Math.PI);
        double spikeAmplitude = random.uniform(0.1, 0.35);
        double reach = radius * (1 + spikeAmplitude) + 2;
        int r0 = Math.max(0, (int) (cr - reach));
        int r1 = Math.min(rows - 1, (int) (cr + reach));
        int c0 = Math.max(0, (int) (cc - reach));
        int c1 = Math.min(columns - 1, (int) (cc + reach));
        double edge = Math.max(1.0, 0.15 * radius);
        for (int y = r0; y <= r1; y++) {
            for (int x = c0; x <= c1; x++) {
                int index = y * columns + x;
                if (mask[index] == 0) {
                    continue;
                }
                double dy = y - cr;
                double dx = x - cc;
                double distance = Math.sqrt(dx * dx + dy * dy);
                double angle = StrictMath.atan2(dy, dx);
                // Spicules: a radius that rises in narrow spikes at evenly spread angles.
                double spike = StrictMath.cos(spikes * angle + spikePhase);
                double positive = Math.max(spike, 0);
                double cubed = positive * positive * positive;
                double boundary = radius * (1 + spikeAmplitude * cubed * cubed);
                double weight = smoothstep((boundary - distance) / edge);
                if (weight > 0) {
                    intensity[index] = (float) Math.min(0.95, intensity[index] + 0.22 * weight);
                }
            }
        }
    }

    private static void drawCalcifications(int rows, int columns, double cr, double cc, double clusterRadius,
                                           long seed, float[] intensity, byte[] mask) {
        SyntheticRandom random = new SyntheticRandom(seed);
        int specks = 10 + random.nextInt(9);
        for (int i = 0; i < specks; i++) {
            double angle = random.uniform(0, 2 * Math.PI);
            double distance = clusterRadius * Math.sqrt(random.uniform());
            double sr = cr + distance * StrictMath.sin(angle);
            double sc = cc + distance * StrictMath.cos(angle);
            double speckRadius = Math.max(0.8, random.uniform(0.010, 0.015) * columns);
            int r0 = Math.max(0, (int) (sr - speckRadius - 1));
            int r1 = Math.min(rows - 1, (int) (sr + speckRadius + 1));
            int c0 = Math.max(0, (int) (sc - speckRadius - 1));
            int c1 = Math.min(columns - 1, (int) (sc + speckRadius + 1));
            for (int y = r0; y <= r1; y++) {
                for (int x = c0; x <= c1; x++) {
                    int index = y * columns + x;
                    double dy = y - sr;
                    double dx = x - sc;
                    if (mask[index] != 0 && dx * dx + dy * dy <= speckRadius * speckRadius) {
                        intensity[index] = (float) Math.max(intensity[index], 0.97);
                    }
                }
            }
        }
    }

    /**
     * Draws a silicone breast implant: a smooth, nearly homogeneous dense ellipse behind the
     * fibroglandular tissue (centred at a third of the breast depth), brighter than any tissue. The
     * ground-truth mask keeps the breast outline (the implant lies inside it).
     */
    static void drawImplant(int rows, int columns, boolean left, BreastShape shape, boolean mlo, float[] intensity,
                            byte[] mask) {
        double a = shape.depthFractionOfWidth() * columns;
        double b = shape.halfHeightFractionOfRows() * rows;
        double cy = shape.centerFractionOfRows() * rows;
        double u0 = 0.34;
        double v0 = mlo ? 0.08 : 0;
        double ru = 0.30;
        double rv = 0.52;
        for (int y = 0; y < rows; y++) {
            double dv = ((y - cy) / b - v0) / rv;
            if (Math.abs(dv) > 1) {
                continue;
            }
            for (int x = 0; x < columns; x++) {
                int index = y * columns + x;
                if (mask[index] == 0) {
                    continue;
                }
                double xc = left ? x : columns - 1 - x;
                double du = (xc / a - u0) / ru;
                double d = du * du + dv * dv;
                double weight = smoothstep((1 - d) / 0.12);
                if (weight > 0) {
                    intensity[index] = (float) (intensity[index] + weight * (0.9 - intensity[index]));
                }
            }
        }
    }

    /** Draws a metal skin marker (a small saturated disk, a "BB") on the nipple, at the breast's outer edge. */
    static void drawSkinMarker(int rows, int columns, boolean left, BreastShape shape, float[] intensity) {
        double a = shape.depthFractionOfWidth() * columns;
        double cy = shape.centerFractionOfRows() * rows;
        double wobble = 1 + shape.wobble1() * StrictMath.sin(shape.wobble1Phase())
                + shape.wobble2() * StrictMath.sin(shape.wobble2Phase());
        double radius = Math.max(2, 0.006 * columns);
        double xc = a * wobble - radius;
        double cx = left ? xc : columns - 1 - xc;
        for (int y = Math.max(0, (int) (cy - radius)); y <= Math.min(rows - 1, (int) (cy + radius + 1)); y++) {
            for (int x = Math.max(0, (int) (cx - radius)); x <= Math.min(columns - 1, (int) (cx + radius + 1)); x++) {
                double dx = x - cx;
                double dy = y - cy;
                if (dx * dx + dy * dy <= radius * radius) {
                    intensity[y * columns + x] = 1f;
                }
            }
        }
    }

    /**
     * Burns a letter-like "L" or "R" into the air near the top of the side opposite the chest wall.
     *
     * @return row0, column0, row1, column1 (exclusive) of the marker box
     */
    static int[] drawSideMarker(int rows, int columns, boolean left, String letter, float[] intensity) {
        int height = Math.max(7, (int) Math.round(0.05 * rows));
        int width = Math.max(5, (int) Math.round(0.035 * columns));
        int stroke = Math.max(1, width / 5);
        int r0 = (int) Math.round(0.05 * rows);
        int c0 = left ? (int) Math.round(0.88 * columns) : (int) Math.round(0.12 * columns) - width;
        fill(intensity, columns, r0, c0, r0 + height, c0 + stroke);
        if ("L".equals(letter)) {
            fill(intensity, columns, r0 + height - stroke, c0, r0 + height, c0 + width);
        } else {
            int middle = r0 + height / 2;
            fill(intensity, columns, r0, c0, r0 + stroke, c0 + width);
            fill(intensity, columns, middle - stroke / 2, c0, middle - stroke / 2 + stroke, c0 + width);
            fill(intensity, columns, r0, c0 + width - stroke, middle, c0 + width);
            for (int y = middle; y < r0 + height; y++) {
                int x = c0 + (int) Math.round((double) (y - middle) / (r0 + height - middle) * (width - stroke));
                fill(intensity, columns, y, x, y + 1, x + stroke);
            }
        }
        return new int[] {r0, c0, r0 + height, c0 + width};
    }

    private static void fill(float[] intensity, int columns, int r0, int c0, int r1, int c1) {
        for (int y = r0; y < r1; y++) {
            for (int x = c0; x < c1; x++) {
                intensity[y * columns + x] = (float) MARKER_INTENSITY;
            }
        }
    }

    /** @return 0 below 0, 1 above 1, a smooth cubic in between */
    static double smoothstep(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }
}
