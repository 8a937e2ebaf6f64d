package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The native JPEG 2000 path (OpenJPEG in OpenCV) gives the same samples as jai-imageio on every
 * lossless J2K codec fixture it accepts (the hashes of ConformanceCorpusTest and FrameDecodersTest
 * come from GDCM/pydicom, so both paths are also checked against an independent decoder there).
 */
class J2kNativePathTest {

    static List<CodecFixtures.Entry> losslessJ2k() {
        return CodecFixtures.all().stream()
                .filter(e -> e.transferSyntaxUid().equals(TransferSyntax.JPEG_2000_LOSSLESS)
                        || e.transferSyntaxUid().equals(TransferSyntax.JPEG_2000) && !e.pixelSha256().isEmpty())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losslessJ2k")
    void decode_nativePath_equalsJaiImageio(CodecFixtures.Entry entry) throws Exception {
        Assumptions.assumeTrue(OpenCvJ2k.available(), "org.openpnp:opencv not on the class path or not loadable");
        byte[] frame = entry.frame(0);
        Assumptions.assumeTrue(J2kCodestreamHeader.isRawCodestream(frame), "JP2 file format: jai-imageio's alone");
        J2kCodestreamHeader header = J2kCodestreamHeader.read(frame, "test");
        Assumptions.assumeTrue(OpenCvJ2k.accepts(header), "signed or subsampled: jai-imageio's alone");
        J2kFrameDecoder decoder = new J2kFrameDecoder();
        long budget = J2kFrameDecoder.cpuBudgetNanos(frame.length, (long) entry.descriptor().rows()
                * entry.descriptor().columns());
        assertArrayEquals(decoder.decode(frame, entry.descriptor(), budget, false),
                decoder.decode(frame, entry.descriptor(), budget, true));
    }
}
