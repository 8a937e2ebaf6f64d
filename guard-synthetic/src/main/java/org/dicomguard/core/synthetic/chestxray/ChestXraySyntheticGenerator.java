package org.dicomguard.core.synthetic.chestxray;

import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.core.synthetic.SyntheticRandom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Synthetic frontal chest radiographs with ground-truth lung fields and findings, and the
 * out-of-distribution images of {@link ChestXrayOodKind}.
 *
 * <p>Detector variety per image: CR or DX, BitsStored 10, 12, 14 or 16, MONOCHROME1 or 2, exposure
 * (offset and gain of the stored range), noise, collimator shutters on some sides, PA or AP. Equal
 * seeds give equal images on every JVM. Immutable and thread-safe.
 */
public final class ChestXraySyntheticGenerator {

    /** Kind code of an in-distribution image. */
    public static final String CHEST_KIND = "chest";

    private static final int[] BITS = {10, 12, 14, 16};

    private final ChestXraySyntheticOptions options;

    /** @param options sizes and prevalences */
    public ChestXraySyntheticGenerator(ChestXraySyntheticOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /** @return the options */
    public ChestXraySyntheticOptions options() {
        return options;
    }

    /** Rows, columns, spacing and storage of one image. */
    record Detector(int rows, int columns, double spacingMm, int bitsStored, boolean monochrome1, boolean cr,
                    String viewPosition, double offsetFraction, double gainFraction, double noiseFraction) {
    }

    /**
     * @param seed       pack seed
     * @param studyIndex index of the study
     * @return an in-distribution PA or AP chest radiograph with findings drawn at the options' prevalence
     */
    public ChestXraySyntheticImage study(long seed, int studyIndex) {
        SyntheticRandom random = new SyntheticRandom(seed ^ (studyIndex * 0x9E3779B97F4A7C15L) ^ 0x43585231L);
        Set<ChestXrayFinding> findings = EnumSet.noneOf(ChestXrayFinding.class);
        for (ChestXrayFinding f : ChestXrayFinding.values()) {
            if (random.chance(options.findingPrevalenceFraction())) {
                findings.add(f);
            }
        }
        return chest(random, findings, CHEST_KIND, false);
    }

    /**
     * @param random   source, advanced
     * @param findings findings to draw
     * @return a chest image with exactly these findings
     */
    public ChestXraySyntheticImage chest(SyntheticRandom random, Set<ChestXrayFinding> findings) {
        return chest(random, findings, CHEST_KIND, false);
    }

    ChestXraySyntheticImage chest(SyntheticRandom random, Set<ChestXrayFinding> findings, String kind,
                                  boolean invertPhotometric) {
        Detector d = detector(random);
        ChestXrayAnatomy anatomy = new ChestXrayAnatomy(random, findings, d.columns() * d.spacingMm());
        float[] attenuation = new float[d.rows() * d.columns()];
        byte[] lungMask = new byte[attenuation.length];
        anatomy.render(d.rows(), d.columns(), attenuation, lungMask);
        collimate(random, attenuation, d.rows(), d.columns());
        List<ChestXrayFinding> ordered = new ArrayList<>(findings);
        ordered.sort(null);
        return new ChestXraySyntheticImage(header(d, "CHEST", invertPhotometric),
                store(random, d, attenuation), lungMask, ordered, kind);
    }

    Detector detector(SyntheticRandom random) {
        int rows = options.minSidePixels() + random.nextInt(options.maxSidePixels() - options.minSidePixels() + 1);
        int columns = Math.max(64, (int) Math.round(rows * random.uniform(0.92, 1.0)));
        double spacing = random.uniform(options.minPixelSpacingMm(), options.maxPixelSpacingMm());
        int bits = BITS[random.nextInt(BITS.length)];
        boolean monochrome1 = random.chance(options.monochrome1Fraction());
        boolean cr = random.chance(0.4);
        String view = random.chance(0.85) ? "PA" : "AP";
        return new Detector(rows, columns, spacing, bits, monochrome1, cr, view, random.uniform(0.01, 0.08),
                random.uniform(0.78, 0.92), random.uniform(0.004, 0.012));
    }

    /** Unexposed shutters (attenuation above 1) on some sides, up to 4 % of the image each. */
    static void collimate(SyntheticRandom random, float[] attenuation, int rows, int columns) {
        int top = random.chance(0.4) ? (int) (rows * random.uniform(0.005, 0.04)) : 0;
        int bottom = random.chance(0.4) ? (int) (rows * random.uniform(0.005, 0.04)) : 0;
        int left = random.chance(0.4) ? (int) (columns * random.uniform(0.005, 0.04)) : 0;
        int right = random.chance(0.4) ? (int) (columns * random.uniform(0.005, 0.04)) : 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (r < top || r >= rows - bottom || c < left || c >= columns - right) {
                    attenuation[r * columns + c] = 1.3f;
                }
            }
        }
    }

    static short[] store(SyntheticRandom random, Detector d, float[] attenuation) {
        int max = (1 << d.bitsStored()) - 1;
        short[] stored = new short[attenuation.length];
        for (int i = 0; i < attenuation.length; i++) {
            double p = Math.max(0, Math.min(1, attenuation[i]));
            double value = (d.offsetFraction() + d.gainFraction() * p + d.noiseFraction() * random.gaussianLike()) * max;
            int v = (int) Math.max(0, Math.min(max, Math.round(value)));
            stored[i] = (short) (d.monochrome1() ? max - v : v);
        }
        return stored;
    }

    static SyntheticImageHeader header(Detector d, String bodyPart, boolean invertPhotometric) {
        boolean declaredMonochrome1 = d.monochrome1() ^ invertPhotometric;
        return new SyntheticImageHeader(d.cr() ? "1.2.840.10008.5.1.4.1.1.1"
                : SyntheticImageHeader.DIGITAL_XRAY_FOR_PRESENTATION, d.cr() ? "CR" : "DX", bodyPart, "",
                d.viewPosition(), d.rows(), d.columns(), d.bitsStored(), 0,
                declaredMonochrome1 ? "MONOCHROME1" : "MONOCHROME2", 1.0, 0.0, d.spacingMm(), d.spacingMm(),
                "DICOM Guard synthetic");
    }
}
