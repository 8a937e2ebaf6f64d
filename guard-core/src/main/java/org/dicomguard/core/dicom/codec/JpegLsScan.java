package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Decodes one JPEG-LS scan (ITU T.87 annex A): context modelling with 365 regular and 2 run
 * interruption contexts, Golomb codes with limited length, run mode, near-lossless
 * reconstruction, and the three interleave modes (one component per scan, line, sample).
 * Arithmetic follows CharLS (the codec inside dcmtk's dcmdjpls and GDCM) step for step, so the
 * output is identical to theirs on near-lossless streams too. Keeps two lines per component.
 * Not thread-safe; one per scan.
 */
final class JpegLsScan {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};
    private static final int CONTEXTS = 365;

    private final JpegLsParameters p;
    private final int columns;
    private final int rows;
    private final int[] outputComponent;
    private final int interleave;
    private final ImageDescriptor descriptor;
    private final byte[] quantized;
    private final int limit;
    private final int qbpp;
    private final int step;
    private final int range;

    private final int[] a = new int[CONTEXTS + 2];
    private final int[] b = new int[CONTEXTS];
    private final int[] c = new int[CONTEXTS];
    private final int[] n = new int[CONTEXTS + 2];
    private final int[] nn = new int[2];
    private final int[] runIndex;
    private JpegLsBitReader bits;

    /**
     * @param outputComponent for each scan component, its index in the output pixel
     * @param interleave      ILV: 0 none (one component), 1 line, 2 sample
     */
    JpegLsScan(JpegLsParameters parameters, int columns, int rows, int[] outputComponent, int interleave,
               ImageDescriptor descriptor) {
        this.p = parameters;
        this.columns = columns;
        this.rows = rows;
        this.outputComponent = outputComponent;
        this.interleave = interleave;
        this.descriptor = descriptor;
        this.range = parameters.range();
        this.step = 2 * parameters.near() + 1;
        this.qbpp = parameters.qbpp();
        this.limit = parameters.limit();
        this.runIndex = new int[outputComponent.length];
        int maxVal = parameters.maxVal();
        this.quantized = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            quantized[d + maxVal] = (byte) quantize(d);
        }
    }

    private int quantize(int d) {
        int near = p.near();
        if (d <= -p.t3()) {
            return -4;
        } else if (d <= -p.t2()) {
            return -3;
        } else if (d <= -p.t1()) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < p.t1()) {
            return 1;
        } else if (d < p.t2()) {
            return 2;
        } else if (d < p.t3()) {
            return 3;
        }
        return 4;
    }

    private void resetContexts() {
        int initialA = Math.max(2, (range + 32) / 64);
        java.util.Arrays.fill(a, initialA);
        java.util.Arrays.fill(b, 0);
        java.util.Arrays.fill(c, 0);
        java.util.Arrays.fill(n, 1);
        java.util.Arrays.fill(nn, 0);
        java.util.Arrays.fill(runIndex, 0);
    }

    void decode(JpegLsBitReader reader, int restartInterval, byte[] out) throws DicomException {
        this.bits = reader;
        int components = outputComponent.length;
        int[][] previous = new int[components][columns + 2];
        int[][] current = new int[components][columns + 2];
        resetContexts();
        for (int y = 0; y < rows; y++) {
            if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                bits.restart();
                resetContexts();
                for (int k = 0; k < components; k++) {
                    java.util.Arrays.fill(previous[k], 0);
                    java.util.Arrays.fill(current[k], 0);
                }
            }
            int[][] swap = previous;
            previous = current;
            current = swap;
            for (int k = 0; k < components; k++) {
                previous[k][columns + 1] = previous[k][columns];
                current[k][0] = previous[k][1];
            }
            if (interleave == 2) {
                decodeSampleInterleavedLine(previous, current);
            } else {
                for (int k = 0; k < components; k++) {
                    decodeLine(previous[k], current[k], k);
                }
            }
            bits.checkNotOverrun();
            for (int k = 0; k < components; k++) {
                writeLine(current[k], y, outputComponent[k], out);
            }
        }
    }

    private int q(int difference) {
        return quantized[difference + p.maxVal()];
    }

    private void decodeLine(int[] prev, int[] cur, int component) throws DicomException {
        int x = 0;
        while (x < columns) {
            int i = x + 1;
            int ra = cur[i - 1];
            int rb = prev[i];
            int rc = prev[i - 1];
            int rd = prev[i + 1];
            int qs = (q(rd - rb) * 9 + q(rb - rc)) * 9 + q(rc - ra);
            if (qs != 0) {
                cur[i] = decodeRegular(qs, predict(ra, rb, rc));
                x++;
            } else {
                x += decodeRun(prev, cur, x, component);
            }
        }
    }

    /** @return the samples decoded: the run plus, unless it reached the line end, the interruption sample */
    private int decodeRun(int[] prev, int[] cur, int x, int component) throws DicomException {
        int ra = cur[x];
        int length = decodeRunLength(columns - x, component);
        for (int k = 1; k <= length; k++) {
            cur[x + k] = ra;
        }
        int end = x + length;
        if (end == columns) {
            return length;
        }
        int rb = prev[end + 1];
        if (Math.abs(ra - rb) <= p.near()) {
            cur[end + 1] = reconstruct(ra, decodeRunInterruptionError(1, component));
        } else {
            cur[end + 1] = reconstruct(rb, decodeRunInterruptionError(0, component) * sign(rb - ra));
        }
        runIndex[component] = Math.max(0, runIndex[component] - 1);
        return length + 1;
    }

    private void decodeSampleInterleavedLine(int[][] prev, int[][] cur) throws DicomException {
        int components = prev.length;
        int[] qs = new int[components];
        int x = 0;
        while (x < columns) {
            int i = x + 1;
            boolean run = true;
            for (int k = 0; k < components; k++) {
                int ra = cur[k][i - 1];
                int rb = prev[k][i];
                int rc = prev[k][i - 1];
                qs[k] = (q(prev[k][i + 1] - rb) * 9 + q(rb - rc)) * 9 + q(rc - ra);
                run &= qs[k] == 0;
            }
            if (!run) {
                for (int k = 0; k < components; k++) {
                    cur[k][i] = decodeRegular(qs[k], predict(cur[k][i - 1], prev[k][i], prev[k][i - 1]));
                }
                x++;
                continue;
            }
            int length = decodeRunLength(columns - x, 0);
            for (int k = 0; k < components; k++) {
                int ra = cur[k][x];
                for (int s = 1; s <= length; s++) {
                    cur[k][x + s] = ra;
                }
            }
            int end = x + length;
            if (end == columns) {
                x = end;
                continue;
            }
            for (int k = 0; k < components; k++) {
                int ra = cur[k][end];
                int rb = prev[k][end + 1];
                cur[k][end + 1] = reconstruct(rb, decodeRunInterruptionError(0, 0) * sign(rb - ra));
            }
            runIndex[0] = Math.max(0, runIndex[0] - 1);
            x = end + 1;
        }
    }

    private static int sign(int value) {
        return (value >> 31) | 1;
    }

    /** Median edge detector (T.87 A.4.1). */
    private static int predict(int ra, int rb, int rc) {
        if (rc >= Math.max(ra, rb)) {
            return Math.min(ra, rb);
        }
        if (rc <= Math.min(ra, rb)) {
            return Math.max(ra, rb);
        }
        return ra + rb - rc;
    }

    private int clampToRange(int value) {
        return value < 0 ? 0 : Math.min(value, p.maxVal());
    }

    private int reconstruct(int prediction, int error) {
        int value = prediction + error * step;
        if (value < -p.near()) {
            value += range * step;
        } else if (value > p.maxVal() + p.near()) {
            value -= range * step;
        }
        return clampToRange(value);
    }

    private int decodeRegular(int qs, int prediction) throws DicomException {
        int signMask = qs >> 31; // -1 when the context is negative
        int context = (qs ^ signMask) - signMask;
        int k = 0;
        for (int nTest = n[context]; nTest < a[context] && k < 24; nTest <<= 1) {
            k++;
        }
        int px = clampToRange(prediction + ((c[context] ^ signMask) - signMask));
        int mapped = decodeValue(k, limit);
        int error = (mapped >>> 1) ^ -(mapped & 1);
        if (k == 0 && p.near() == 0 && 2 * b[context] + n[context] - 1 < 0) {
            error = ~error;
        }
        updateRegular(context, error);
        return reconstruct(px, (error ^ signMask) - signMask);
    }

    private void updateRegular(int context, int error) {
        a[context] += Math.abs(error);
        b[context] += error * step;
        if (n[context] == p.reset()) {
            a[context] >>= 1;
            b[context] >>= 1;
            n[context] >>= 1;
        }
        n[context]++;
        if (b[context] + n[context] <= 0) {
            b[context] += n[context];
            if (b[context] <= -n[context]) {
                b[context] = -n[context] + 1;
            }
            if (c[context] > -128) {
                c[context]--;
            }
        } else if (b[context] > 0) {
            b[context] -= n[context];
            if (b[context] > 0) {
                b[context] = 0;
            }
            if (c[context] < 127) {
                c[context]++;
            }
        }
    }

    /** Golomb code of length-limited form (T.87 A.5.3). */
    private int decodeValue(int k, int codeLimit) throws DicomException {
        int high = bits.unary(codeLimit);
        if (high >= codeLimit - (qbpp + 1)) {
            return bits.bits(qbpp) + 1;
        }
        if (k == 0) {
            return high;
        }
        if (k > 16 || high > (Integer.MAX_VALUE >> k)) {
            throw JpegSegments.corrupt("JPEG-LS Golomb parameter out of range (damaged stream)");
        }
        return (high << k) + bits.bits(k);
    }

    private int decodeRunLength(int remaining, int component) throws DicomException {
        int index = 0;
        while (bits.bit() == 1) {
            int count = Math.min(1 << J[runIndex[component]], remaining - index);
            index += count;
            if (count == 1 << J[runIndex[component]]) {
                runIndex[component] = Math.min(31, runIndex[component] + 1);
            }
            if (index == remaining) {
                return index;
            }
        }
        if (J[runIndex[component]] > 0) {
            index += bits.bits(J[runIndex[component]]);
        }
        if (index > remaining) {
            throw JpegSegments.corrupt("JPEG-LS run longer than the line (damaged stream)");
        }
        return index;
    }

    /** T.87 A.7.2: the error of the sample that ends a run; riType 1 when Ra and Rb are (nearly) equal. */
    private int decodeRunInterruptionError(int riType, int component) throws DicomException {
        int context = CONTEXTS + riType;
        int temp = a[context] + (n[context] >> 1) * riType;
        int k = 0;
        for (int nTest = n[context]; nTest < temp && k < 24; nTest <<= 1) {
            k++;
        }
        int mapped = decodeValue(k, limit - J[runIndex[component]] - 1);
        int t = mapped + riType;
        int map = t & 1;
        int abs = (t + map) / 2;
        boolean negative = (k != 0 || 2 * nn[riType] >= n[context]) == (map == 1);
        int error = negative ? -abs : abs;
        if (error < 0) {
            nn[riType]++;
        }
        a[context] += (mapped + 1 - riType) >> 1;
        if (n[context] == p.reset()) {
            a[context] >>= 1;
            n[context] >>= 1;
            nn[riType] >>= 1;
        }
        n[context]++;
        return error;
    }

    private void writeLine(int[] line, int y, int component, byte[] out) {
        int samplesPerPixel = descriptor.samplesPerPixel();
        int bytes = descriptor.bytesPerSample();
        int valueMask = (1 << descriptor.bitsStored()) - 1;
        int signBit = descriptor.pixelRepresentation() == 1 ? 1 << (descriptor.bitsStored() - 1) : 0;
        int at = (y * columns * samplesPerPixel + component) * bytes;
        int stride = samplesPerPixel * bytes;
        for (int x = 1; x <= columns; x++, at += stride) {
            int value = line[x] & valueMask;
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
