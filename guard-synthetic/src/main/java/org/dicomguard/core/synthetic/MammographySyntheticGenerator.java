package org.dicomguard.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded generator of labelled synthetic mammography studies and of out-of-distribution images
 * offered as mammography.
 *
 * <p>Each study has the four screening views L-CC, L-MLO, R-CC, R-MLO, stored as 16-bit words
 * (MONOCHROME2, or MONOCHROME1 for a configurable share of studies), with a burned-in side marker in
 * the air, quantum-like noise (realistic size: one of three {@link MammographyDetectorProfile}s per
 * study, breast implants in a few studies and a metal skin marker on some nipples), and, with the configured prevalence, a mass and/or a calcification
 * cluster in one breast (visible on both of its views). The study label is the set of pathology
 * codes present. Equal seeds give bit-identical pixels on every platform.
 *
 * <p>Immutable and thread-safe.
 */
public final class MammographySyntheticGenerator {

    /** Physical height of the synthetic detector, used to scale pixel spacing for reduced sizes. */
    private static final double DETECTOR_HEIGHT_MM = 233.0;
    /** Share of realistic studies with breast implants (both sides). */
    private static final double IMPLANT_FRACTION = 0.04;
    /** Share of realistic breasts with a metal skin marker on the nipple. */
    private static final double SKIN_MARKER_FRACTION = 0.3;

    private final MammographySyntheticOptions options;

    /** @param options generator options, see {@link MammographySyntheticOptions#defaults()} */
    public MammographySyntheticGenerator(MammographySyntheticOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /** @return the options this generator was built with */
    public MammographySyntheticOptions options() {
        return options;
    }

    /**
     * Generates one study.
     *
     * @param seed       pack seed
     * @param studyIndex index of the study in the pack, &gt;= 0
     * @return the study; equal arguments give an equal study
     */
    public MammographySyntheticStudy study(long seed, int studyIndex) {
        if (studyIndex < 0) {
            throw new IllegalArgumentException("studyIndex must be >= 0, got " + studyIndex);
        }
        long studySeed = mix(seed, studyIndex);
        SyntheticRandom random = new SyntheticRandom(studySeed);
        Geometry geometry = geometry(random);
        boolean monochrome1 = random.chance(options.monochrome1Fraction());
        boolean mass = random.chance(options.massPrevalenceFraction());
        boolean calcification = random.chance(options.calcificationPrevalenceFraction());
        boolean massLeft = random.chance(0.5);
        boolean calcificationLeft = random.chance(0.5);
        // Realistic packs only (small packs stay as they were): silicone implants in a few studies,
        // a metal skin marker (BB) on the nipple of some breasts.
        boolean implants = options.imageSize().isRealistic() && random.chance(IMPLANT_FRACTION);
        List<MammographySyntheticImage> views = new ArrayList<>(4);
        for (String side : List.of("L", "R")) {
            boolean left = side.equals("L");
            MammographyBreastRenderer.BreastShape shape = shape(random);
            SyntheticValueNoise texture = new SyntheticValueNoise(random, 5);
            SyntheticValueNoise fineTexture = new SyntheticValueNoise(random, 23);
            List<MammographyBreastRenderer.LesionPlan> plans = new ArrayList<>();
            if (mass && massLeft == left) {
                plans.add(lesionPlan(random, SyntheticLesion.MASS, random.uniform(0.045, 0.07)));
            }
            if (calcification && calcificationLeft == left) {
                plans.add(lesionPlan(random, SyntheticLesion.CALCIFICATION, random.uniform(0.04, 0.06)));
            }
            boolean skinMarker = options.imageSize().isRealistic() && random.chance(SKIN_MARKER_FRACTION);
            for (String view : List.of("CC", "MLO")) {
                views.add(breastImage(random.split(), geometry, side, view, shape, texture, fineTexture, plans,
                        monochrome1, false, implants, skinMarker));
            }
        }
        Set<String> codes = new TreeSet<>();
        if (mass) {
            codes.add(SyntheticLesion.MASS);
        }
        if (calcification) {
            codes.add(SyntheticLesion.CALCIFICATION);
        }
        String studyId = String.format(Locale.ROOT, "synth-mg-%d-%04d", seed, studyIndex);
        return new MammographySyntheticStudy(studyId, studySeed, views, codes);
    }

    /**
     * @param seed  pack seed
     * @param count number of studies, &gt;= 0
     * @return studies 0..count-1 of that seed
     */
    public List<MammographySyntheticStudy> studies(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<MammographySyntheticStudy> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(study(seed, i));
        }
        return result;
    }

    /**
     * Generates one image of the given kind with the header a real file of it would carry: modality
     * "CT" for {@link MammographySyntheticKind#CT_SLICE}, "DX" with BodyPartExamined KNEE/HAND for the
     * radiographs, "MG" for everything else. Use {@link SyntheticImageHeader#asMammography} to make a
     * header claim mammography regardless.
     *
     * @param kind any kind; {@link MammographySyntheticKind#BREAST} gives a normal breast view
     * @param seed seed of this image
     * @return the image; ground-truth mask all 0 unless the pixels show a breast
     */
    public MammographySyntheticImage image(MammographySyntheticKind kind, long seed) {
        SyntheticRandom random = new SyntheticRandom(mix(seed, kind.ordinal() + 1000));
        Geometry geometry = geometry(random);
        String side = random.chance(0.5) ? "L" : "R";
        String view = random.chance(0.5) ? "CC" : "MLO";
        switch (kind) {
            case BREAST:
            case WRONG_PHOTOMETRIC: {
                boolean monochrome1 = random.chance(options.monochrome1Fraction());
                MammographyBreastRenderer.BreastShape shape = shape(random);
                return breastImage(random, geometry, side, view, shape, new SyntheticValueNoise(random, 5),
                        new SyntheticValueNoise(random, 23), List.of(), monochrome1,
                        kind == MammographySyntheticKind.WRONG_PHOTOMETRIC, false, false);
            }
            default:
                return MammographySyntheticOod.render(kind, random, geometry.rows, geometry.columns,
                        geometry.spacingMm, geometry.bitsStored, side, view, geometry.noiseSigmaFraction);
        }
    }

    private MammographySyntheticImage breastImage(SyntheticRandom random, Geometry geometry, String side, String view,
                                                  MammographyBreastRenderer.BreastShape ccShape,
                                                  SyntheticValueNoise texture, SyntheticValueNoise fineTexture,
                                                  List<MammographyBreastRenderer.LesionPlan> plans, boolean monochrome1,
                                                  boolean wrongPhotometric, boolean implant, boolean skinMarker) {
        boolean left = side.equals("L");
        boolean mlo = view.equals("MLO");
        MammographyBreastRenderer.BreastShape shape = mlo ? mloShape(random, ccShape) : ccShape;
        int pixelCount = geometry.rows * geometry.columns;
        float[] intensity = new float[pixelCount];
        byte[] mask = new byte[pixelCount];
        List<MammographyBreastRenderer.LesionPlan> viewPlans = new ArrayList<>();
        for (MammographyBreastRenderer.LesionPlan plan : plans) {
            // The same lesion projects a little differently on the oblique view.
            double v = mlo ? Math.max(-0.6, Math.min(0.6, plan.v() + random.uniform(-0.08, 0.08))) : plan.v();
            viewPlans.add(new MammographyBreastRenderer.LesionPlan(plan.code(), plan.u(), v,
                    plan.radiusFractionOfWidth(), plan.detailSeed() + (mlo ? 1 : 0)));
        }
        List<SyntheticLesion> lesions = MammographyBreastRenderer.render(geometry.rows, geometry.columns, left, shape,
                mlo, texture, fineTexture, viewPlans, intensity, mask);
        if (implant) {
            MammographyBreastRenderer.drawImplant(geometry.rows, geometry.columns, left, shape, mlo, intensity, mask);
        }
        if (skinMarker) {
            MammographyBreastRenderer.drawSkinMarker(geometry.rows, geometry.columns, left, shape, intensity);
        }
        if (geometry.signalGain != 1) {
            for (int i = 0; i < pixelCount; i++) {
                intensity[i] *= (float) geometry.signalGain;
            }
        }
        int[] markerBox = options.sideMarkerEnabled()
                ? MammographyBreastRenderer.drawSideMarker(geometry.rows, geometry.columns, left, side, intensity)
                : new int[0];
        boolean storeInverted = monochrome1 ^ wrongPhotometric;
        short[] stored = quantize(intensity, geometry.bitsStored, geometry.noiseSigmaFraction, storeInverted, random);
        String photometric = monochrome1 ? "MONOCHROME1" : "MONOCHROME2";
        SyntheticImageHeader header = new SyntheticImageHeader(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION,
                "MG", "BREAST", side, view, geometry.rows, geometry.columns, geometry.bitsStored, 0, photometric,
                1.0, 0.0, geometry.spacingMm, geometry.spacingMm, "DICOM Guard synthetic");
        MammographySyntheticKind kind = wrongPhotometric ? MammographySyntheticKind.WRONG_PHOTOMETRIC
                : MammographySyntheticKind.BREAST;
        return new MammographySyntheticImage(kind, header, stored, mask, lesions, markerBox);
    }

    /**
     * Adds noise and maps intensities in [0, 1] to unsigned stored values.
     *
     * @param intensity MONOCHROME2 intensities, not modified
     * @param inverted  store MONOCHROME1 values (max - value)
     */
    static short[] quantize(float[] intensity, int bitsStored, double noiseSigmaFraction, boolean inverted,
                            SyntheticRandom random) {
        int maxValue = (1 << bitsStored) - 1;
        short[] stored = new short[intensity.length];
        for (int i = 0; i < intensity.length; i++) {
            double value = intensity[i] + noiseSigmaFraction * random.gaussianLike();
            int quantized = (int) Math.round(Math.max(0, Math.min(1, value)) * maxValue);
            stored[i] = (short) (inverted ? maxValue - quantized : quantized);
        }
        return stored;
    }

    private static MammographyBreastRenderer.BreastShape shape(SyntheticRandom random) {
        return new MammographyBreastRenderer.BreastShape(random.uniform(0.55, 0.76), random.uniform(0.30, 0.41), 0.5,
                random.uniform(0.0, 0.04), random.uniform(2, 4), random.uniform(0, 6.28),
                random.uniform(0.0, 0.02), random.uniform(5, 8), random.uniform(0, 6.28), 0, 0);
    }

    private static MammographyBreastRenderer.BreastShape mloShape(SyntheticRandom random,
                                                                  MammographyBreastRenderer.BreastShape cc) {
        return new MammographyBreastRenderer.BreastShape(cc.depthFractionOfWidth() * random.uniform(0.95, 1.05),
                cc.halfHeightFractionOfRows() * random.uniform(1.2, 1.35), random.uniform(0.40, 0.47),
                cc.wobble1(), cc.wobble1Frequency(), cc.wobble1Phase(), cc.wobble2(), cc.wobble2Frequency(),
                cc.wobble2Phase(), random.uniform(0.22, 0.34), random.uniform(0.30, 0.45));
    }

    private static MammographyBreastRenderer.LesionPlan lesionPlan(SyntheticRandom random, String code,
                                                                   double radiusFractionOfWidth) {
        // Keep lesions well inside the breast (normalized radius <= ~0.65) so they never touch the skin.
        double u = random.uniform(0.2, 0.55);
        double v = random.uniform(-0.4, 0.4);
        return new MammographyBreastRenderer.LesionPlan(code, u, v, radiusFractionOfWidth, random.nextLong());
    }

    private Geometry geometry(SyntheticRandom random) {
        MammographySyntheticSize size = options.imageSize();
        if (size.isRealistic()) {
            MammographyDetectorProfile[] profiles = MammographyDetectorProfile.values();
            MammographyDetectorProfile p = profiles[random.nextInt(profiles.length)];
            // The options' noise is the reference detector's; the others scale it by their own ratio.
            double noise = options.noiseSigmaFraction() * p.noiseSigmaFraction()
                    / MammographyDetectorProfile.FULL_FIELD_14_BIT.noiseSigmaFraction();
            return new Geometry(p.rows(), p.columns(), p.pixelSpacingMm(), p.bitsStored(), p.signalGain(),
                    Math.min(0.1, noise));
        }
        return new Geometry(size.rows(), size.columns(), DETECTOR_HEIGHT_MM / size.rows(), 12, 1,
                options.noiseSigmaFraction());
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Geometry(int rows, int columns, double spacingMm, int bitsStored, double signalGain,
                            double noiseSigmaFraction) {
    }
}
