package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.DicomFile;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a task's review picture of one study (image, mask outline, crop, text lines) for the
 * Secondary Capture. {@link SecondaryCaptureWriter} is generic over it: a task's renderer plugs
 * in here without the SC code knowing the task.
 */
@FunctionalInterface
public interface ReviewPicture {
    /**
     * @param files     the study's files, read in full (pixels), not modified
     * @param textLines lines to draw on the picture (probabilities or why the study was not analysed)
     * @return a new RGB picture
     * @throws Exception when the study cannot be drawn; the caller then writes no Secondary Capture
     */
    BufferedImage render(List<DicomFile> files, List<String> textLines) throws Exception;
}
