package org.dicomguard.core.synthetic.chestxray;

import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.core.synthetic.SyntheticRandom;

import java.util.List;
import java.util.Set;

/**
 * Draws the {@link ChestXrayOodKind} images as attenuation fields through the same detector model
 * as the chests (the mammogram comes from the mammography generator). Shapes are coarse on
 * purpose: what matters is that each kind lacks what the lung-field mask and statistics expect.
 */
public final class ChestXrayOodImages {

    private ChestXrayOodImages() {
    }

    /**
     * @param generator the chest generator (sizes and detector model)
     * @param kind      which image
     * @param seed      seed of this image
     * @return the image, ground-truth lung mask all 0 except for the lateral and inverted chests
     */
    public static ChestXraySyntheticImage render(ChestXraySyntheticGenerator generator, ChestXrayOodKind kind,
                                                 long seed) {
        SyntheticRandom random = new SyntheticRandom(seed ^ (kind.ordinal() + 1L) * 0xD1B54A32D192ED03L);
        if (kind == ChestXrayOodKind.INVERTED_PHOTOMETRIC) {
            return generator.chest(random, Set.of(), kind.code(), true);
        }
        if (kind == ChestXrayOodKind.MAMMOGRAM) {
            return mammogram(generator, random, kind);
        }
        ChestXraySyntheticGenerator.Detector d = generator.detector(random);
        if (kind == ChestXrayOodKind.LATERAL_CHEST) {
            d = new ChestXraySyntheticGenerator.Detector(d.rows(), d.columns(), d.spacingMm(), d.bitsStored(),
                    d.monochrome1(), d.cr(), "LL", d.offsetFraction(), d.gainFraction(), d.noiseFraction());
        }
        int rows = d.rows();
        int columns = d.columns();
        float[] a = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            double y = (r + 0.5) / rows;
            for (int c = 0; c < columns; c++) {
                a[r * columns + c] = (float) attenuation(kind, (c + 0.5) / columns, y, random);
            }
        }
        short[] stored;
        if (kind == ChestXrayOodKind.BLANK || kind == ChestXrayOodKind.SATURATED) {
            stored = new short[a.length];
            short value = (short) (kind == ChestXrayOodKind.SATURATED ? (1 << d.bitsStored()) - 1 : 0);
            java.util.Arrays.fill(stored, (short) (d.monochrome1() ? (1 << d.bitsStored()) - 1 - value : value));
        } else {
            stored = ChestXraySyntheticGenerator.store(random, d, a);
        }
        return new ChestXraySyntheticImage(ChestXraySyntheticGenerator.header(d, "CHEST", false), stored,
                new byte[a.length], List.of(), kind.code());
    }

    private static ChestXraySyntheticImage mammogram(ChestXraySyntheticGenerator generator, SyntheticRandom random,
                                                     ChestXrayOodKind kind) {
        ChestXraySyntheticGenerator.Detector d = generator.detector(random);
        MammographySyntheticImage m = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults()
                .withImageSize(MammographySyntheticSize.fixed(d.rows(), d.columns())))
                .image(MammographySyntheticKind.BREAST, random.nextLong());
        SyntheticImageHeader h = m.header();
        SyntheticImageHeader relabelled = new SyntheticImageHeader(SyntheticImageHeader.DIGITAL_XRAY_FOR_PRESENTATION,
                "DX", "CHEST", "", "PA", h.rows(), h.columns(), h.bitsStored(), h.pixelRepresentation(),
                h.photometricInterpretation(), h.rescaleSlope(), h.rescaleIntercept(), h.pixelSpacingRowMm(),
                h.pixelSpacingColumnMm(), h.manufacturer());
        return new ChestXraySyntheticImage(relabelled, m.storedValues(), new byte[m.storedValues().length], List.of(),
                kind.code());
    }

    private static double ellipse(double x, double y, double cx, double cy, double a, double b) {
        double u = (x - cx) / a;
        double v = (y - cy) / b;
        return u * u + v * v;
    }

    private static double attenuation(ChestXrayOodKind kind, double x, double y, SyntheticRandom random) {
        switch (kind) {
            case BOTTLE_PHANTOM: {
                for (int k = 0; k < 3; k++) {
                    double cx = 0.25 + 0.25 * k;
                    double u = (x - cx) / 0.09;
                    if (Math.abs(u) < 1 && y > 0.2 && y < 0.85) {
                        return 0.3 + 0.35 * Math.sqrt(1 - u * u) + (y < 0.3 ? 0.1 : 0);
                    }
                }
                return 0.05;
            }
            case HAND: {
                double a = 0.05;
                if (ellipse(x, y, 0.5, 0.68, 0.2, 0.2) <= 1) {
                    a = 0.4;
                }
                for (int k = 0; k < 5; k++) {
                    double fx = 0.34 + 0.08 * k;
                    double top = k == 0 ? 0.5 : 0.15 + 0.03 * Math.abs(k - 2);
                    if (Math.abs(x - fx) < 0.03 && y > top && y < 0.7) {
                        a = Math.abs(x - fx) < 0.012 ? 0.8 : 0.4;
                    }
                }
                return a;
            }
            case KNEE: {
                if (Math.abs(x - 0.5) < 0.2) {
                    boolean femur = Math.abs(x - 0.5) < 0.11 && y < 0.47;
                    boolean tibia = Math.abs(x - 0.5) < 0.1 && y > 0.53;
                    boolean condyles = ellipse(x, y, 0.5, 0.45, 0.15, 0.06) <= 1;
                    return femur || tibia || condyles ? 0.85 : 0.45;
                }
                return 0.05;
            }
            case SKULL: {
                double e = ellipse(x, y, 0.5, 0.5, 0.38, 0.44);
                if (e <= 0.8) {
                    return ellipse(x, y, 0.4, 0.55, 0.06, 0.05) <= 1 || ellipse(x, y, 0.6, 0.55, 0.06, 0.05) <= 1
                            ? 0.45 : 0.6;
                }
                return e <= 1 ? 0.9 : 0.05;
            }
            case ABDOMEN: {
                if (ellipse(x, y, 0.5, 0.5, 0.46, 0.7) > 1) {
                    return 0.05;
                }
                double a = 0.62 + (Math.abs(x - 0.5) < 0.035 ? 0.12 : 0);
                if (ellipse(x, y, 0.5, 0.95, 0.3, 0.12) <= 1) {
                    a += 0.15;
                }
                for (int k = 0; k < 6; k++) {
                    double gx = 0.3 + 0.08 * k;
                    double gy = 0.35 + 0.07 * (k % 3);
                    if (ellipse(x, y, gx, gy, 0.025, 0.02) <= 1) {
                        a = 0.3;
                    }
                }
                return a;
            }
            case LATERAL_CHEST: {
                if (ellipse(x, y, 0.5, 0.6, 0.3, 0.6) > 1) {
                    return 0.05;
                }
                double a = 0.62 + (x > 0.72 ? 0.12 : 0);
                if (ellipse(x, y, 0.5, 0.45, 0.2, 0.28) <= 1 && y < 0.68 && ellipse(x, y, 0.38, 0.6, 0.12, 0.12) > 1) {
                    a = 0.26;
                }
                return a;
            }
            case CT_SLICE: {
                if (y > 0.86 && y < 0.9) {
                    return 0.7;
                }
                if (ellipse(x, y, 0.5, 0.5, 0.42, 0.32) > 1) {
                    return 0.0;
                }
                if (ellipse(x, y, 0.32, 0.48, 0.12, 0.2) <= 1 || ellipse(x, y, 0.68, 0.48, 0.12, 0.2) <= 1) {
                    return 0.03;
                }
                return ellipse(x, y, 0.5, 0.72, 0.05, 0.05) <= 1 ? 0.95 : 0.5;
            }
            default:
                return 0.5;
        }
    }
}
