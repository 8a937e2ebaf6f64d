package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Decodes one scan of a JPEG Lossless frame (ITU T.81 annex H) into the {@link FrameDecoder}
 * layout: one or more components (interleaved when several), any of the 7 predictors, point
 * transform, restart intervals of whole rows. Keeps two rows of reconstructed values.
 * Not thread-safe; one per scan.
 */
final class JpegLosslessScan {
    private final int columns;
    private final int rows;
    private final int predictor;
    private final int pointTransform;
    private final int initialPrediction;
    private final int restartInterval;
    private final int[] outputComponent;
    private final JpegHuffmanTable[] tables;
    private final ImageDescriptor descriptor;

    /**
     * @param outputComponent for each scan component, its index in the frame (and output pixel)
     * @param tables          for each scan component, its Huffman table
     */
    JpegLosslessScan(int columns, int rows, int precision, int predictor, int pointTransform, int restartInterval,
                     int[] outputComponent, JpegHuffmanTable[] tables, ImageDescriptor descriptor) {
        this.columns = columns;
        this.rows = rows;
        this.predictor = predictor;
        this.pointTransform = pointTransform;
        this.initialPrediction = 1 << (precision - pointTransform - 1);
        this.restartInterval = restartInterval;
        this.outputComponent = outputComponent;
        this.tables = tables;
        this.descriptor = descriptor;
    }

    void decode(JpegBitReader bits, byte[] out) throws DicomException {
        int n = outputComponent.length;
        int width = columns * n;
        if (restartInterval > 0 && restartInterval % columns != 0) {
            throw JpegSegments.corrupt("JPEG Lossless restart interval " + restartInterval
                    + " is not a whole number of rows of " + columns);
        }
        int rowsPerInterval = restartInterval == 0 ? Integer.MAX_VALUE : restartInterval / columns;
        int[] previous = new int[width];
        int[] current = new int[width];
        int rowsLeftInInterval = rowsPerInterval;
        boolean firstRow = true;
        for (int y = 0; y < rows; y++) {
            if (rowsLeftInInterval == 0) {
                bits.restart();
                rowsLeftInInterval = rowsPerInterval;
                firstRow = true;
            }
            if (firstRow) {
                decodeFirstRow(bits, current, n);
                firstRow = false;
            } else if (n == 1) {
                decodeRowSingle(bits, previous, current);
            } else {
                decodeRow(bits, previous, current, n);
            }
            bits.checkNotOverrun();
            writeRow(current, y, out);
            int[] swap = previous;
            previous = current;
            current = swap;
            rowsLeftInInterval--;
        }
    }

    /** First row of the scan or of a restart interval: 2^(P-Pt-1), then the left neighbour. */
    private void decodeFirstRow(JpegBitReader bits, int[] current, int n) throws DicomException {
        for (int c = 0; c < n; c++) {
            current[c] = (initialPrediction + bits.decodeDifference(tables[c])) & 0xFFFF;
        }
        for (int i = n; i < current.length; i++) {
            current[i] = (current[i - n] + bits.decodeDifference(tables[i % n])) & 0xFFFF;
        }
    }

    private void decodeRowSingle(JpegBitReader bits, int[] previous, int[] current) throws DicomException {
        JpegHuffmanTable table = tables[0];
        current[0] = (previous[0] + bits.decodeDifference(table)) & 0xFFFF;
        int ra = current[0];
        switch (predictor) {
            case 1 -> {
                for (int x = 1; x < columns; x++) {
                    ra = (ra + bits.decodeDifference(table)) & 0xFFFF;
                    current[x] = ra;
                }
            }
            case 2 -> {
                for (int x = 1; x < columns; x++) {
                    current[x] = (previous[x] + bits.decodeDifference(table)) & 0xFFFF;
                }
            }
            default -> {
                for (int x = 1; x < columns; x++) {
                    ra = (predict(ra, previous[x], previous[x - 1]) + bits.decodeDifference(table)) & 0xFFFF;
                    current[x] = ra;
                }
            }
        }
    }

    private void decodeRow(JpegBitReader bits, int[] previous, int[] current, int n) throws DicomException {
        for (int c = 0; c < n; c++) {
            current[c] = (previous[c] + bits.decodeDifference(tables[c])) & 0xFFFF;
        }
        for (int x = 1; x < columns; x++) {
            int base = x * n;
            for (int c = 0; c < n; c++) {
                int i = base + c;
                current[i] = (predict(current[i - n], previous[i], previous[i - n])
                        + bits.decodeDifference(tables[c])) & 0xFFFF;
            }
        }
    }

    /** T.81 table H.1, in libjpeg's integer arithmetic. */
    private int predict(int ra, int rb, int rc) {
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    /** Shifts by the point transform, reduces to bitsStored (sign-extended when signed) and stores little-endian. */
    private void writeRow(int[] current, int y, byte[] out) {
        int n = outputComponent.length;
        int samplesPerPixel = descriptor.samplesPerPixel();
        int bytes = descriptor.bytesPerSample();
        int valueMask = (1 << descriptor.bitsStored()) - 1;
        int signBit = descriptor.pixelRepresentation() == 1 ? 1 << (descriptor.bitsStored() - 1) : 0;
        int shift = pointTransform;
        for (int c = 0; c < n; c++) {
            int at = ((y * columns) * samplesPerPixel + outputComponent[c]) * bytes;
            int step = samplesPerPixel * bytes;
            for (int x = 0, i = c; x < columns; x++, i += n, at += step) {
                int value = (current[i] << shift) & valueMask;
                if ((value & signBit) != 0) {
                    value |= ~valueMask;
                }
                out[at] = (byte) value;
                if (bytes == 2) {
                    out[at + 1] = (byte) (value >>> 8);
                }
            }
        }
    }
}
