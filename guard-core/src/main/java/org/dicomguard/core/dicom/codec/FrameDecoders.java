package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

/**
 * Chooses the {@link FrameDecoder} for an encapsulated transfer syntax.
 * (Seam only: the codecs land in their own change.)
 */
public final class FrameDecoders {
    private FrameDecoders() {
    }

    /**
     * @param transferSyntaxUid an encapsulated transfer syntax UID
     * @return the decoder for it
     * @throws DicomException UNSUPPORTED_TRANSFER_SYNTAX naming the UID when there is none
     */
    public static FrameDecoder forTransferSyntax(String transferSyntaxUid) throws DicomException {
        throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX,
                "unsupported transfer syntax " + transferSyntaxUid);
    }
}
