package org.dicomguard.core.synthetic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SyntheticPackWriter#write(Path)} wrote.
 *
 * @param directory          the pack folder
 * @param labelledStudyCount in-distribution studies, listed in {@code labels.csv}
 * @param oodStudyCount      out-of-distribution studies, listed in {@code ood.csv}
 * @param dicomFileCount     DICOM files written
 * @param totalByteCount     bytes of every file written (DICOM, CSV and JSON)
 */
public record SyntheticPackSummary(Path directory, int labelledStudyCount, int oodStudyCount, int dicomFileCount,
                                   long totalByteCount) {

    /** Validates the counts. */
    public SyntheticPackSummary {
        Objects.requireNonNull(directory, "directory");
        if (labelledStudyCount < 0 || oodStudyCount < 0 || dicomFileCount < 0 || totalByteCount < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + labelledStudyCount + ", " + oodStudyCount
                    + ", " + dicomFileCount + ", " + totalByteCount);
        }
    }
}
