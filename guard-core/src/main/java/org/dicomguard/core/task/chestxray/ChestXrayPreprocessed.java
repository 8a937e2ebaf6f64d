package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.preprocess.InputStatistic;

import java.util.List;

/**
 * What preprocessing made of one chest radiograph. Arrays are not copied (owned by the caller).
 *
 * @param lungFieldFound  whether at least one lung field was found; when false the tensor is all zero
 * @param tensor          model input [1, H, W] floats, row-major
 * @param tensorHeight    H, pixels
 * @param tensorWidth     W, pixels
 * @param workingRows     rows of the working image the masks are on
 * @param workingColumns  columns of the working image
 * @param workingImage    presentation fractions of the working image (0 dark, 1 bright)
 * @param masks           collimation field, body and lung masks on the working image
 * @param cropWorking     the crop (lung fields plus margin) in working pixels
 * @param cropImage       the same crop in pixels of the original image
 * @param statistics      named input statistics for the gate, in {@link ChestXrayStatistics#NAMES} order
 */
public record ChestXrayPreprocessed(boolean lungFieldFound, float[] tensor, int tensorHeight, int tensorWidth,
                                    int workingRows, int workingColumns, float[] workingImage,
                                    ChestXrayLungFields.Masks masks, CropBox cropWorking, CropBox cropImage,
                                    List<InputStatistic> statistics) {

    /** Copies the statistics list. */
    public ChestXrayPreprocessed {
        statistics = List.copyOf(statistics);
    }

    /**
     * @return tensorHeight*tensorWidth values, 1 where the tensor pixel's center falls in the lung
     *         fields (the pixels normalization counted as lung); all 0 when none was found
     */
    public byte[] lungMaskOnTensorGrid() {
        if (!lungFieldFound) {
            return new byte[tensorHeight * tensorWidth];
        }
        return ChestXrayPreprocessor.maskOnTensorGrid(masks.lungMask(), workingColumns, cropWorking, tensorHeight,
                tensorWidth);
    }
}
