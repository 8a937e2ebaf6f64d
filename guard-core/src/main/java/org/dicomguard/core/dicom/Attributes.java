package org.dicomguard.core.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A DICOM data set (or sequence item): typed read access by tag, using the {@link Tag} keyword
 * constants, e.g. {@code attrs.getDoubles(Tag.PixelSpacing)}.
 *
 * <p>Lenient getters ({@link #getString}, {@link #getInt}, {@link #getDouble}, ...) return an
 * empty optional or array when the element is absent, empty or not parseable as asked; the
 * strict {@link #requireInt} throws a coded {@link DicomException} instead. Text is decoded with
 * the SpecificCharacterSet of this data set or, for items, of the enclosing one.
 *
 * <p>Immutable after construction and thread-safe. Values are views into the file buffer, so
 * holding an {@code Attributes} keeps that buffer alive; {@link DicomReader#readHeader} reads
 * only the bytes before the pixel data.
 */
public final class Attributes {
    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private final Attributes parent;
    private volatile Charset charset;

    Attributes(Attributes parent) {
        this.parent = parent;
    }

    /** @return a builder for data sets written by {@link DicomWriter} or used in tests */
    public static AttributesBuilder builder() {
        return new AttributesBuilder();
    }

    void put(DicomElement element) {
        elements.put(element.tag, element);
    }

    Optional<DicomElement> element(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    Iterable<DicomElement> elementsInOrder() {
        return elements.values();
    }

    /** @return the parent data set for items (empty for a top-level data set) */
    Optional<Attributes> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * @param tag a tag, e.g. {@link Tag#PixelSpacing}
     * @return true when the element is present (even with an empty value)
     */
    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** @return the tags present, in ascending (unsigned) order, as a new array */
    public int[] tags() {
        return elements.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return number of elements at this level (items not counted) */
    public int size() {
        return elements.size();
    }

    /**
     * @param tag a tag
     * @return the element's VR as read (the dictionary VR in Implicit VR data), empty when absent
     */
    public Optional<VR> vrOf(int tag) {
        return element(tag).map(e -> e.vr);
    }

    /**
     * @param tag a tag
     * @return the first value as text, trimmed; empty when absent, empty or a sequence
     */
    public Optional<String> getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 || values[0].isEmpty() ? Optional.empty() : Optional.of(values[0]);
    }

    /**
     * @param tag          a tag
     * @param defaultValue returned when the value is absent or empty
     * @return the first value as text, trimmed
     */
    public String getString(int tag, String defaultValue) {
        return getString(tag).orElse(defaultValue);
    }

    /**
     * @param tag a tag
     * @return every value (split at backslash except for LT, ST, UT, UR), trimmed; binary numbers
     *         formatted as decimal; empty array when absent
     */
    public String[] getStrings(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated() || e.valueLength == 0) {
            return new String[0];
        }
        if (e.vr.isBinaryNumber()) {
            return binaryAsStrings(e);
        }
        if (e.vr == VR.OB || e.vr == VR.OW || e.vr == VR.OF || e.vr == VR.OD || e.vr == VR.OL || e.vr == VR.OV) {
            return new String[0];
        }
        Charset cs = e.vr.isCharacterSetText() || e.vr == VR.UN ? characterSet() : StandardCharsets.ISO_8859_1;
        String text = new String(e.buffer, e.valueOffset, e.valueLength, cs);
        if (e.vr == VR.LT || e.vr == VR.ST || e.vr == VR.UT || e.vr == VR.UR) {
            return new String[] {stripTrailing(text)};
        }
        String[] parts = text.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = stripTrailing(parts[i]).strip();
        }
        return parts;
    }

    /**
     * @param tag a tag of VR US, SS, UL, SL, IS (or DS holding an integer)
     * @return the first value; empty when absent, empty or not an integer
     */
    public OptionalInt getInt(int tag) {
        int[] values = getInts(tag);
        return values.length == 0 ? OptionalInt.empty() : OptionalInt.of(values[0]);
    }

    /**
     * @param tag          a tag
     * @param defaultValue returned when absent, empty or not an integer
     * @return the first value
     */
    public int getInt(int tag, int defaultValue) {
        return getInt(tag).orElse(defaultValue);
    }

    /**
     * @param tag a tag of an integer VR
     * @return all values; empty array when absent or when any value is not an integer
     */
    public int[] getInts(int tag) {
        try {
            return parseInts(tag);
        } catch (NumberFormatException malformed) {
            return new int[0];
        }
    }

    /**
     * Strict integer access for attributes the caller cannot do without (Rows, BitsAllocated...).
     *
     * @param tag             a tag of an integer VR
     * @param codeWhenInvalid the code thrown when the value is absent, empty or malformed
     * @return the first value
     * @throws DicomException with {@code codeWhenInvalid}, naming the tag (never the value)
     */
    public int requireInt(int tag, DicomErrorCode codeWhenInvalid) throws DicomException {
        DicomElement e = elements.get(tag);
        if (e == null) {
            throw new DicomException(codeWhenInvalid, Tag.describe(tag) + " is missing");
        }
        int[] values;
        try {
            values = parseInts(tag);
        } catch (NumberFormatException malformed) {
            throw new DicomException(codeWhenInvalid, Tag.describe(tag) + " at offset " + e.streamOffset
                    + " is not an integer");
        }
        if (values.length == 0) {
            throw new DicomException(codeWhenInvalid, Tag.describe(tag) + " at offset " + e.streamOffset
                    + " is empty");
        }
        return values[0];
    }

    /**
     * @param tag a tag of VR DS, IS, FL, FD or an integer VR
     * @return the first value; empty when absent, empty or not a finite number
     */
    public OptionalDouble getDouble(int tag) {
        double[] values = getDoubles(tag);
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
    }

    /**
     * @param tag          a tag
     * @param defaultValue returned when absent, empty or not a number
     * @return the first value
     */
    public double getDouble(int tag, double defaultValue) {
        return getDouble(tag).orElse(defaultValue);
    }

    /**
     * @param tag a tag of VR DS, IS, FL, FD or an integer VR
     * @return all values; empty array when absent or when any value is not a finite number
     */
    public double[] getDoubles(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.valueLength == 0) {
            return new double[0];
        }
        if (e.vr == VR.FL || e.vr == VR.OF) {
            double[] out = new double[e.valueLength / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = Float.intBitsToFloat(e.s32(i * 4));
            }
            return out;
        }
        if (e.vr == VR.FD || e.vr == VR.OD) {
            double[] out = new double[e.valueLength / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.longBitsToDouble(e.s64(i * 8));
            }
            return out;
        }
        String[] texts = getStrings(tag);
        double[] out = new double[texts.length];
        try {
            for (int i = 0; i < texts.length; i++) {
                out[i] = Double.parseDouble(texts[i]);
                if (!Double.isFinite(out[i])) {
                    return new double[0];
                }
            }
        } catch (NumberFormatException malformed) {
            return new double[0];
        }
        return out;
    }

    /**
     * @param tag a tag of VR SQ
     * @return the items in order; an empty list when absent or not a sequence
     */
    public List<Attributes> getSequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items;
    }

    /**
     * @param tag a tag
     * @return a copy of the raw value bytes in the file's byte order; empty when absent, a
     *         sequence or encapsulated
     */
    public byte[] getBytes(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated()) {
            return new byte[0];
        }
        return Arrays.copyOfRange(e.buffer, e.valueOffset, e.valueOffset + e.valueLength);
    }

    /** @return the character set text values of this data set decode with */
    public Charset characterSet() {
        Charset cs = charset;
        if (cs == null) {
            if (elements.containsKey(Tag.SpecificCharacterSet)) {
                cs = SpecificCharacterSets.forTerms(getStrings(Tag.SpecificCharacterSet));
            } else {
                cs = parent == null ? StandardCharsets.ISO_8859_1 : parent.characterSet();
            }
            charset = cs;
        }
        return cs;
    }

    private int[] parseInts(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.valueLength == 0) {
            return new int[0];
        }
        switch (e.vr) {
            case US: {
                int[] out = new int[e.valueLength / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = e.u16(i * 2);
                }
                return out;
            }
            case SS: {
                int[] out = new int[e.valueLength / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (short) e.u16(i * 2);
                }
                return out;
            }
            case UL:
            case SL:
            case AT: {
                int[] out = new int[e.valueLength / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = e.vr == VR.AT ? (e.u16(i * 4) << 16) | e.u16(i * 4 + 2) : e.s32(i * 4);
                }
                return out;
            }
            default: {
                String[] texts = getStrings(tag);
                int[] out = new int[texts.length];
                for (int i = 0; i < texts.length; i++) {
                    out[i] = parseIntegerText(texts[i]);
                }
                return out;
            }
        }
    }

    /** IS is an integer; DS sometimes holds "512.0" where an integer is meant. */
    private static int parseIntegerText(String text) {
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException notPlain) {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new NumberFormatException("not an integer");
            }
            return (int) d;
        }
    }

    private String[] binaryAsStrings(DicomElement e) {
        List<String> out = new ArrayList<>();
        if (e.vr == VR.FL || e.vr == VR.FD) {
            for (double d : getDoubles(e.tag)) {
                out.add(Double.toString(d));
            }
        } else if (e.vr == VR.SV || e.vr == VR.UV) {
            for (int i = 0; i + 8 <= e.valueLength; i += 8) {
                out.add(e.vr == VR.UV ? Long.toUnsignedString(e.s64(i)) : Long.toString(e.s64(i)));
            }
        } else {
            for (int v : parseInts(e.tag)) {
                out.add(e.vr == VR.UL ? Integer.toUnsignedString(v) : Integer.toString(v));
            }
        }
        return out.toArray(new String[0]);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** @return tag keywords or numbers with VR, never values: safe to log */
    /**
     * @return the size in bytes of the buffer(s) this data set's values are views into: what
     *         keeping it keeps in memory (a study's decode budget charges it for every header)
     */
    public long backingBytes() {
        long max = 0;
        for (DicomElement e : elements.values()) {
            if (e.buffer != null) {
                max = Math.max(max, e.buffer.length);
            }
        }
        return max;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Attributes[");
        for (Map.Entry<Integer, DicomElement> entry : elements.entrySet()) {
            if (sb.length() > 11) {
                sb.append(", ");
            }
            sb.append(Tag.keywordOf(entry.getKey()).orElse(Tag.toHexString(entry.getKey())));
        }
        return sb.append(']').toString();
    }
}
