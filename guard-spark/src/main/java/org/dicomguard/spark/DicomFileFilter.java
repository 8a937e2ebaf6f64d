package org.dicomguard.spark;

import java.io.Serializable;
import java.util.Locale;

/**
 * Which listed files the archive job reads as DICOM, decided from the file's first bytes (and
 * its name), so exports named by UID ({@code 1.2.840...}) or without extension are found.
 * Swappable: pass another implementation to {@link ArchiveScoring#discover}.
 */
@FunctionalInterface
public interface DicomFileFilter extends Serializable {

    /** Bytes of the prefix the filter sees: the preamble and the DICM magic. */
    int PREFIX_BYTES = 132;

    /**
     * @param fileName the file's name (last path segment)
     * @param prefix   the file's first bytes, at most {@link #PREFIX_BYTES}
     * @param length   how many bytes of {@code prefix} are valid (shorter for short files)
     * @return true when the file is to be keyed and scored
     */
    boolean accept(String fileName, byte[] prefix, int length);

    /**
     * The default: a Part-10 file ({@code DICM} after the 128-byte preamble), a file starting
     * with {@code DICM}, or a data set without preamble whose first element is a plausible
     * file-meta or identification element (group 0002 or 0008, little or big endian). A file
     * named {@code *.dcm} or {@code *.dicom} is kept whatever its bytes, so that a damaged file
     * gives a {@code failed} row, as in {@code dicom-guard score}, instead of vanishing.
     *
     * @return the default filter
     */
    static DicomFileFilter byContent() {
        return (name, prefix, length) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".dcm") || lower.endsWith(".dicom")) {
                return true;
            }
            if (length >= 132 && magic(prefix, 128) || length >= 4 && magic(prefix, 0)) {
                return true;
            }
            if (length < 8) {
                return false;
            }
            int little = (prefix[0] & 0xFF) | (prefix[1] & 0xFF) << 8;
            int big = (prefix[0] & 0xFF) << 8 | (prefix[1] & 0xFF);
            int element = little == 0x0002 || little == 0x0008
                    ? (prefix[2] & 0xFF) | (prefix[3] & 0xFF) << 8 : (prefix[2] & 0xFF) << 8 | (prefix[3] & 0xFF);
            return (little == 0x0002 || little == 0x0008 || big == 0x0002 || big == 0x0008) && element < 0x0100;
        };
    }

    private static boolean magic(byte[] b, int p) {
        return b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M';
    }
}
