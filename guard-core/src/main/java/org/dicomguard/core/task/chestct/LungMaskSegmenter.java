package org.dicomguard.core.task.chestct;

import org.dicomguard.core.preprocess.CtBinaryMorphology;
import org.dicomguard.core.preprocess.CtConnectedComponents;
import java.util.Objects;

/**
 * Segments both lungs of a chest CT volume in 3D by thresholds and morphology.
 *
 * <p>Design note, in order of the steps:
 * <ol>
 * <li>Air candidates are voxels below {@code lungMaskUpperBoundHu}.</li>
 * <li>Air 6-connected to the four in-plane faces is outside the body and removed. Top and bottom
 *     slices are not seeds because lungs often touch them.</li>
 * <li>Voxels below {@code lungMaskLowerBoundHu} (outside-field padding) are dropped; of the rest,
 *     the two largest 6-connected components of at least {@code minLungComponentVolumeMl} are
 *     kept (sinus, bowel gas and noise are smaller).</li>
 * <li>Holes are filled per slice so that vessels and nodules inside the lungs become lung.</li>
 * <li>The lungs are usually one component joined through trachea and main bronchi. An opening
 *     with a box of half-width {@code airwaySeparationRadiusMm} cuts tubes thinner than the box;
 *     the two largest remaining cores are the lungs (the trachea core is far smaller) and a
 *     dilation by the same box, kept inside the filled mask, restores their boundary. If no core
 *     is large enough the opening is skipped rather than losing the lungs.</li>
 * <li>A closing with {@code lungMaskClosingRadiusMm} and a second per-slice hole fill pull
 *     juxta-pleural nodules and hilar vessels into the mask.</li>
 * </ol>
 * All work after step 3 runs inside the bounding box of the kept components plus the radii, so
 * its cost follows lung size, not volume size. Masks are byte arrays; no per-voxel objects.
 * Radii convert to voxels per axis ({@code round(radiusMm / spacingMm)}).
 *
 * <p>An empty mask (blank image, phantom, head) is a valid result: the statistics gate, not this
 * class, decides that such an input is out of distribution.
 *
 * <p>Stateless and thread-safe.
 */
public final class LungMaskSegmenter {

    private LungMaskSegmenter() {
    }

    /**
     * @param volume the CT volume in HU, not modified
     * @param config thresholds and radii
     * @return the lung mask on the volume's grid
     */
    public static LungMask segment(CtVolume volume, ChestCtPreprocessingConfig config) {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(config, "config");
        int d = volume.depth();
        int h = volume.height();
        int w = volume.width();
        short[] hu = volume.huValues();
        int n = hu.length;
        byte[] air = new byte[n];
        int upper = config.lungMaskUpperBoundHu();
        for (int i = 0; i < n; i++) {
            air[i] = hu[i] < upper ? (byte) 1 : (byte) 0;
        }
        byte[] outside = CtConnectedComponents.reachableFromInPlaneBorder(air, d, h, w);
        int lower = config.lungMaskLowerBoundHu();
        for (int i = 0; i < n; i++) {
            if (outside[i] != 0 || hu[i] < lower) {
                air[i] = 0;
            }
        }
        long minVoxels = (long) Math.ceil(config.minLungComponentVolumeMl() / volume.voxelVolumeMl());
        int[] seeds = largestSeeds(CtConnectedComponents.componentsBySize(air, d, h, w), Math.max(1, minVoxels));
        if (seeds.length == 0) {
            return new LungMask(d, h, w, new byte[n], 0, 0);
        }
        byte[] kept = CtConnectedComponents.keepComponents(air, d, h, w, seeds);
        int openZ = voxels(config.airwaySeparationRadiusMm(), volume.sliceSpacingMm());
        int openY = voxels(config.airwaySeparationRadiusMm(), volume.rowSpacingMm());
        int openX = voxels(config.airwaySeparationRadiusMm(), volume.columnSpacingMm());
        int closeZ = voxels(config.lungMaskClosingRadiusMm(), volume.sliceSpacingMm());
        int closeY = voxels(config.lungMaskClosingRadiusMm(), volume.rowSpacingMm());
        int closeX = voxels(config.lungMaskClosingRadiusMm(), volume.columnSpacingMm());
        CtBox box = CtBox.boundingBox(kept, d, h, w).expand(openZ + closeZ + 1, openY + closeY + 1,
                openX + closeX + 1, d, h, w);
        byte[] sub = box.extract(kept, h, w);
        int sd = box.depth();
        int sh = box.height();
        int sw = box.width();
        CtBinaryMorphology.fillHolesPerSlice(sub, sd, sh, sw);
        int componentCount = seeds.length;
        if (openZ + openY + openX > 0) {
            byte[] cores = CtBinaryMorphology.erode(sub, sd, sh, sw, openZ, openY, openX);
            long minCoreVoxels = Math.max(1, (long) Math.ceil(config.minLungComponentVolumeMl()
                    / volume.voxelVolumeMl()));
            int[] coreSeeds = largestSeeds(CtConnectedComponents.componentsBySize(cores, sd, sh, sw), minCoreVoxels);
            if (coreSeeds.length > 0) {
                byte[] lungCores = CtConnectedComponents.keepComponents(cores, sd, sh, sw, coreSeeds);
                byte[] restored = CtBinaryMorphology.dilate(lungCores, sd, sh, sw, openZ, openY, openX);
                for (int i = 0; i < sub.length; i++) {
                    sub[i] = (byte) (sub[i] & restored[i]);
                }
                componentCount = coreSeeds.length;
            }
        }
        if (closeZ + closeY + closeX > 0) {
            byte[] dilated = CtBinaryMorphology.dilate(sub, sd, sh, sw, closeZ, closeY, closeX);
            sub = CtBinaryMorphology.erode(dilated, sd, sh, sw, closeZ, closeY, closeX);
        }
        CtBinaryMorphology.fillHolesPerSlice(sub, sd, sh, sw);
        byte[] mask = new byte[n];
        box.paste(sub, mask, h, w);
        long count = 0;
        for (byte b : mask) {
            count += b;
        }
        return new LungMask(d, h, w, mask, count == 0 ? 0 : componentCount, count);
    }

    private static int[] largestSeeds(long[][] componentsBySize, long minVoxels) {
        int keep = 0;
        while (keep < 2 && keep < componentsBySize.length && componentsBySize[keep][1] >= minVoxels) {
            keep++;
        }
        int[] seeds = new int[keep];
        for (int k = 0; k < keep; k++) {
            seeds[k] = (int) componentsBySize[k][0];
        }
        return seeds;
    }

    private static int voxels(double radiusMm, double spacingMm) {
        return (int) Math.round(radiusMm / spacingMm);
    }
}
