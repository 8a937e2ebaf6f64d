package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.synthetic.SyntheticLesion;

/** Contrast of a ground-truth lesion in a model input tensor, for tests. */
final class LesionContrast {

    private LesionContrast() {
    }

    /**
     * @param mean true: mean inside the lesion disk minus mean of the ring 1.6R..2.4R (masses);
     *             false: maximum inside the cluster minus the ring mean (calcifications)
     */
    static double of(MammographyPreprocessed result, SyntheticLesion lesion, boolean mean) {
        CropBox crop = result.cropBox();
        double scaleX = (double) result.widthPixels() / crop.columnCount();
        double scaleY = (double) result.heightPixels() / crop.rowCount();
        double cx = (lesion.centerColumn() + 0.5 - crop.columnStart()) * scaleX;
        if (result.flippedHorizontally()) {
            cx = result.widthPixels() - cx;
        }
        double cy = (lesion.centerRow() + 0.5 - crop.rowStart()) * scaleY;
        double radius = lesion.radiusPixels() * scaleX;
        double insideSum = 0;
        double insideMax = 0;
        int insideCount = 0;
        double ringSum = 0;
        int ringCount = 0;
        for (int y = 0; y < result.heightPixels(); y++) {
            for (int x = 0; x < result.widthPixels(); x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) / radius;
                float v = result.tensorChw()[y * result.widthPixels() + x];
                if (d <= 0.8) {
                    insideSum += v;
                    insideMax = Math.max(insideMax, v);
                    insideCount++;
                } else if (d >= 1.6 && d <= 2.4 && v > 0) {
                    ringSum += v;
                    ringCount++;
                }
            }
        }
        double ring = ringSum / Math.max(1, ringCount);
        return (mean ? insideSum / Math.max(1, insideCount) : insideMax) - ring;
    }
}
