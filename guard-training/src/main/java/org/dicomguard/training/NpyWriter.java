package org.dicomguard.training;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Streams float32 tensors into a NumPy {@code .npy} file (format version 1.0, little-endian
 * {@code <f4}, C order), so that a training script loads exactly the tensors Java produced with
 * {@code numpy.load} and never re-implements preprocessing.
 *
 * <p>Format: magic {@code \x93NUMPY}, version 1.0, a 2-byte little-endian header length, an ASCII
 * Python dict padded with spaces and a newline so that the data starts at a multiple of 64 bytes,
 * then the raw values (NumPy format specification, NEP 1).
 *
 * <p>Not thread-safe. Owns its stream: {@link #close()} closes it and fails when fewer or more values
 * than the shape holds were written.
 */
public final class NpyWriter implements AutoCloseable {

    private final OutputStream out;
    private final long expectedValueCount;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long writtenValueCount;

    private NpyWriter(OutputStream out, long[] shape) throws IOException {
        this.out = out;
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(shape));
            }
            count *= dimension;
        }
        this.expectedValueCount = count;
        out.write(header(shape));
    }

    /**
     * @param file  destination, replaced
     * @param shape array shape, e.g. {N, 1, H, W}
     * @return a writer expecting exactly the product of the shape in values
     * @throws IOException when the file cannot be created
     */
    public static NpyWriter open(Path file, long... shape) throws IOException {
        return new NpyWriter(new BufferedOutputStream(Files.newOutputStream(file)), shape.clone());
    }

    /**
     * Writes a whole array in one call.
     *
     * @param file   destination, replaced
     * @param values data in C order, not modified
     * @param shape  shape whose product equals {@code values.length}
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, float[] values, long... shape) throws IOException {
        try (NpyWriter writer = open(file, shape)) {
            writer.append(values);
        }
    }

    /**
     * @param values next values in C order, not modified
     * @throws IOException when writing fails
     * @throws IllegalStateException when this would exceed the shape
     */
    public void append(float[] values) throws IOException {
        if (writtenValueCount + values.length > expectedValueCount) {
            throw new IllegalStateException("npy shape holds " + expectedValueCount + " values, appending "
                    + values.length + " after " + writtenValueCount + " exceeds it");
        }
        for (float value : values) {
            if (buffer.remaining() < Float.BYTES) {
                flushBuffer();
            }
            buffer.putFloat(value);
        }
        writtenValueCount += values.length;
    }

    /**
     * @throws IOException when closing fails
     * @throws IllegalStateException when fewer values than the shape holds were written
     */
    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
            if (writtenValueCount != expectedValueCount) {
                throw new IllegalStateException("npy shape holds " + expectedValueCount + " values, but "
                        + writtenValueCount + " were written");
            }
        } finally {
            out.close();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /** @return the complete header bytes for the shape, padded to a multiple of 64 */
    static byte[] header(long[] shape) {
        String dimensions = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String tuple = shape.length == 1 ? "(" + dimensions + ",)" : "(" + dimensions + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        int prefix = 6 + 2 + 2;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer header = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        header.putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }
}
