package org.dicomguard.core.dicom.codec;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The part of {@link OpenCvJ2k} that names OpenCV's classes; touched only after
 * {@link OpenCvJ2k#available()} said yes. Thread-safe: OpenCV's imdecode keeps no shared state.
 */
final class OpenCvJ2kDecoder {
    private OpenCvJ2kDecoder() {
    }

    /** Extracts and loads the native library that the jar carries for this platform. */
    static void loadLibrary() {
        nu.pattern.OpenCV.loadLocally();
    }

    /**
     * @param codestream a raw codestream whose SIZ matched the descriptor and {@link #accepts}
     * @param header     its SIZ
     * @param descriptor the header's image attributes
     * @return the frame in the {@link FrameDecoder} layout, or null when OpenCV could not decode it
     */
    static byte[] decode(byte[] codestream, J2kCodestreamHeader header, ImageDescriptor descriptor) {
        MatOfByte in = new MatOfByte(OpenCvJ2k.wrapAsJp2(codestream, header));
        Mat image = Imgcodecs.imdecode(in, Imgcodecs.IMREAD_UNCHANGED);
        try {
            int channels = header.components();
            int depth = header.precisions()[0] <= 8 ? CvType.CV_8U : CvType.CV_16U;
            if (image.empty() || image.rows() != descriptor.rows() || image.cols() != descriptor.columns()
                    || image.channels() != channels || image.depth() != depth) {
                return null;
            }
            int n = descriptor.rows() * descriptor.columns() * channels;
            int[] order = channels == 3 ? new int[] {2, 1, 0} : new int[] {0};
            if (depth == CvType.CV_8U) {
                byte[] samples = new byte[n];
                image.get(0, 0, samples);
                return RasterSamples.fromInterleaved(i -> samples[i] & 0xFF, order, descriptor);
            }
            short[] samples = new short[n];
            image.get(0, 0, samples);
            return RasterSamples.fromInterleaved(i -> samples[i] & 0xFFFF, order, descriptor);
        } finally {
            in.release();
            image.release();
        }
    }

}
