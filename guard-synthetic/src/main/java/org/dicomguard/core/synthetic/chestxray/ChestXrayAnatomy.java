package org.dicomguard.core.synthetic.chestxray;

import org.dicomguard.core.synthetic.SyntheticRandom;
import org.dicomguard.core.synthetic.SyntheticValueNoise;

import java.util.Set;

/**
 * A frontal (PA) chest drawn as attenuation per pixel (0 air, about 0.6 soft tissue, 1 and above
 * unexposed), with its ground-truth lung fields.
 *
 * <p>Design note: shapes live in coordinates normalized to the image (x across, y down, both in
 * [0, 1]), so one patient renders at any detector size. Lungs are super-ellipses (exponent 2.5,
 * flatter at the mediastinum than an ellipse) cut by diaphragm domes and the heart; ribs are
 * parabolic bands, clavicles thick segments, the spine a vertical band; lung markings are value
 * noise plus hilar density. The ground truth is the aerated lung: it includes nodules,
 * consolidation and pneumothorax (all inside the pleural space the lung field outlines) and
 * excludes the heart, the diaphragm and an effusion's fluid. Only {@code sqrt} and {@link StrictMath}
 * are used, so pixels are identical on every JVM. Instances are used by one thread.
 */
final class ChestXrayAnatomy {

    private static final double AIR = 0.05;
    private static final double LUNG = 0.24;
    private static final double EXPONENT_HALF = 0.5;

    private final double cx;
    private final double lungA;
    private final double lungB;
    private final double lungCy;
    private final double lungCenterDx;
    private final double domeTop;
    private final double heartA;
    private final double heartB;
    private final double heartCx;
    private final double heartCy;
    private final double bodyA;
    private final double ribSpacing;
    private final double ribPhase;
    private final double ribContrast;
    private final SyntheticValueNoise markings;
    private final SyntheticValueNoise patches;
    private final Set<ChestXrayFinding> findings;
    private final int effusionSide;
    private final double effusionDepth;
    private final int pneumothoraxSide;
    private final double pneumothoraxLevel;
    private final double noduleX;
    private final double noduleY;
    private final double noduleRadius;
    private final double consolidationX;
    private final double consolidationY;
    private final double consolidationSigma;

    /**
     * @param random       source of the patient's shape, advanced
     * @param findings     findings to draw
     * @param fieldWidthMm physical width of the image, mm (sets the nodule size in pixels)
     */
    ChestXrayAnatomy(SyntheticRandom random, Set<ChestXrayFinding> findings, double fieldWidthMm) {
        this.findings = findings;
        double scale = random.uniform(0.92, 1.04);
        double dy = random.uniform(-0.025, 0.025);
        cx = 0.5 + random.uniform(-0.02, 0.02);
        lungA = 0.125 * scale;
        lungB = 0.27 * scale;
        lungCy = 0.45 + dy;
        lungCenterDx = random.uniform(0.022, 0.03) + lungA;
        domeTop = lungCy + lungB * random.uniform(0.5, 0.62);
        heartA = findings.contains(ChestXrayFinding.CARDIOMEGALY) ? random.uniform(0.17, 0.19) * scale
                : random.uniform(0.095, 0.115) * scale;
        heartB = random.uniform(0.1, 0.12) * scale;
        heartCx = cx + random.uniform(0.025, 0.045);
        heartCy = domeTop - random.uniform(0.0, 0.03);
        bodyA = random.uniform(0.4, 0.44) * scale;
        ribSpacing = random.uniform(0.05, 0.062);
        ribPhase = random.uniform(0, 1);
        ribContrast = random.uniform(0.04, 0.07);
        markings = new SyntheticValueNoise(random, 48);
        patches = new SyntheticValueNoise(random, 12);
        effusionSide = random.chance(0.5) ? -1 : 1;
        effusionDepth = random.uniform(0.08, 0.14);
        pneumothoraxSide = random.chance(0.5) ? -1 : 1;
        pneumothoraxLevel = random.uniform(0.35, 0.5);
        noduleRadius = random.uniform(9, 15) / fieldWidthMm;
        double[] nodule = pointInLung(random, 0.75);
        noduleX = nodule[0];
        noduleY = nodule[1];
        consolidationSigma = random.uniform(0.035, 0.06);
        double[] consolidation = pointInLung(random, 0.6);
        consolidationX = consolidation[0];
        consolidationY = consolidation[1];
    }

    /** A point well inside one lung (super-ellipse level below {@code level}, above the dome). */
    private double[] pointInLung(SyntheticRandom random, double level) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = random.uniform(0.15, 0.85);
            double y = random.uniform(0.2, 0.75);
            int side = x < cx ? -1 : 1;
            double u = (Math.abs(x - cx) - lungCenterDx) / lungA;
            double v = (y - lungCy) / lungB;
            if (level(u, v) < level && y < dome(u, side) - 0.03 && !inHeart(x, y)) {
                return new double[]{x, y};
            }
        }
        return new double[]{cx - lungCenterDx, lungCy};
    }

    private static double level(double u, double v) {
        double au = Math.abs(u);
        double av = Math.abs(v);
        return au * au * Math.sqrt(au) + av * av * Math.sqrt(av);
    }

    private double dome(double u, int side) {
        return domeTop + (side > 0 ? 0.02 : 0) + 0.07 * u * u;
    }

    private boolean inHeart(double x, double y) {
        double hx = (x - heartCx) / heartA;
        double hy = (y - heartCy) / heartB;
        return hx * hx + hy * hy <= 1;
    }

    /**
     * @param rows      image rows
     * @param columns   image columns
     * @param out       attenuation per pixel, overwritten
     * @param lungMask  ground truth, overwritten
     */
    void render(int rows, int columns, float[] out, byte[] lungMask) {
        for (int r = 0; r < rows; r++) {
            double y = (r + 0.5) / rows;
            for (int c = 0; c < columns; c++) {
                double x = (c + 0.5) / columns;
                int i = r * columns + c;
                lungMask[i] = 0;
                out[i] = (float) attenuation(x, y, lungMask, i);
            }
        }
    }

    private double attenuation(double x, double y, byte[] lungMask, int i) {
        double dx = x - cx;
        double bx = dx / bodyA;
        double by = (y - 0.72) / 0.66;
        double sx = dx / (bodyA * 1.06);
        double sy = (y - 0.28) / 0.18;
        boolean body = bx * bx + by * by <= 1 || sx * sx + sy * sy <= 1 || (Math.abs(dx) < 0.07 && y < 0.3);
        if (!body) {
            return AIR;
        }
        double a = 0.56 + 0.1 * Math.max(0, 1 - bx * bx);
        int side = dx < 0 ? -1 : 1;
        double u = (Math.abs(dx) - lungCenterDx) / lungA;
        double v = (y - lungCy) / lungB;
        double level = level(u, v);
        boolean thorax = level <= 1.35 && y < dome(u, side) + 0.02;
        if (Math.abs(dx) < 0.032 && y > 0.04) {
            a += 0.1;
        }
        if (level <= 1 && y < dome(u, side) && !inHeart(x, y)) {
            boolean fluid = findings.contains(ChestXrayFinding.EFFUSION) && side == effusionSide
                    && y > dome(u, side) - effusionDepth * (0.55 + 0.45 * Math.max(0, u));
            if (!fluid) {
                lungMask[i] = 1;
                a = lung(x, y, u, v, level, side);
            }
        }
        if (thorax) {
            double rib = (y - 0.16 * u * u * lungA - 0.1) / ribSpacing + ribPhase;
            double frac = rib - Math.floor(rib);
            if (frac < 0.28 && y > 0.1) {
                a += ribContrast;
            }
        }
        double clavicle = clavicleDistance(Math.abs(dx), y);
        if (clavicle < 0.011) {
            a += 0.09;
        }
        return a;
    }

    private double lung(double x, double y, double u, double v, double level, int side) {
        double a = LUNG + 0.05 * (markings.sample(x, y) - 0.5);
        double hilum = Math.max(0, 1 - Math.sqrt((u + 0.6) * (u + 0.6) + 2.25 * v * v) / 0.6);
        a += 0.07 * hilum;
        if (findings.contains(ChestXrayFinding.PNEUMOTHORAX) && side == pneumothoraxSide && v < 0.35
                && (u > 0 || v < -0.4)) {
            if (level > pneumothoraxLevel + 0.03) {
                return LUNG - 0.1;
            }
            if (level > pneumothoraxLevel) {
                a += 0.05;
            }
        }
        if (findings.contains(ChestXrayFinding.NODULE)) {
            double ndx = x - noduleX;
            double ndy = y - noduleY;
            double d2 = (ndx * ndx + ndy * ndy) / (noduleRadius * noduleRadius);
            if (d2 < 1) {
                a += 0.3 * Math.sqrt(1 - d2);
            }
        }
        if (findings.contains(ChestXrayFinding.CONSOLIDATION)) {
            double ddx = x - consolidationX;
            double ddy = y - consolidationY;
            double d2 = (ddx * ddx + ddy * ddy) / (consolidationSigma * consolidationSigma);
            if (d2 < 9) {
                a += 0.2 * StrictMath.exp(-d2 * EXPONENT_HALF) * (0.6 + 0.8 * patches.sample(x, y));
            }
        }
        return a;
    }

    /** Distance to a clavicle: a segment from near the midline at y 0.2 up and out to the shoulder. */
    private double clavicleDistance(double adx, double y) {
        double x0 = 0.035;
        double y0 = lungCy - lungB * 0.78;
        double x1 = 0.27;
        double y1 = y0 - 0.05;
        double px = adx - x0;
        double py = y - y0;
        double vx = x1 - x0;
        double vy = y1 - y0;
        double t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
        double ex = px - t * vx;
        double ey = py - t * vy;
        return Math.sqrt(ex * ex + ey * ey);
    }
}
