package org.dicomguard.core.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembles Explicit VR Little Endian bytes, including malformed ones (wrong lengths, bad
 * items), for tests: the one raw-byte writer beside {@link DicomWriter}, which writes only valid files.
 */
public final class RawDicom {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts empty: element bytes without preamble or meta group. */
    public RawDicom() {
    }

    /** Starts with preamble, DICM and a meta group declaring {@code transferSyntaxUid}. */
    public static RawDicom part10(String transferSyntaxUid) {
        RawDicom meta = new RawDicom().text(Tag.TransferSyntaxUID, "UI", transferSyntaxUid);
        byte[] metaBytes = meta.bytes();
        RawDicom file = new RawDicom();
        file.out.writeBytes(new byte[128]);
        file.out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.header(Tag.FileMetaInformationGroupLength, "UL", 4).u32(metaBytes.length);
        file.out.writeBytes(metaBytes);
        return file;
    }

    public RawDicom tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    public RawDicom header(int tag, String vr, long length) {
        tag(tag);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (VR.valueOf(vr).hasLongLengthField()) {
            return u16(0).u32(length);
        }
        return u16((int) length);
    }

    RawDicom text(int tag, String vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        int padded = b.length + (b.length & 1);
        header(tag, vr, padded);
        out.writeBytes(b);
        if (padded != b.length) {
            out.write(vr.equals("UI") ? 0 : ' ');
        }
        return this;
    }

    RawDicom us(int tag, int value) {
        return header(tag, "US", 2).u16(value);
    }

    /** Item or delimiter: tag and a 4-byte length, no VR. */
    public RawDicom item(int tag, long length) {
        return tag(tag).u32(length);
    }

    public RawDicom raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    RawDicom u16(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        return this;
    }

    RawDicom u32(long v) {
        return u16((int) (v & 0xFFFF)).u16((int) ((v >>> 16) & 0xFFFF));
    }

    /** Image pixel module of a monochrome image. */
    RawDicom imageModule(int rows, int columns, int frames, int bitsAllocated) {
        us(Tag.SamplesPerPixel, 1);
        text(Tag.PhotometricInterpretation, "CS", "MONOCHROME2");
        text(Tag.NumberOfFrames, "IS", Integer.toString(frames));
        us(Tag.Rows, rows);
        us(Tag.Columns, columns);
        us(Tag.BitsAllocated, bitsAllocated);
        us(Tag.BitsStored, bitsAllocated);
        us(Tag.HighBit, bitsAllocated - 1);
        return us(Tag.PixelRepresentation, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
