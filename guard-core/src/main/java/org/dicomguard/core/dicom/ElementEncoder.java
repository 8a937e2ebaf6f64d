package org.dicomguard.core.dicom;

import java.io.IOException;
import java.io.OutputStream;

/** Writes elements in Explicit VR Little Endian (PS3.5 7.1.2). Not thread-safe. */
final class ElementEncoder {
    private final OutputStream out;

    ElementEncoder(OutputStream out) {
        this.out = out;
    }

    void element(DicomElement e) throws IOException {
        if (e.isSequence()) {
            header(e.tag, VR.SQ, DicomParser.UNDEFINED_LENGTH);
            for (Attributes item : e.items) {
                tagAndLength(Tag.Item, DicomParser.UNDEFINED_LENGTH);
                for (DicomElement child : item.elementsInOrder()) {
                    element(child);
                }
                tagAndLength(Tag.ItemDelimitationItem, 0);
            }
            tagAndLength(Tag.SequenceDelimitationItem, 0);
            return;
        }
        if (e.isEncapsulated()) {
            header(e.tag, VR.OB, DicomParser.UNDEFINED_LENGTH);
            for (int i = 0; i < e.fragmentOffsets.length; i++) {
                tagAndLength(Tag.Item, e.fragmentLengths[i]);
                out.write(e.buffer, e.fragmentOffsets[i], e.fragmentLengths[i]);
            }
            tagAndLength(Tag.SequenceDelimitationItem, 0);
            return;
        }
        // A value too long for a short length field can only come from Implicit VR data: write it as UN.
        VR vr = e.valueLength > 0xFFFF && !e.vr.hasLongLengthField() ? VR.UN : e.vr;
        int padded = e.valueLength + (e.valueLength & 1);
        header(e.tag, vr, padded);
        int width = swapWidth(e.vr);
        if (e.bigEndian && width > 1) {
            byte[] swapped = new byte[e.valueLength];
            for (int i = 0; i + width <= e.valueLength; i += width) {
                for (int k = 0; k < width; k++) {
                    swapped[i + k] = e.buffer[e.valueOffset + i + width - 1 - k];
                }
            }
            out.write(swapped);
        } else {
            out.write(e.buffer, e.valueOffset, e.valueLength);
        }
        if (padded != e.valueLength) {
            out.write(isSpacePadded(e.vr) ? ' ' : 0);
        }
    }

    /** Text VRs pad with space; UI, binary and byte VRs with NUL (PS3.5 6.2). */
    private static boolean isSpacePadded(VR vr) {
        switch (vr) {
            case UI: case OB: case OW: case OF: case OD: case OL: case OV: case UN: case SQ:
                return false;
            default:
                return !vr.isBinaryNumber();
        }
    }

    private static int swapWidth(VR vr) {
        switch (vr) {
            case US: case SS: case OW: case AT:
                return 2;
            case UL: case SL: case FL: case OF: case OL:
                return 4;
            case FD: case OD: case SV: case UV: case OV:
                return 8;
            default:
                return 1;
        }
    }

    void header(int tag, VR vr, int length) throws IOException {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLengthField()) {
            u16(0);
            u32(length);
        } else {
            u16(length);
        }
    }

    private void tagAndLength(int tag, int length) throws IOException {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
        u32(length);
    }

    void u16(int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    void u32(int v) throws IOException {
        u16(v & 0xFFFF);
        u16(v >>> 16);
    }
}
