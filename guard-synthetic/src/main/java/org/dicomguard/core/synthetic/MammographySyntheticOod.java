package org.dicomguard.core.synthetic;

import java.util.List;

/**
 * Renders the out-of-distribution kinds that are not breasts: a CT-like slice, knee and hand
 * radiographs, a bottle phantom, a blank and a saturated image.
 *
 * <p>Design note: each kind differs from a breast in at least one input statistic the OOD gate sees
 * (mask area, chest-wall contact, intensity spread inside and outside the mask, saturation, edges),
 * not only in its header, so the statistics gate can be tested on images whose header lies.
 */
final class MammographySyntheticOod {

    private MammographySyntheticOod() {
    }

    static MammographySyntheticImage render(MammographySyntheticKind kind, SyntheticRandom random, int rows, int columns,
                                            double spacingMm, int bitsStored, String side, String view,
                                            double noiseSigmaFraction) {
        switch (kind) {
            case CT_SLICE:
                return ctSlice(random, noiseSigmaFraction);
            case KNEE_RADIOGRAPH:
                return radiograph(kind, knee(random, rows, columns), rows, columns, spacingMm, bitsStored, side,
                        "KNEE", "AP", noiseSigmaFraction, random);
            case HAND_RADIOGRAPH:
                return radiograph(kind, hand(random, rows, columns), rows, columns, spacingMm, bitsStored, side,
                        "HAND", "PA", noiseSigmaFraction, random);
            case BOTTLE_PHANTOM:
                return mammographyHeader(kind, bottle(random, rows, columns), rows, columns, spacingMm, bitsStored,
                        side, view, noiseSigmaFraction, random);
            case BLANK:
                return mammographyHeader(kind, filled(rows, columns, MammographyBreastRenderer.AIR_INTENSITY), rows,
                        columns, spacingMm, bitsStored, side, view, noiseSigmaFraction, random);
            case SATURATED:
                return mammographyHeader(kind, filled(rows, columns, 1.0f), rows, columns, spacingMm, bitsStored,
                        side, view, 0, random);
            default:
                throw new IllegalArgumentException("kind " + kind + " is not rendered by the OOD renderer");
        }
    }

    private static MammographySyntheticImage mammographyHeader(MammographySyntheticKind kind, float[] intensity,
                                                               int rows, int columns, double spacingMm,
                                                               int bitsStored, String side, String view,
                                                               double noise, SyntheticRandom random) {
        SyntheticImageHeader header = new SyntheticImageHeader(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION,
                "MG", "BREAST", side, view, rows, columns, bitsStored, 0, "MONOCHROME2", 1.0, 0.0, spacingMm, spacingMm,
                "DICOM Guard synthetic");
        short[] stored = MammographySyntheticGenerator.quantize(intensity, bitsStored, noise, false, random);
        return new MammographySyntheticImage(kind, header, stored, new byte[rows * columns], List.of(), new int[0]);
    }

    private static MammographySyntheticImage radiograph(MammographySyntheticKind kind, float[] intensity, int rows,
                                                        int columns, double spacingMm, int bitsStored, String side,
                                                        String bodyPart, String view, double noise,
                                                        SyntheticRandom random) {
        SyntheticImageHeader header = new SyntheticImageHeader(SyntheticImageHeader.DIGITAL_XRAY_FOR_PRESENTATION,
                "DX", bodyPart, side, view, rows, columns, bitsStored, 0, "MONOCHROME2", 1.0, 0.0, spacingMm,
                spacingMm, "DICOM Guard synthetic");
        short[] stored = MammographySyntheticGenerator.quantize(intensity, bitsStored, noise, false, random);
        return new MammographySyntheticImage(kind, header, stored, new byte[rows * columns], List.of(), new int[0]);
    }

    /** A 512 x 512 axial chest slice: body ellipse, two dark lungs, a bright spine, stored as HU + 1024. */
    private static MammographySyntheticImage ctSlice(SyntheticRandom random, double noiseSigmaFraction) {
        int size = 512;
        short[] stored = new short[size * size];
        double bodyA = random.uniform(0.38, 0.45) * size;
        double bodyB = random.uniform(0.28, 0.33) * size;
        double lungA = bodyA * 0.38;
        double lungB = bodyB * 0.7;
        double noiseHu = noiseSigmaFraction * 1500;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - size / 2.0;
                double dy = y - size / 2.0;
                double hu = -1000;
                if (ellipse(dx, dy, bodyA, bodyB)) {
                    hu = 40;
                    if (ellipse(dx + bodyA * 0.45, dy + bodyB * 0.05, lungA, lungB)
                            || ellipse(dx - bodyA * 0.45, dy + bodyB * 0.05, lungA, lungB)) {
                        hu = -850;
                    }
                    if (ellipse(dx, dy - bodyB * 0.7, bodyA * 0.08, bodyB * 0.14)) {
                        hu = 700;
                    }
                }
                hu += noiseHu * random.gaussianLike();
                stored[y * size + x] = (short) Math.max(0, Math.min(4095, Math.round(hu + 1024)));
            }
        }
        SyntheticImageHeader header = new SyntheticImageHeader(SyntheticImageHeader.CT_IMAGE_STORAGE, "CT", "CHEST", "",
                "", size, size, 12, 0, "MONOCHROME2", 1.0, -1024.0, 0.7, 0.7, "DICOM Guard synthetic");
        return new MammographySyntheticImage(MammographySyntheticKind.CT_SLICE, header, stored, new byte[size * size],
                List.of(), new int[0]);
    }

    /** Soft-tissue band with femur above and tibia below a joint space, and a patella. */
    private static float[] knee(SyntheticRandom random, int rows, int columns) {
        float[] intensity = filled(rows, columns, MammographyBreastRenderer.AIR_INTENSITY);
        double center = columns * random.uniform(0.45, 0.55);
        double softHalfWidth = columns * random.uniform(0.22, 0.28);
        double femurHalfWidth = columns * 0.09;
        double tibiaHalfWidth = columns * 0.08;
        double joint = rows * random.uniform(0.45, 0.55);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - center;
                float value = (float) MammographyBreastRenderer.AIR_INTENSITY;
                if (Math.abs(dx) < softHalfWidth) {
                    value = 0.32f;
                    double condyle = y < joint ? Math.max(0, 1 - (joint - y) / (rows * 0.12)) : 0;
                    double femur = femurHalfWidth * (1 + 0.8 * condyle);
                    double plateau = y > joint ? Math.max(0, 1 - (y - joint) / (rows * 0.08)) : 0;
                    double tibia = tibiaHalfWidth * (1 + 0.7 * plateau);
                    boolean inFemur = y < joint - rows * 0.015 && Math.abs(dx) < femur;
                    boolean inTibia = y > joint + rows * 0.015 && Math.abs(dx) < tibia;
                    if (inFemur || inTibia) {
                        double halfWidth = inFemur ? femur : tibia;
                        // Cortical bone is brighter than the marrow cavity.
                        value = Math.abs(dx) > halfWidth * 0.75 ? 0.85f : 0.62f;
                    }
                    if (ellipse(dx - softHalfWidth * 0.1, y - (joint - rows * 0.1), columns * 0.06, rows * 0.05)) {
                        value = Math.max(value, 0.7f);
                    }
                }
                intensity[y * columns + x] = value;
            }
        }
        return intensity;
    }

    /** A palm with five fingers, each with bright phalanx bones separated by joint gaps. */
    private static float[] hand(SyntheticRandom random, int rows, int columns) {
        float[] intensity = filled(rows, columns, MammographyBreastRenderer.AIR_INTENSITY);
        double palmX = columns * 0.5;
        double palmY = rows * random.uniform(0.68, 0.74);
        double palmA = columns * 0.26;
        double palmB = rows * 0.17;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                if (ellipse(x - palmX, y - palmY, palmA, palmB) || (y > palmY && Math.abs(x - palmX) < palmA * 0.7)) {
                    intensity[y * columns + x] = 0.30f;
                }
            }
        }
        for (int finger = 0; finger < 5; finger++) {
            double baseX = palmX + (finger - 2) * palmA * 0.42;
            double length = rows * (finger == 0 ? 0.22 : random.uniform(0.3, 0.38));
            double halfWidth = columns * 0.035;
            double top = palmY - palmB * 0.6 - length;
            for (int y = Math.max(0, (int) top); y < (int) (palmY); y++) {
                double t = (y - top) / (palmY - top);
                for (int x = Math.max(0, (int) (baseX - halfWidth)); x < Math.min(columns, (int) (baseX + halfWidth)); x++) {
                    double dx = Math.abs(x - baseX);
                    float value = 0.30f;
                    // Three phalanges and a metacarpal separated by dark joint gaps.
                    double segment = t * 4;
                    boolean gap = segment - Math.floor(segment) < 0.08;
                    if (dx < halfWidth * 0.5 && !gap) {
                        value = 0.75f;
                    }
                    intensity[y * columns + x] = Math.max(intensity[y * columns + x], value);
                }
            }
        }
        return intensity;
    }

    /** A vertical water bottle in the middle: intensity follows the path length through a cylinder. */
    private static float[] bottle(SyntheticRandom random, int rows, int columns) {
        float[] intensity = filled(rows, columns, MammographyBreastRenderer.AIR_INTENSITY);
        double center = columns * random.uniform(0.45, 0.55);
        double radius = columns * random.uniform(0.18, 0.25);
        int top = (int) (rows * random.uniform(0.15, 0.25));
        int bottom = (int) (rows * random.uniform(0.75, 0.85));
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < columns; x++) {
                double u = (x - center) / radius;
                if (u * u < 1) {
                    intensity[y * columns + x] = (float) (0.25 + 0.35 * Math.sqrt(1 - u * u));
                }
            }
        }
        return intensity;
    }

    private static float[] filled(int rows, int columns, double value) {
        float[] intensity = new float[rows * columns];
        java.util.Arrays.fill(intensity, (float) value);
        return intensity;
    }

    private static boolean ellipse(double dx, double dy, double a, double b) {
        double u = dx / a;
        double v = dy / b;
        return u * u + v * v <= 1;
    }
}
