package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.chestct.CtSliceInput;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded generator of labelled synthetic CT studies for the chest-CT task, in memory: axial
 * slices of 16-bit stored values with rescale attributes and geometry, the pathology labels and
 * the ground-truth lung mask.
 *
 * <p>Design note: the same seed and options always give the same study, bit for bit (one
 * {@link SplittableRandom} per study, no global state). Header variety that preprocessing must
 * survive is drawn per seed: RescaleIntercept -1024 with unsigned or signed storage, or 0 with
 * signed storage (slope 1); outside-field padding at -3024 HU for some signed studies; an optional
 * table under the body; random table position (ImagePositionPatient offsets); with
 * {@link ChestCtSyntheticOptions#scannerProfilesDrawn()}, a {@link ChestCtScannerProfile} per study. Slices come head
 * first by InstanceNumber, while the ground truth is ordered feet to head like the assembled
 * volume.
 *
 * <p>Each pathology of {@link ChestCtPathology} is present independently with probability
 * {@link ChestCtSyntheticOptions#pathologyPrevalenceFraction()}. The out-of-distribution kinds
 * are listed and explained in {@link ChestCtStudyKind}.
 *
 * <p>Stateless and thread-safe; studies can be generated in parallel.
 */
public final class ChestCtSyntheticGenerator {

    private static final double[] AXIAL_ORIENTATION = {1, 0, 0, 0, 1, 0};
    private static final float SATURATED_HU = 3071f;
    private static final float BLANK_HU = -1024f;
    private static final float PADDING_HU = -3024f;

    private ChestCtSyntheticGenerator() {
    }

    /**
     * @param seed    reproduces the study
     * @param options grid size, prevalence, noise
     * @return an in-distribution chest study
     */
    public static ChestCtSyntheticStudy generate(long seed, ChestCtSyntheticOptions options) {
        return generate(seed, ChestCtStudyKind.CHEST, options);
    }

    /**
     * @param seed    reproduces the study
     * @param kind    what the study shows
     * @param options grid size, prevalence, noise
     * @return the study with its ground truth
     */
    public static ChestCtSyntheticStudy generate(long seed, ChestCtStudyKind kind, ChestCtSyntheticOptions options) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        int extraSmoothingPasses = 0;
        if (options.scannerProfilesDrawn()) {
            ChestCtScannerProfile.Drawn drawn = ChestCtScannerProfile.draw(seed, options);
            options = drawn.options();
            extraSmoothingPasses = drawn.profile().extraSmoothingPasses();
        }
        CtSyntheticCanvas canvas = new CtSyntheticCanvas(options, seed);
        boolean table = canvas.chance(0.7);
        Set<ChestCtPathology> pathologies = EnumSet.noneOf(ChestCtPathology.class);
        switch (kind) {
            case CHEST, WRONG_PHOTOMETRIC -> {
                for (ChestCtPathology pathology : ChestCtPathology.values()) {
                    if (canvas.chance(options.pathologyPrevalenceFraction())) {
                        pathologies.add(pathology);
                    }
                }
                new ChestCtAnatomyRenderer(canvas).render(pathologies, table);
            }
            case BLANK -> CtOodPhantoms.constant(canvas, BLANK_HU);
            case SATURATED -> CtOodPhantoms.constant(canvas, SATURATED_HU);
            case BOTTLE_PHANTOM -> CtOodPhantoms.bottle(canvas);
            case HEAD_CT -> CtOodPhantoms.head(canvas);
            case ABDOMEN_CT -> CtOodPhantoms.abdomen(canvas, table);
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
        if (kind != ChestCtStudyKind.BLANK && kind != ChestCtStudyKind.SATURATED) {
            blurInPlane(canvas);
            addNoise(canvas, options.noiseSigmaHu());
            for (int pass = 0; pass < extraSmoothingPasses; pass++) {
                blurInPlane(canvas); // a soft reconstruction kernel: correlated, lower noise
            }
        }
        int storage = canvas.integer(0, 2);
        int pixelRepresentation = storage == 0 ? 0 : 1;
        double interceptHu = storage == 2 ? 0 : -1024;
        if (pixelRepresentation == 1 && kind != ChestCtStudyKind.BLANK && kind != ChestCtStudyKind.SATURATED
                && canvas.chance(0.5)) {
            padOutsideFieldOfView(canvas, options.fieldOfViewMm());
        }
        SplittableRandom uidRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        String studyUid = uid(uidRandom);
        String seriesUid = uid(uidRandom);
        double offsetX = canvas.uniform(-5, 5);
        double offsetY = canvas.uniform(-20, 20);
        double offsetZ = canvas.uniform(-300, 100);
        List<CtSliceInput> slices = new ArrayList<>(canvas.depth);
        int plane = canvas.height * canvas.width;
        for (int instance = 1; instance <= canvas.depth; instance++) {
            int z = canvas.depth - instance;
            short[] stored = new short[plane];
            for (int p = 0; p < plane; p++) {
                stored[p] = toStored(canvas.hu[z * plane + p], interceptHu, pixelRepresentation);
            }
            double[] position = {canvas.xMm(0) + offsetX, canvas.yMm(0) + offsetY, canvas.zMm(z) + offsetZ};
            slices.add(new CtSliceInput(canvas.height, canvas.width, stored, pixelRepresentation, 1.0, interceptHu,
                    position, AXIAL_ORIENTATION.clone(),
                    new double[] {canvas.pixelSpacingMm, canvas.pixelSpacingMm}, canvas.sliceSpacingMm, seriesUid,
                    uid(uidRandom), instance));
        }
        String photometric = kind == ChestCtStudyKind.WRONG_PHOTOMETRIC ? "MONOCHROME1" : "MONOCHROME2";
        return new ChestCtSyntheticStudy(seed, kind, studyUid, seriesUid, "CT", kind.bodyPartExamined(), photometric,
                slices, pathologies, canvas.lung);
    }

    private static void addNoise(CtSyntheticCanvas canvas, double sigmaHu) {
        if (sigmaHu == 0) {
            return;
        }
        float[] hu = canvas.hu;
        for (int i = 0; i < hu.length; i++) {
            hu[i] += (float) (sigmaHu * canvas.gaussian());
        }
    }

    /**
     * A [1 2 1] / 4 filter along rows and columns: edges get intermediate (partial-volume) values
     * as reconstructed images do, so that thresholds matter at boundaries as they do on scanners.
     */
    private static void blurInPlane(CtSyntheticCanvas canvas) {
        int h = canvas.height;
        int w = canvas.width;
        float[] line = new float[Math.max(h, w)];
        for (int z = 0; z < canvas.depth; z++) {
            int base = z * h * w;
            for (int y = 0; y < h; y++) {
                int row = base + y * w;
                for (int x = 0; x < w; x++) {
                    float left = canvas.hu[row + Math.max(0, x - 1)];
                    float right = canvas.hu[row + Math.min(w - 1, x + 1)];
                    line[x] = 0.25f * left + 0.5f * canvas.hu[row + x] + 0.25f * right;
                }
                System.arraycopy(line, 0, canvas.hu, row, w);
            }
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    float up = canvas.hu[base + Math.max(0, y - 1) * w + x];
                    float down = canvas.hu[base + Math.min(h - 1, y + 1) * w + x];
                    line[y] = 0.25f * up + 0.5f * canvas.hu[base + y * w + x] + 0.25f * down;
                }
                for (int y = 0; y < h; y++) {
                    canvas.hu[base + y * w + x] = line[y];
                }
            }
        }
    }

    private static void padOutsideFieldOfView(CtSyntheticCanvas canvas, double fieldOfViewMm) {
        double radius2 = (fieldOfViewMm / 2) * (fieldOfViewMm / 2);
        int plane = canvas.height * canvas.width;
        for (int y = 0; y < canvas.height; y++) {
            for (int x = 0; x < canvas.width; x++) {
                if (canvas.xMm(x) * canvas.xMm(x) + canvas.yMm(y) * canvas.yMm(y) > radius2) {
                    for (int z = 0; z < canvas.depth; z++) {
                        canvas.hu[z * plane + y * canvas.width + x] = PADDING_HU;
                    }
                }
            }
        }
    }

    private static short toStored(float hu, double interceptHu, int pixelRepresentation) {
        long stored = Math.round(hu - interceptHu);
        long min = pixelRepresentation == 0 ? 0 : Short.MIN_VALUE;
        long max = pixelRepresentation == 0 ? 4095 : Short.MAX_VALUE;
        return (short) Math.max(min, Math.min(max, stored));
    }

    /** @return a UID under the UUID-derived root 2.25 (ISO/IEC 9834-8), at most 44 characters */
    private static String uid(SplittableRandom random) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return "2.25." + new BigInteger(1, bytes);
    }
}
