package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.ChestCtPreprocessingResult;
import org.dicomguard.core.preprocess.ChestCtPreprocessor;
import org.dicomguard.core.preprocess.CtBox;
import org.dicomguard.core.preprocess.CtSeriesAssembler;
import org.dicomguard.core.preprocess.CtSliceInput;
import org.dicomguard.core.preprocess.CtVolume;
import org.dicomguard.core.preprocess.LungMask;
import org.dicomguard.core.study.DicomInputs;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Chest CT: the axial slice with the most lung voxels in a lung window (-1000..400 HU), the
 * lung mask outline in green, the crop box in yellow and the text lines; the volume and mask are
 * the ones the Pipeline's preprocessing makes from the same config. Kept small on purpose: a
 * fuller chest CT review renderer in guard-core replaces it as a {@link ReviewPicture}. Thread-safe.
 */
final class ChestCtReviewPicture implements ReviewPicture {
    private static final double WINDOW_LOW_HU = -1000;
    private static final double WINDOW_HIGH_HU = 400;
    private static final Color MASK_OUTLINE = new Color(0, 230, 0);
    private static final Color CROP_BOX = new Color(255, 220, 0);
    private static final int MIN_SIDE_PIXELS = 512;

    private final ChestCtPreprocessingConfig config;
    private final ChestCtPreprocessor preprocessor;

    ChestCtReviewPicture(ChestCtPreprocessingConfig config) {
        this.config = config;
        this.preprocessor = new ChestCtPreprocessor(config);
    }

    @Override
    public BufferedImage render(List<DicomFile> files, List<String> textLines) throws Exception {
        List<CtSliceInput> slices = new ArrayList<>(files.size());
        for (DicomFile f : files) {
            slices.add(DicomInputs.ctSlice(f));
        }
        CtVolume volume = CtSeriesAssembler.assemble(slices, config);
        ChestCtPreprocessingResult result = preprocessor.preprocess(volume);
        LungMask mask = result.lungMask();
        int height = volume.height();
        int width = volume.width();
        int sliceVoxels = height * width;
        int best = volume.depth() / 2;
        long bestCount = -1;
        for (int z = 0; z < volume.depth(); z++) {
            long count = 0;
            for (int i = z * sliceVoxels; i < (z + 1) * sliceVoxels; i++) {
                count += mask.voxels()[i];
            }
            if (count > bestCount) {
                bestCount = count;
                best = z;
            }
        }
        BufferedImage slice = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int offset = best * sliceVoxels;
        short[] hu = volume.huValues();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = offset + y * width + x;
                double fraction = (hu[i] - WINDOW_LOW_HU) / (WINDOW_HIGH_HU - WINDOW_LOW_HU);
                int gray = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 255);
                boolean outline = mask.voxels()[i] != 0 && Pictures.isBoundary(mask.voxels(), offset, height, width, x, y);
                slice.setRGB(x, y, outline ? MASK_OUTLINE.getRGB() : gray * 0x010101);
            }
        }
        // Small grids (128 voxels) are enlarged by whole pixels so that the text fits beside the lungs.
        int scale = Math.max(1, (int) Math.ceil((double) MIN_SIDE_PIXELS / Math.max(height, width)));
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(slice, 0, 0, width * scale, height * scale, null);
            CtBox crop = result.cropBox();
            g.setColor(CROP_BOX);
            g.drawRect(crop.x0() * scale, crop.y0() * scale, (crop.x1() - crop.x0()) * scale - 1,
                    (crop.y1() - crop.y0()) * scale - 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            int lineY = 14;
            for (String line : textLines) {
                g.setColor(Color.BLACK);
                g.drawString(line, 5, lineY + 1);
                g.setColor(Color.CYAN);
                g.drawString(line, 4, lineY);
                lineY += 15;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
