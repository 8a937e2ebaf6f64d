package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.ImageDescriptor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link Attributes} for {@link DicomWriter} (synthetic studies, tests). Values are
 * encoded at once in Explicit VR Little Endian form and padded to even length (UI with NUL,
 * other text with space, binary with zero).
 *
 * <p>Text of VR SH, LO, ST, LT, UT, PN, UC is encoded with the character set of the
 * SpecificCharacterSet put before it (ISO-8859-1 by default): put
 * {@code SpecificCharacterSet = "ISO_IR 192"} first for UTF-8, and build sequence items with
 * {@link #itemBuilder()}. Not thread-safe; build once.
 */
public final class AttributesBuilder {
    private final List<DicomElement> elements = new ArrayList<>();
    private Charset charset = StandardCharsets.ISO_8859_1;

    AttributesBuilder() {
    }

    /**
     * Items of a sequence are decoded with the enclosing data set's character set, so their text
     * must be encoded with it too: build items with this.
     *
     * @return a new builder for a sequence item, encoding text like this builder does now
     */
    public AttributesBuilder itemBuilder() {
        AttributesBuilder item = new AttributesBuilder();
        item.charset = charset;
        return item;
    }

    /**
     * Puts the image pixel module that describes the pixel data: SamplesPerPixel,
     * PhotometricInterpretation, PlanarConfiguration (only when samplesPerPixel &gt; 1, where it is
     * required), Rows, Columns, BitsAllocated, BitsStored, HighBit (BitsStored - 1) and
     * PixelRepresentation. The one place that writes these attributes for synthetic studies, test
     * fixtures, benchmarks and derived images, so every writer agrees on VRs and on HighBit.
     * NumberOfFrames, pixel spacing and the modality LUT (rescale) are the caller's.
     *
     * @param image the pixel layout, not null
     * @return this
     */
    public AttributesBuilder putImagePixelModule(ImageDescriptor image) {
        putInts(Tag.SamplesPerPixel, VR.US, image.samplesPerPixel());
        putString(Tag.PhotometricInterpretation, VR.CS, image.photometricInterpretation());
        if (image.samplesPerPixel() > 1) {
            putInts(Tag.PlanarConfiguration, VR.US, image.planarConfiguration());
        }
        putInts(Tag.Rows, VR.US, image.rows());
        putInts(Tag.Columns, VR.US, image.columns());
        putInts(Tag.BitsAllocated, VR.US, image.bitsAllocated());
        putInts(Tag.BitsStored, VR.US, image.bitsStored());
        putInts(Tag.HighBit, VR.US, image.bitsStored() - 1);
        return putInts(Tag.PixelRepresentation, VR.US, image.pixelRepresentation());
    }

    /**
     * @param tag    a tag, e.g. {@link Tag#PatientName}
     * @param vr     a text VR (AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT)
     * @param values the values, joined with backslash; not null
     * @return this
     * @throws IllegalArgumentException for a binary VR or text the character set cannot encode
     */
    public AttributesBuilder putString(int tag, VR vr, String... values) {
        if (vr.isBinaryNumber() || vr == VR.SQ || vr == VR.OB || vr == VR.OW || vr == VR.UN || vr == VR.OF
                || vr == VR.OD || vr == VR.OL || vr == VR.OV) {
            throw new IllegalArgumentException("putString needs a text VR, got " + vr + " for " + Tag.describe(tag));
        }
        String text = String.join("\\", values);
        byte[] encoded = encode(text, vr.isCharacterSetText() ? charset : StandardCharsets.US_ASCII, tag);
        if (tag == Tag.SpecificCharacterSet) {
            charset = SpecificCharacterSets.forTerms(values);
        }
        return add(tag, vr, pad(encoded, vr == VR.UI ? (byte) 0 : (byte) ' '));
    }

    /**
     * @param tag    a tag
     * @param vr     US, SS, UL, SL or AT (binary) or IS (text)
     * @param values the values
     * @return this
     */
    public AttributesBuilder putInts(int tag, VR vr, int... values) {
        if (vr == VR.IS) {
            String[] texts = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                texts[i] = Integer.toString(values[i]);
            }
            return putString(tag, vr, texts);
        }
        int width = vr == VR.US || vr == VR.SS ? 2 : 4;
        if (vr != VR.US && vr != VR.SS && vr != VR.UL && vr != VR.SL && vr != VR.AT) {
            throw new IllegalArgumentException("putInts needs US, SS, UL, SL, AT or IS, got " + vr);
        }
        ByteBuffer bb = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            if (vr == VR.AT) {
                bb.putShort((short) (v >>> 16)).putShort((short) v);
            } else if (width == 2) {
                bb.putShort((short) v);
            } else {
                bb.putInt(v);
            }
        }
        return add(tag, vr, bb.array());
    }

    /**
     * @param tag    a tag
     * @param vr     DS (text, at most 16 characters per value) or FL, FD (binary)
     * @param values finite values
     * @return this
     */
    public AttributesBuilder putDoubles(int tag, VR vr, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values of " + Tag.describe(tag) + " must be finite, got " + v);
            }
        }
        if (vr == VR.DS) {
            String[] texts = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                texts[i] = decimalString(values[i]);
            }
            return putString(tag, vr, texts);
        }
        if (vr != VR.FL && vr != VR.FD) {
            throw new IllegalArgumentException("putDoubles needs DS, FL or FD, got " + vr);
        }
        ByteBuffer bb = ByteBuffer.allocate(values.length * (vr == VR.FL ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (vr == VR.FL) {
                bb.putFloat((float) v);
            } else {
                bb.putDouble(v);
            }
        }
        return add(tag, vr, bb.array());
    }

    /**
     * @param tag   a tag
     * @param vr    OB, OW, UN (raw bytes, little endian)
     * @param value the bytes, copied
     * @return this
     */
    public AttributesBuilder putBytes(int tag, VR vr, byte[] value) {
        return add(tag, vr, pad(value.clone(), (byte) 0));
    }

    /**
     * @param samples 8-bit native pixel data, frames in order, interleaved samples; copied
     * @return this, with PixelData (OB)
     */
    public AttributesBuilder putPixelData(byte[] samples) {
        return putBytes(Tag.PixelData, VR.OB, samples);
    }

    /**
     * @param samples 16-bit native pixel data, frames in order, interleaved samples; copied
     * @return this, with PixelData (OW, little endian)
     */
    public AttributesBuilder putPixelData(short[] samples) {
        ByteBuffer bb = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bb.asShortBuffer().put(samples);
        return add(Tag.PixelData, VR.OW, bb.array());
    }

    /**
     * @param tag   a tag of VR SQ
     * @param items the items, in order (built with their own builders)
     * @return this
     */
    public AttributesBuilder putSequence(int tag, List<Attributes> items) {
        elements.add(DicomElement.sequence(tag, List.copyOf(items), -1));
        return this;
    }

    /** @return the data set; later puts of the same tag replace earlier ones */
    public Attributes build() {
        Attributes out = new Attributes(null);
        for (DicomElement e : elements) {
            out.put(e);
        }
        return out;
    }

    private AttributesBuilder add(int tag, VR vr, byte[] value) {
        Objects.requireNonNull(vr, "vr");
        if (value.length > 0xFFFF && !vr.hasLongLengthField()) {
            throw new IllegalArgumentException("value of " + Tag.describe(tag) + " is " + value.length
                    + " bytes, above 65535 allowed for VR " + vr);
        }
        elements.add(DicomElement.value(tag, vr, value, 0, value.length, false, -1));
        return this;
    }

    private static byte[] encode(String text, Charset cs, int tag) {
        try {
            ByteBuffer bb = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text of " + Tag.describe(tag) + " cannot be encoded in " + cs.name()
                    + "; put SpecificCharacterSet ISO_IR 192 first", e);
        }
    }

    private static byte[] pad(byte[] value, byte padding) {
        if (value.length % 2 == 0) {
            return value;
        }
        byte[] out = java.util.Arrays.copyOf(value, value.length + 1);
        out[value.length] = padding;
        return out;
    }

    /** DS allows 16 characters: shortest decimal that fits, rounding only when it must. */
    static String decimalString(double v) {
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        if (plain.length() <= 16) {
            return plain;
        }
        for (int digits = 15; digits > 0; digits--) {
            String s = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toString();
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalArgumentException("cannot write " + v + " as DS");
    }
}
