package org.dicomguard.core.study;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.PixelSamples;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.ood.rules.HeaderFacts;
import org.dicomguard.ood.rules.PixelSpacingMm;

/**
 * Turns decoded DICOM files into the neutral inputs of preprocessing and the header facts of
 * the OOD rules. The only place that knows both the DICOM model and the preprocessing records,
 * so preprocessing stays testable on synthetic arrays and the reader stays free of ML concerns.
 */
public final class DicomInputs {

    private DicomInputs() {
    }

    /**
     * @param file a fully read file (pixels present)
     * @return the mammography preprocessing input
     * @throws DicomException UNSUPPORTED_PIXEL_FORMAT when the image is not single-frame 16-bit
     *                        (or 8-bit) monochrome or a header value cannot be preprocessing input
     *                        (e.g. PixelSpacing missing or not positive); decoding errors as the
     *                        reader reports them
     */
    public static MammographyImageInput mammography(DicomFile file) throws DicomException {
        return mammography(file, file.decodeImage());
    }

    /**
     * @param file  a fully read file (pixels present)
     * @param image its decoded image, when the caller needed it too (one decode, not two)
     * @return the mammography preprocessing input
     * @throws DicomException as {@link #mammography(DicomFile)}
     */
    public static MammographyImageInput mammography(DicomFile file, DicomImage image) throws DicomException {
        Attributes ds = file.dataSet();
        short[] stored = monochromeShorts(image);
        double[] spacing = pixelSpacing(ds);
        String laterality = ds.getString(Tag.ImageLaterality).or(() -> ds.getString(Tag.Laterality)).orElse("");
        try {
            return new MammographyImageInput(image.rows(), image.columns(), stored, image.bitsStored(),
                    image.pixelRepresentation(), image.photometricInterpretation(), image.rescaleSlope(),
                    image.rescaleIntercept(), laterality, ds.getString(Tag.ViewPosition, ""),
                    spacing[0], spacing[1]);
        } catch (IllegalArgumentException e) {
            throw unusable("mammography", e);
        }
    }

    /**
     * A header value the preprocessing input refuses (a negative or missing PixelSpacing, a
     * colour photometric interpretation...) reaches here only when header rules let it through:
     * it is bad input with a stable code, not an internal error.
     */
    private static DicomException unusable(String task, IllegalArgumentException e) {
        return new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "the image cannot be " + task
                + " preprocessing input: " + e.getMessage(), e);
    }

    /**
     * @param file a fully read CT slice
     * @return the slice as chest-CT preprocessing input
     * @throws DicomException UNSUPPORTED_PIXEL_FORMAT when the slice is not single-frame monochrome
     *                        or lacks ImagePositionPatient/ImageOrientationPatient/PixelSpacing
     */
    public static CtSliceInput ctSlice(DicomFile file) throws DicomException {
        Attributes ds = file.dataSet();
        DicomImage image = file.decodeImage();
        short[] stored = monochromeShorts(image);
        double[] position = ds.getDoubles(Tag.ImagePositionPatient);
        double[] orientation = ds.getDoubles(Tag.ImageOrientationPatient);
        double[] spacing = ds.getDoubles(Tag.PixelSpacing);
        if (position.length != 3 || orientation.length != 6 || spacing.length != 2) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "CT slice needs ImagePositionPatient (3),"
                    + " ImageOrientationPatient (6) and PixelSpacing (2) values, has " + position.length + ", "
                    + orientation.length + " and " + spacing.length);
        }
        try {
            return new CtSliceInput(image.rows(), image.columns(), stored, image.pixelRepresentation(),
                    image.rescaleSlope(), image.rescaleIntercept(), position, orientation, spacing,
                    ds.getDouble(Tag.SliceThickness, 0.0),
                    ds.getString(Tag.SeriesInstanceUID, ""), ds.getString(Tag.SOPInstanceUID, ""),
                    ds.getInt(Tag.InstanceNumber, 0));
        } catch (IllegalArgumentException e) {
            throw unusable("chest CT", e);
        }
    }

    /**
     * @param ds a data set (header only is enough)
     * @return the values the header rules look at; absent attributes stay absent
     */
    public static HeaderFacts headerFacts(Attributes ds) {
        double[] spacing = pixelSpacing(ds);
        return HeaderFacts.builder()
                .modality(ds.getString(Tag.Modality).orElse(null))
                .sopClassUid(ds.getString(Tag.SOPClassUID).orElse(null))
                .bodyPartExamined(ds.getString(Tag.BodyPartExamined).orElse(null))
                .viewPosition(ds.getString(Tag.ViewPosition).orElse(null))
                .photometricInterpretation(ds.getString(Tag.PhotometricInterpretation).orElse(null))
                .bitsStored(boxed(ds, Tag.BitsStored))
                .pixelSpacingMm(spacing[0] > 0 && spacing[1] > 0
                        ? new PixelSpacingMm(spacing[0], spacing[1]) : null)
                .rows(boxed(ds, Tag.Rows))
                .columns(boxed(ds, Tag.Columns))
                .build();
    }

    private static Integer boxed(Attributes ds, int tag) {
        var value = ds.getInt(tag);
        return value.isPresent() ? value.getAsInt() : null;
    }

    /** PixelSpacing, else ImagerPixelSpacing (projection radiography); {0, 0} when neither has two values. */
    private static double[] pixelSpacing(Attributes ds) {
        double[] spacing = ds.getDoubles(Tag.PixelSpacing);
        if (spacing.length != 2) {
            spacing = ds.getDoubles(Tag.ImagerPixelSpacing);
        }
        return spacing.length == 2 ? spacing : new double[]{0, 0};
    }

    /**
     * @param image a decoded image
     * @return its stored values of a single-frame monochrome image as 16-bit samples (8-bit data widened)
     * @throws DicomException UNSUPPORTED_PIXEL_FORMAT for several frames, colour or other sample sizes
     */
    public static short[] monochromeShorts(DicomImage image) throws DicomException {
        if (image.samplesPerPixel() != 1 || image.frames() != 1) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "expected one monochrome frame, got "
                    + image.frames() + " frame(s) of " + image.samplesPerPixel() + " sample(s) per pixel ("
                    + image.photometricInterpretation() + ")");
        }
        PixelSamples samples = image.samples();
        if (samples instanceof PixelSamples.Shorts shorts) {
            return shorts.values();
        }
        if (samples instanceof PixelSamples.Bytes bytes && image.bitsAllocated() == 8) {
            byte[] b = bytes.values();
            short[] widened = new short[b.length];
            boolean signed = image.pixelRepresentation() == 1;
            for (int i = 0; i < b.length; i++) {
                widened[i] = (short) (signed ? b[i] : b[i] & 0xFF);
            }
            return widened;
        }
        throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "expected 8- or 16-bit monochrome samples,"
                + " got " + image.bitsAllocated() + "-bit");
    }
}
