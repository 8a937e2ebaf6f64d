package org.dicomguard.core.synthetic;

import java.util.Set;

/**
 * Paints a synthetic chest into a {@link CtSyntheticCanvas}: body ellipse with a fat rim, ribs,
 * spine, an optional table, two lungs (about -850 HU with vessels), trachea and main bronchi
 * (air), and the requested pathologies. Sets the ground-truth lung mask: the lung regions with
 * everything inside them (vessels, bronchi within the lung, nodules, ground glass) and without
 * the pleural effusion that displaces lung.
 *
 * <p>Design note: shapes are analytic in millimetres (ellipsoids with a low-order angular
 * perturbation, tubes around segments), so the same seed gives the same patient at any grid
 * size and the ground truth is exact at voxel centers. Lesion sizes are chosen to stay visible on
 * a 64 x 64 x 32 model grid (about 5 x 5 x 8 mm voxels): two to four nodules of 12-20 mm,
 * ground glass two or three regions of 50-80 mm,
 * effusion a large fraction of the lower posterior lung. Lungs stay inside the ribs, vessels stay
 * off the lung boundary so that the ground truth is learnable by a threshold-and-morphology mask.
 *
 * <p>Not thread-safe; used by one generator call at a time.
 */
final class ChestCtAnatomyRenderer {

    private static final float AIR_HU = -1000f;
    private static final float FAT_HU = -100f;
    private static final float SOFT_TISSUE_HU = 40f;
    private static final float BONE_HU = 700f;
    private static final float LUNG_HU = -850f;
    private static final float FLUID_HU = 10f;
    private static final float NODULE_HU = 30f;
    private static final float TABLE_HU = 150f;

    private final CtSyntheticCanvas c;
    private final double bodyA;
    private final double bodyB;
    private final double[] lungCenterX = new double[2];
    private final double lungCenterY;
    private final double lungCenterZ;
    private final double lungAx;
    private final double lungAy;
    private final double lungAz;
    private final double[][] perturbation = new double[2][4];

    ChestCtAnatomyRenderer(CtSyntheticCanvas canvas) {
        this.c = canvas;
        this.bodyA = canvas.uniform(140, 165);
        this.bodyB = canvas.uniform(95, 112);
        double lungScale = canvas.uniform(0.92, 1.04);
        this.lungAx = 0.36 * bodyA * lungScale;
        this.lungAy = 0.58 * bodyB * lungScale;
        this.lungAz = canvas.halfLengthMm() * canvas.uniform(0.70, 0.78);
        this.lungCenterY = canvas.uniform(-4, 4);
        this.lungCenterZ = canvas.halfLengthMm() * canvas.uniform(-0.02, 0.06);
        for (int side = 0; side < 2; side++) {
            lungCenterX[side] = (side == 0 ? -1 : 1) * 0.5 * bodyA * canvas.uniform(0.97, 1.03);
            perturbation[side][0] = canvas.uniform(0.0, 0.035);
            perturbation[side][1] = canvas.uniform(0, 2 * Math.PI);
            perturbation[side][2] = canvas.uniform(0.0, 0.025);
            perturbation[side][3] = canvas.uniform(0, 2 * Math.PI);
        }
    }

    /** Paints the whole chest with the given pathologies. */
    void render(Set<ChestCtPathology> pathologies, boolean table) {
        paintBodyAndLungs(table);
        paintAirways();
        for (int side = 0; side < 2; side++) {
            paintVessels(side, c.integer(12, 20));
        }
        if (pathologies.contains(ChestCtPathology.GROUND_GLASS)) {
            paintGroundGlass(c.integer(2, 3));
        }
        if (pathologies.contains(ChestCtPathology.NODULE)) {
            paintNodules(c.integer(2, 4));
        }
        if (pathologies.contains(ChestCtPathology.EFFUSION)) {
            int sides = c.integer(0, 2);
            for (int side = 0; side < 2; side++) {
                if (sides == 2 || sides == side) {
                    paintEffusion(side, c.uniform(0.5, 0.75));
                }
            }
        }
    }

    /** @return squared normalized radius of the point in the lung of that side; inside when <= 1 */
    private double lungMetric(int side, double x, double y, double z) {
        double dx = (x - lungCenterX[side]) / lungAx;
        double dy = (y - lungCenterY) / lungAy;
        double dz = (z - lungCenterZ) / lungAz;
        double theta = Math.atan2(dy, dx);
        double[] p = perturbation[side];
        double scale = 1 + p[0] * Math.cos(2 * theta + p[1]) + p[2] * Math.cos(3 * theta + p[3]);
        return (dx * dx + dy * dy) / (scale * scale) + dz * dz;
    }

    private void paintBodyAndLungs(boolean table) {
        double tableTopMm = bodyB + 8;
        double spineY = 0.62 * bodyB;
        double ribPeriodMm = c.uniform(24, 30);
        double ribPhase = c.uniform(0, 1);
        for (int z = 0; z < c.depth; z++) {
            double zm = c.zMm(z);
            double dzLung = (zm - lungCenterZ) / lungAz;
            boolean lungSlice = dzLung * dzLung <= 1;
            for (int y = 0; y < c.height; y++) {
                double ym = c.yMm(y);
                int row = (z * c.height + y) * c.width;
                for (int x = 0; x < c.width; x++) {
                    double xm = c.xMm(x);
                    double m = (xm / bodyA) * (xm / bodyA) + (ym / bodyB) * (ym / bodyB);
                    float v;
                    if (m > 1) {
                        v = table && ym >= tableTopMm && ym <= tableTopMm + 10 && Math.abs(xm) < 0.9 * bodyA
                                ? TABLE_HU : AIR_HU;
                    } else if (m > 0.9025) {
                        v = FAT_HU;
                    } else if (m >= 0.81 && m <= 0.8836 && isRib(zm, ym, ribPeriodMm, ribPhase)) {
                        v = BONE_HU;
                    } else if (xm * xm + (ym - spineY) * (ym - spineY) < 18 * 18) {
                        v = BONE_HU;
                    } else {
                        v = SOFT_TISSUE_HU;
                    }
                    if (lungSlice && m < 0.81) {
                        int side = xm < 0 ? 0 : 1;
                        if (lungMetric(side, xm, ym, zm) <= 1) {
                            // Dependent (posterior) lung is slightly denser, as in supine patients.
                            v = LUNG_HU + (float) (25 * (ym - lungCenterY) / lungAy);
                            c.lung[row + x] = 1;
                        }
                    }
                    c.hu[row + x] = v;
                }
            }
        }
    }

    private static boolean isRib(double zm, double ym, double periodMm, double phase) {
        // Ribs descend from back to front: the phase shifts with the anterior-posterior position.
        double t = (zm + 0.25 * ym) / periodMm + phase;
        return t - Math.floor(t) < 0.35;
    }

    private void paintAirways() {
        double tracheaRadiusMm = c.uniform(7.5, 9.5);
        double bronchusRadiusMm = c.uniform(4.5, 5.5);
        double tracheaY = lungCenterY - 0.3 * lungAy;
        double carinaZ = lungCenterZ + 0.3 * lungAz;
        double[] top = {0, tracheaY, c.halfLengthMm() + 20};
        double[] carina = {0, tracheaY, carinaZ};
        c.forEachNearSegment(top, carina, tracheaRadiusMm, (i, d2) -> c.hu[i] = AIR_HU);
        for (int side = 0; side < 2; side++) {
            double[] hilum = {0.6 * lungCenterX[side], lungCenterY - 5, carinaZ - 25};
            c.forEachNearSegment(carina, hilum, bronchusRadiusMm, (i, d2) -> c.hu[i] = AIR_HU);
        }
    }

    private void paintVessels(int side, int count) {
        for (int k = 0; k < count; k++) {
            double[] start = {0.65 * lungCenterX[side], lungCenterY + c.uniform(-10, 10),
                lungCenterZ + c.uniform(-0.2, 0.2) * lungAz};
            double[] end = randomPointInLung(side, 0.6);
            double radiusMm = c.uniform(1.5, 3.0);
            c.forEachNearSegment(start, end, radiusMm, (i, d2) -> {
                // Vessels stay off the lung boundary so that the mask need not chase notches.
                if (c.lung[i] != 0 && metricAt(side, i) <= 0.72) {
                    c.hu[i] = SOFT_TISSUE_HU;
                }
            });
        }
    }

    private void paintNodules(int count) {
        for (int k = 0; k < count; k++) {
            int side = c.integer(0, 1);
            double[] center = randomPointInLung(side, 0.45);
            double radiusMm = c.uniform(6, 10);
            c.forEachInEllipsoid(center[0], center[1], center[2], radiusMm, radiusMm, radiusMm, (i, r2) -> {
                if (c.lung[i] != 0) {
                    c.hu[i] = NODULE_HU;
                }
            });
        }
    }

    private void paintGroundGlass(int count) {
        for (int k = 0; k < count; k++) {
            int side = c.integer(0, 1);
            double[] center = randomPointInLung(side, 0.35);
            double radiusMm = c.uniform(25, 40);
            float target = (float) c.uniform(-650, -500);
            c.forEachInEllipsoid(center[0], center[1], center[2], radiusMm, radiusMm, radiusMm * 0.8, (i, r2) -> {
                if (c.lung[i] != 0 && c.hu[i] < -600) {
                    // Hazy: full density in the core, fading to the normal lung at the rim.
                    double weight = Math.min(1, 3 * (1 - r2));
                    c.hu[i] = (float) (c.hu[i] + weight * (target - c.hu[i]));
                }
            });
        }
    }

    private void paintEffusion(int side, double depthFraction) {
        for (int z = 0; z < c.depth; z++) {
            double zn = (c.zMm(z) - lungCenterZ) / lungAz;
            if (zn >= 0.5 || zn < -1) {
                continue;
            }
            // Fluid layers dependent (posterior) and deepens smoothly toward the lung base.
            double level = 1 - depthFraction * Math.min(1.4, 1.4 * (0.5 - zn));
            for (int y = 0; y < c.height; y++) {
                double yn = (c.yMm(y) - lungCenterY) / lungAy;
                if (yn <= level) {
                    continue;
                }
                int row = (z * c.height + y) * c.width;
                for (int x = 0; x < c.width; x++) {
                    if (c.lung[row + x] != 0 && (c.xMm(x) < 0 ? 0 : 1) == side) {
                        c.hu[row + x] = FLUID_HU;
                        c.lung[row + x] = 0;
                    }
                }
            }
        }
    }

    private double metricAt(int side, int index) {
        int x = index % c.width;
        int y = (index / c.width) % c.height;
        int z = index / (c.width * c.height);
        return lungMetric(side, c.xMm(x), c.yMm(y), c.zMm(z));
    }

    /** @return a point whose lung metric is at most {@code maxMetric} (rejection sampling) */
    private double[] randomPointInLung(int side, double maxMetric) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = lungCenterX[side] + c.uniform(-1, 1) * lungAx;
            double y = lungCenterY + c.uniform(-1, 1) * lungAy;
            double z = lungCenterZ + c.uniform(-1, 1) * lungAz;
            if (lungMetric(side, x, y, z) <= maxMetric) {
                return new double[] {x, y, z};
            }
        }
        return new double[] {lungCenterX[side], lungCenterY, lungCenterZ};
    }
}
