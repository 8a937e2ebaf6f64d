package org.dicomguard.core.dicom.codec;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The RLE encoder against PS3.5 G.3.1 (rows coded separately, zero padding, runs of three or more
 * replicated) and, where python3 with pydicom is installed, byte for byte against pydicom's RLE
 * encoder. The repository once had two encoders, one of which let runs cross row boundaries.
 */
class RleLosslessEncoderTest {
    private static final String PYDICOM_ENCODE = String.join("\n",
            "import sys",
            "try:",
            "    from pydicom.pixels.encoders import RLELosslessEncoder",
            "except ImportError:",
            "    from pydicom.encoders import RLELosslessEncoder",
            "rows, columns, samples, bits = (int(v) for v in sys.argv[3:7])",
            "src = open(sys.argv[1], 'rb').read()",
            "out = RLELosslessEncoder.encode(src, encoding_plugin='pydicom', rows=rows, columns=columns,",
            "    samples_per_pixel=samples, bits_allocated=bits, bits_stored=bits, pixel_representation=0,",
            "    photometric_interpretation='RGB' if samples == 3 else 'MONOCHROME2', number_of_frames=1,",
            "    planar_configuration=0)",
            "open(sys.argv[2], 'wb').write(out)");

    @Test
    void encode_runAcrossRows_everyRowCodedSeparately() {
        ImageDescriptor d = ImageDescriptor.monochrome(3, 5, 8, 8, 0, "MONOCHROME2");
        byte[] uniform = new byte[15];
        Arrays.fill(uniform, (byte) 9);

        byte[] encoded = RleLosslessEncoder.encode(uniform, d);

        // One replicate run per row (-4 = five times), never one run of 15 across rows; odd length padded with 0.
        byte[] segment = Arrays.copyOfRange(encoded, 64, encoded.length);
        assertArrayEquals(new byte[] {-4, 9, -4, 9, -4, 9}, segment);
    }

    @Test
    void encode_randomRows_noPacketCrossesARowBoundary() {
        ImageDescriptor d = ImageDescriptor.monochrome(41, 67, 8, 8, 0, "MONOCHROME2");
        byte[] frame = RleFrameDecoderTest.blockyImage(d, new Random(7));

        byte[] encoded = RleLosslessEncoder.encode(frame, d);

        int at = 64;
        int decoded = 0;
        while (decoded < frame.length) {
            int header = encoded[at];
            int count = header >= 0 ? header + 1 : 1 - header;
            assertEquals(decoded / d.columns(), (decoded + count - 1) / d.columns(),
                    "packet at byte " + at + " covers " + count + " bytes from " + decoded);
            at += header >= 0 ? 1 + count : 2;
            decoded += count;
        }
        assertEquals(encoded.length, at + (at % 2), "only an even-length pad after the last packet");
    }

    @Test
    void packBits_runsOfThreeOrMore_areReplicateRuns() {
        byte[] row = {5, 6, 6, 6, 7, 8, 8, 8, 8};
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RleLosslessEncoder.packBits(row, out);

        assertArrayEquals(new byte[] {0, 5, -2, 6, 0, 7, -3, 8}, out.toByteArray());
    }

    @Test
    void packBits_runOf129_replicate128ThenOneByteLiteral() {
        byte[] row = new byte[129];
        Arrays.fill(row, (byte) 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RleLosslessEncoder.packBits(row, out);

        assertArrayEquals(new byte[] {-127, 3, 0, 3}, out.toByteArray());
    }

    @Test
    void encode16_lengthMismatch_refusedWithSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RleLosslessEncoder.encode16(new short[5], 2, 3));
        assertEquals("stored must hold rows*columns values, got 5 for 2x3", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1,8,37,301", "1,16,23,130", "3,8,17,29", "3,16,9,260"})
    void encode_sameBytesAsPydicom(int samples, int bitsAllocated, int rows, int columns, @TempDir Path dir)
            throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "python3 not installed: apt-get install python3");
        Assumptions.assumeTrue(exitStatus(python.toString(), "-c", "import pydicom") == 0,
                "pydicom not installed: apt-get install python3-pydicom");
        ImageDescriptor d = new ImageDescriptor(rows, columns, samples, bitsAllocated, bitsAllocated, 0,
                samples == 3 ? "RGB" : "MONOCHROME2", 0);
        byte[] frame = RleFrameDecoderTest.blockyImage(d, new Random(rows * 1000L + columns));
        Path source = Files.write(dir.resolve("frame.raw"), frame);
        Path script = Files.writeString(dir.resolve("encode.py"), PYDICOM_ENCODE);
        Path reference = dir.resolve("frame.rle");

        int status = exitStatus(python.toString(), script.toString(), source.toString(), reference.toString(),
                Integer.toString(rows), Integer.toString(columns), Integer.toString(samples),
                Integer.toString(bitsAllocated));

        assertEquals(0, status, "pydicom encoder failed");
        assertArrayEquals(Files.readAllBytes(reference), RleLosslessEncoder.encode(frame, d));
    }

    private static int exitStatus(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
