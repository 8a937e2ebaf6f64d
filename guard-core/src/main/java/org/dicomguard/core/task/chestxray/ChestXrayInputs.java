package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.ood.rules.PixelSpacingMm;

import java.util.List;

/**
 * Turns a decoded DICOM file into {@link ChestXrayImageInput}: pixels through
 * {@link DicomInputs#monochromeShorts}, spacing as the header facts read it (PixelSpacing, else
 * ImagerPixelSpacing), and the image's own VOI: the first WindowCenter/WindowWidth pair with
 * VOILUTFunction, else the first VOILUTSequence item, else none.
 */
public final class ChestXrayInputs {

    private ChestXrayInputs() {
    }

    /**
     * @param file a fully read file (pixels present)
     * @return the preprocessing input
     * @throws DicomException UNSUPPORTED_PIXEL_FORMAT when the image is not one monochrome frame or a
     *                        header value cannot be preprocessing input (no spacing, bad window)
     */
    public static ChestXrayImageInput from(DicomFile file) throws DicomException {
        Attributes ds = file.dataSet();
        DicomImage image = file.decodeImage();
        short[] stored = DicomInputs.monochromeShorts(image);
        PixelSpacingMm spacing = DicomInputs.headerFacts(ds).pixelSpacingMm().orElseThrow(() -> new DicomException(
                DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "chest radiograph needs PixelSpacing or ImagerPixelSpacing"));
        try {
            return new ChestXrayImageInput(image.rows(), image.columns(), stored, image.bitsStored(),
                    image.pixelRepresentation(), image.photometricInterpretation(), image.rescaleSlope(),
                    image.rescaleIntercept(), voi(ds, image.pixelRepresentation()), spacing.rowMm(),
                    spacing.columnMm());
        } catch (IllegalArgumentException e) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    "the image cannot be chest-xray preprocessing input: " + e.getMessage(), e);
        }
    }

    /**
     * @param ds                  the image's data set
     * @param pixelRepresentation 1 when a US first-mapped value is to be read as signed
     * @return the VOI the header carries
     */
    static ChestXrayVoi voi(Attributes ds, int pixelRepresentation) {
        double[] centers = ds.getDoubles(Tag.WindowCenter);
        double[] widths = ds.getDoubles(Tag.WindowWidth);
        if (centers.length > 0 && widths.length > 0) {
            return new ChestXrayVoi.Window(centers[0], widths[0], ds.getString(Tag.VOILUTFunction, "LINEAR"));
        }
        List<Attributes> luts = ds.getSequence(Tag.VOILUTSequence);
        if (!luts.isEmpty()) {
            Attributes item = luts.get(0);
            int[] descriptor = item.getInts(Tag.LUTDescriptor);
            if (descriptor.length == 3) {
                int entries = descriptor[0] == 0 ? 65536 : descriptor[0];
                int first = pixelRepresentation == 1 ? (short) descriptor[1] : descriptor[1];
                int[] data = item.getInts(Tag.LUTData);
                if (data.length == 0) {
                    byte[] bytes = item.getBytes(Tag.LUTData);
                    data = new int[bytes.length / 2];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8;
                    }
                }
                if (data.length >= entries) {
                    return new ChestXrayVoi.Lut(first, descriptor[2], java.util.Arrays.copyOf(data, entries));
                }
                throw new IllegalArgumentException("VOI LUT declares " + entries + " entries, LUTData holds "
                        + data.length);
            }
        }
        return new ChestXrayVoi.None();
    }
}
