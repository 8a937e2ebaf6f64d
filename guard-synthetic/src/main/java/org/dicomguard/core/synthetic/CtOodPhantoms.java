package org.dicomguard.core.synthetic;

/**
 * Paints the out-of-distribution kinds of {@link ChestCtStudyKind} into a canvas. None of them
 * has lungs, so the ground-truth lung mask stays empty.
 *
 * <p>Not thread-safe; used by one generator call at a time.
 */
final class CtOodPhantoms {

    private CtOodPhantoms() {
    }

    /** Fills the canvas with a constant HU value. */
    static void constant(CtSyntheticCanvas c, float hu) {
        java.util.Arrays.fill(c.hu, hu);
    }

    /** A water cylinder with a plastic wall, in air, along the whole scan. */
    static void bottle(CtSyntheticCanvas c) {
        double radiusMm = c.uniform(85, 110);
        double wallMm = 3;
        double centerY = c.uniform(-10, 10);
        for (int z = 0; z < c.depth; z++) {
            for (int y = 0; y < c.height; y++) {
                double ym = c.yMm(y) - centerY;
                int row = (z * c.height + y) * c.width;
                for (int x = 0; x < c.width; x++) {
                    double r = Math.sqrt(c.xMm(x) * c.xMm(x) + ym * ym);
                    c.hu[row + x] = r <= radiusMm - wallMm ? 0f : r <= radiusMm ? 120f : -1000f;
                }
            }
        }
    }

    /** A head: scalp, skull, brain, and small air-filled sinuses near the bottom. */
    static void head(CtSyntheticCanvas c) {
        double a = c.uniform(68, 78);
        double b = c.uniform(88, 98);
        double halfLength = c.halfLengthMm() * 1.15;
        for (int z = 0; z < c.depth; z++) {
            double zn = c.zMm(z) / halfLength;
            double taper = Math.sqrt(Math.max(0.15, 1 - zn * zn));
            for (int y = 0; y < c.height; y++) {
                double yn = c.yMm(y) / (b * taper);
                int row = (z * c.height + y) * c.width;
                for (int x = 0; x < c.width; x++) {
                    double xn = c.xMm(x) / (a * taper);
                    double r = Math.sqrt(xn * xn + yn * yn);
                    float v;
                    if (r > 1) {
                        v = -1000f;
                    } else if (r > 0.96) {
                        v = -80f;
                    } else if (r > 0.88) {
                        v = 1000f;
                    } else {
                        v = 35f;
                    }
                    c.hu[row + x] = v;
                }
            }
        }
        int sinuses = c.integer(2, 3);
        for (int k = 0; k < sinuses; k++) {
            double radiusMm = c.uniform(7, 12);
            c.forEachInEllipsoid(c.uniform(-25, 25), -0.6 * b, -0.45 * c.halfLengthMm() + c.uniform(-15, 15),
                    radiusMm, radiusMm, radiusMm, (i, r2) -> c.hu[i] = -1000f);
        }
    }

    /** An abdomen: fat, muscle, liver, spine, a few bowel gas pockets. */
    static void abdomen(CtSyntheticCanvas c, boolean table) {
        double a = c.uniform(140, 170);
        double b = c.uniform(100, 120);
        double spineY = 0.6 * b;
        for (int z = 0; z < c.depth; z++) {
            for (int y = 0; y < c.height; y++) {
                double ym = c.yMm(y);
                int row = (z * c.height + y) * c.width;
                for (int x = 0; x < c.width; x++) {
                    double xm = c.xMm(x);
                    double m = (xm / a) * (xm / a) + (ym / b) * (ym / b);
                    float v;
                    if (m > 1) {
                        v = table && ym >= b + 8 && ym <= b + 18 && Math.abs(xm) < 0.9 * a ? 150f : -1000f;
                    } else if (m > 0.8) {
                        v = -100f;
                    } else if (xm * xm + (ym - spineY) * (ym - spineY) < 18 * 18) {
                        v = 700f;
                    } else if ((xm + 0.45 * a) * (xm + 0.45 * a) / (0.4 * a * 0.4 * a)
                            + (ym + 0.1 * b) * (ym + 0.1 * b) / (0.55 * b * 0.55 * b) < 1) {
                        v = 60f;
                    } else {
                        v = 45f;
                    }
                    c.hu[row + x] = v;
                }
            }
        }
        int pockets = c.integer(4, 8);
        for (int k = 0; k < pockets; k++) {
            double radiusMm = c.uniform(6, 15);
            c.forEachInEllipsoid(c.uniform(-0.2, 0.5) * a, c.uniform(-0.5, 0.1) * b,
                    c.uniform(-0.8, 0.8) * c.halfLengthMm(), radiusMm, radiusMm, radiusMm, (i, r2) -> c.hu[i] = -1000f);
        }
    }
}
