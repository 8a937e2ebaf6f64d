package org.dicomguard.core.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and replaces entries of an ONNX model's {@code metadata_props} without a protobuf library.
 *
 * <p>Design note: an ONNX file is one protobuf {@code ModelProto}; {@code metadata_props} is its
 * repeated field 14 of {@code StringStringEntryProto {key = 1, value = 2}}. Only the top level is
 * walked (tag, wire type, length), so the graph and its weights are copied byte for byte; entries
 * with the keys being set are dropped and the new ones appended at the end, which protobuf
 * allows (fields may come in any order). Malformed input gives {@link IllegalArgumentException},
 * never a read past the array. Stateless and thread-safe.
 */
final class OnnxMetadataProps {

    private static final int METADATA_PROPS_FIELD = 14;
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH_DELIMITED = 2;
    private static final int WIRE_FIXED32 = 5;

    private OnnxMetadataProps() {
    }

    /**
     * @param model ONNX model bytes, not modified
     * @return its metadata_props in file order (a later duplicate key wins)
     * @throws IllegalArgumentException when the bytes are not a well-formed protobuf message
     */
    static Map<String, String> read(byte[] model) {
        Map<String, String> out = new LinkedHashMap<>();
        Reader r = new Reader(model, 0, model.length);
        while (r.hasMore()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            int start = r.position;
            r.skip(wire);
            if (field == METADATA_PROPS_FIELD && wire == WIRE_LENGTH_DELIMITED) {
                String[] entry = entry(model, start);
                out.put(entry[0], entry[1]);
            }
        }
        return out;
    }

    /**
     * @param model   ONNX model bytes, not modified
     * @param entries keys and values to set; existing entries with these keys are removed
     * @return the new model bytes
     * @throws IllegalArgumentException when the bytes are not a well-formed protobuf message
     */
    static byte[] withEntries(byte[] model, Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 256);
        Reader r = new Reader(model, 0, model.length);
        while (r.hasMore()) {
            int fieldStart = r.position;
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            int start = r.position;
            r.skip(wire);
            boolean replaced = field == METADATA_PROPS_FIELD && wire == WIRE_LENGTH_DELIMITED
                    && entries.containsKey(entry(model, start)[0]);
            if (!replaced) {
                out.write(model, fieldStart, r.position - fieldStart);
            }
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            writeVarint(entry, (1 << 3) | WIRE_LENGTH_DELIMITED);
            writeVarint(entry, key.length);
            entry.writeBytes(key);
            writeVarint(entry, (2 << 3) | WIRE_LENGTH_DELIMITED);
            writeVarint(entry, value.length);
            entry.writeBytes(value);
            writeVarint(out, (METADATA_PROPS_FIELD << 3) | WIRE_LENGTH_DELIMITED);
            writeVarint(out, entry.size());
            out.writeBytes(entry.toByteArray());
        }
        return out.toByteArray();
    }

    /** @return {key, value} of the StringStringEntryProto whose length prefix starts at {@code start} */
    private static String[] entry(byte[] model, int start) {
        Reader outer = new Reader(model, start, model.length);
        long length = outer.varint();
        Reader r = new Reader(model, outer.position, checkedEnd(outer.position, length, model.length));
        String key = "";
        String value = "";
        while (r.hasMore()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == WIRE_LENGTH_DELIMITED && (field == 1 || field == 2)) {
                long n = r.varint();
                int end = checkedEnd(r.position, n, r.limit);
                String text = new String(model, r.position, end - r.position, StandardCharsets.UTF_8);
                r.position = end;
                if (field == 1) {
                    key = text;
                } else {
                    value = text;
                }
            } else {
                r.skip(wire);
            }
        }
        return new String[] {key, value};
    }

    private static int checkedEnd(int position, long length, int limit) {
        if (length < 0 || length > limit - position) {
            throw new IllegalArgumentException("protobuf length " + length + " at offset " + position
                    + " runs past the end (" + limit + ")");
        }
        return position + (int) length;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** A bounded cursor over protobuf bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private final int limit;
        private int position;

        Reader(byte[] bytes, int position, int limit) {
            this.bytes = bytes;
            this.position = position;
            this.limit = limit;
        }

        boolean hasMore() {
            return position < limit;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= limit) {
                    throw new IllegalArgumentException("protobuf varint runs past the end at offset " + position);
                }
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("protobuf varint longer than 10 bytes at offset " + position);
        }

        void skip(int wire) {
            switch (wire) {
                case WIRE_VARINT -> varint();
                case WIRE_FIXED64 -> position = checkedEnd(position, 8, limit);
                case WIRE_LENGTH_DELIMITED -> {
                    long n = varint();
                    position = checkedEnd(position, n, limit);
                }
                case WIRE_FIXED32 -> position = checkedEnd(position, 4, limit);
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wire
                        + " at offset " + position);
            }
        }
    }
}
