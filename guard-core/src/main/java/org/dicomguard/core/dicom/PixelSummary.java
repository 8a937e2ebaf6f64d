package org.dicomguard.core.dicom;

import org.dicomguard.core.json.StrictJson;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identity and value range of decoded stored pixel values.
 *
 * <p>{@code pixelSha256} is defined in docs/DESIGN.md: SHA-256 over the stored values (before
 * rescale), frames in order, samples interleaved per pixel, each value little-endian in
 * ceil(BitsAllocated/8) bytes, 1-bit data one byte per pixel. Values are not masked to
 * BitsStored, matching the array pydicom produces. Min, max and mean read values as signed
 * when PixelRepresentation is 1.
 *
 * @param pixelSha256 lower-case hex SHA-256
 * @param pixelMin    smallest value
 * @param pixelMax    largest value
 * @param pixelMean   arithmetic mean over all samples of all frames
 */
public record PixelSummary(String pixelSha256, long pixelMin, long pixelMax, double pixelMean) {

    /** Validates: hash present, pixelMin &lt;= pixelMax. */
    public PixelSummary {
        Objects.requireNonNull(pixelSha256, "pixelSha256");
        if (pixelMin > pixelMax) {
            throw new IllegalArgumentException("pixelMin must be <= pixelMax, got " + pixelMin + " > " + pixelMax);
        }
    }

    private static final int CHUNK_SAMPLES = 16 * 1024;

    static PixelSummary of(PixelSamples samples, int bitsAllocated, boolean signed) {
        MessageDigest sha = StrictJson.sha256();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum = 0;
        int n = samples.length();
        // Hash in fixed-size chunks: no second full-size copy of the pixels.
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_SAMPLES * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += CHUNK_SAMPLES) {
            int stop = Math.min(n, start + CHUNK_SAMPLES);
            chunk.clear();
            for (int i = start; i < stop; i++) {
                long v;
                if (samples instanceof PixelSamples.Bytes b) {
                    byte raw = b.values()[i];
                    chunk.put(raw);
                    v = signed ? raw : raw & 0xFF;
                } else if (samples instanceof PixelSamples.Shorts s) {
                    short raw = s.values()[i];
                    chunk.putShort(raw);
                    v = signed ? raw : raw & 0xFFFF;
                } else {
                    int raw = ((PixelSamples.Ints) samples).values()[i];
                    chunk.putInt(raw);
                    v = signed ? raw : raw & 0xFFFFFFFFL;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            sha.update(chunk.array(), 0, chunk.position());
        }
        if (n == 0) {
            min = 0;
            max = 0;
        }
        return new PixelSummary(HexFormat.of().formatHex(sha.digest()), min, max, n == 0 ? 0.0 : (double) sum / n);
    }
}
