package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.FrameDecoder;
import org.dicomguard.core.dicom.codec.FrameDecoders;
import org.dicomguard.core.dicom.codec.ImageDescriptor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the PixelData element into {@link PixelSamples}: native data by byte-order conversion
 * (bulk, no boxing), encapsulated data frame by frame through the {@link FrameDecoder}.
 *
 * <p>Design note (memory): the output array is the only full-size allocation; native data is
 * read straight from the file buffer and encapsulated frames are decoded one at a time, so a
 * large mammogram holds the file bytes plus the decoded samples and nothing more.
 */
final class PixelDataDecoder {
    private PixelDataDecoder() {
    }

    static DicomImage decode(Attributes dataSet, String transferSyntaxUid, DicomReadLimits limits)
            throws DicomException {
        DicomElement pixelData = dataSet.element(Tag.PixelData).orElseThrow(() ->
                dataSet.contains(Tag.FloatPixelData) || dataSet.contains(Tag.DoubleFloatPixelData)
                        ? new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "FloatPixelData is not supported")
                        : new DicomException(DicomErrorCode.NO_PIXEL_DATA, "the data set has no PixelData"));
        PixelModule module = PixelModule.of(dataSet, limits);
        if (pixelData.isEncapsulated()) {
            return decodeEncapsulated(dataSet, pixelData, module, transferSyntaxUid, limits);
        }
        DeclaredSizeBound.chargeDecoded(module, limits);
        if (!TransferSyntax.isNative(transferSyntaxUid)) {
            throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "PixelData at offset " + pixelData.streamOffset
                    + " is not encapsulated although transfer syntax " + transferSyntaxUid + " requires it");
        }
        return new DicomImage(module.isYbrFull422() ? withPhotometric(module, "YBR_FULL") : module,
                NativePixels.convert(pixelData, module), rescale(dataSet));
    }

    private static DicomImage decodeEncapsulated(Attributes dataSet, DicomElement pixelData, PixelModule module,
                                                 String transferSyntaxUid, DicomReadLimits limits)
            throws DicomException {
        ImageDescriptor descriptor = module.descriptor();
        // With the descriptor the codec registry refuses 12-bit JPEG Extended before any frame is touched.
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(transferSyntaxUid, descriptor);
        int[][] frameFragments = FrameFragments.assign(pixelData, module.frames(),
                dataSet.element(Tag.ExtendedOffsetTable).orElse(null));
        // Before the output is allocated: what the encoded bytes can produce, then the decode budgets.
        DeclaredSizeBound.checkEncapsulated(transferSyntaxUid, module, pixelData, frameFragments);
        DeclaredSizeBound.chargeDecoded(module, limits);
        PixelSamples out = allocate(module);
        int frameSamples = module.samplesPerFrame();
        for (int frame = 0; frame < module.frames(); frame++) {
            byte[] encoded = FrameFragments.concatenate(pixelData, frameFragments[frame]);
            byte[] decoded;
            try {
                decoded = decoder.decode(encoded, descriptor);
            } catch (RuntimeException codecBug) {
                // The codec boundary: a third-party decoder failing on hostile data is corrupt data, not a crash.
                throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "frame " + frame + " of "
                        + transferSyntaxUid + " failed to decode: " + codecBug.getClass().getSimpleName(), codecBug);
            }
            if (decoded.length != descriptor.frameByteCount()) {
                throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "frame " + frame + " decoded to "
                        + decoded.length + " bytes, expected " + descriptor.frameByteCount());
            }
            copyLittleEndian(decoded, out, frame * frameSamples, frameSamples);
        }
        String photometric = decoder.decodedPhotometricInterpretation(descriptor);
        return new DicomImage(withPhotometric(module, photometric), out, rescale(dataSet));
    }

    static PixelSamples allocate(PixelModule module) {
        int n = module.totalSamples();
        switch (module.bytesPerSample()) {
            case 1:
                return new PixelSamples.Bytes(new byte[n]);
            case 2:
                return new PixelSamples.Shorts(new short[n]);
            default:
                return new PixelSamples.Ints(new int[n]);
        }
    }

    private static void copyLittleEndian(byte[] src, PixelSamples out, int firstSample, int count) {
        ByteBuffer bb = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
        if (out instanceof PixelSamples.Bytes b) {
            System.arraycopy(src, 0, b.values(), firstSample, count);
        } else if (out instanceof PixelSamples.Shorts s) {
            bb.asShortBuffer().get(s.values(), firstSample, count);
        } else if (out instanceof PixelSamples.Ints i) {
            bb.asIntBuffer().get(i.values(), firstSample, count);
        }
    }

    private static PixelModule withPhotometric(PixelModule m, String photometric) {
        return new PixelModule(m.rows(), m.columns(), m.frames(), m.samplesPerPixel(), m.bitsAllocated(),
                m.bitsStored(), m.pixelRepresentation(), photometric, 0);
    }

    private static double[] rescale(Attributes a) {
        return new double[] {a.getDouble(Tag.RescaleSlope, 1.0), a.getDouble(Tag.RescaleIntercept, 0.0)};
    }
}
