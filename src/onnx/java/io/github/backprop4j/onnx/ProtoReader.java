package io.github.backprop4j.onnx;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffer wire format, read from a byte array within bounds: every length is checked
 * against the bytes left before anything is allocated, and every problem is an
 * {@link OnnxFormatException} naming the byte offset.
 */
final class ProtoReader {

    private final byte[] bytes;
    private final String source;
    private int position;
    private final int limit;
    private int field;
    private int wireType;

    ProtoReader(byte[] bytes, String source) {
        this(bytes, source, 0, bytes.length);
    }

    private ProtoReader(byte[] bytes, String source, int from, int limit) {
        this.bytes = bytes;
        this.source = source;
        this.position = from;
        this.limit = limit;
    }

    /** Moves to the next field; false at the end of this message. */
    boolean next() {
        if (position >= limit) {
            return false;
        }
        long tag = rawVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > Integer.MAX_VALUE || wireType == 3 || wireType == 4 || wireType > 5) {
            throw error("a field tag " + tag + " that is not valid");
        }
        return true;
    }

    int field() {
        return field;
    }

    OnnxFormatException error(String problem) {
        return new OnnxFormatException(source + " at byte " + position + ": " + problem);
    }

    private long rawVarint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw error("the file ends inside a number");
            }
            byte b = bytes[position++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw error("a number longer than ten bytes");
    }

    private void expect(int type, String what) {
        if (wireType != type) {
            throw error("field " + field + " (" + what + ") has wire type " + wireType + ", expected " + type);
        }
    }

    long varint() {
        expect(0, "a number");
        return rawVarint();
    }

    /** The payload of a length-delimited field, as a reader bounded to it. */
    ProtoReader message() {
        int length = length();
        ProtoReader r = new ProtoReader(bytes, source, position, position + length);
        position += length;
        return r;
    }

    private int length() {
        expect(2, "a message, text or packed list");
        long length = rawVarint();
        if (length < 0 || length > limit - position) {
            throw error("a length of " + length + " bytes, more than the " + (limit - position) + " left");
        }
        return (int) length;
    }

    String string() {
        int length = length();
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, position, length)).toString();
            position += length;
            return s;
        } catch (CharacterCodingException e) {
            throw error("text that is not valid UTF-8");
        }
    }

    /** A fixed32 float (wire type 5). */
    float float32() {
        expect(5, "a float");
        return Float.intBitsToFloat((int) littleEndian(4));
    }

    private long littleEndian(int size) {
        if (limit - position < size) {
            throw error("the file ends inside a number");
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (long) (bytes[position++] & 0xFF) << (8 * i);
        }
        return v;
    }

    /** The elements of a packed list of doubles or floats (or of one unpacked element), widened. */
    double[] reals(boolean isFloat) {
        int size = isFloat ? 4 : 8;
        if (wireType == (isFloat ? 5 : 1)) {
            return new double[] {isFloat ? Float.intBitsToFloat((int) littleEndian(4)) : Double.longBitsToDouble(littleEndian(8))};
        }
        int length = length();
        if (length % size != 0) {
            throw error("a packed list of " + length + " bytes, not a whole number of " + size + "-byte values");
        }
        double[] v = new double[length / size];
        for (int i = 0; i < v.length; i++) {
            long bits = littleEndian(size);
            v[i] = isFloat ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        }
        return v;
    }

    /** The raw bytes of a length-delimited field. */
    byte[] raw() {
        int length = length();
        byte[] b = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return b;
    }

    /** The elements of a packed list of varints (or one unpacked element). */
    long[] varints() {
        if (wireType == 0) {
            return new long[] {rawVarint()};
        }
        ProtoReader r = message();
        long[] v = new long[Math.min(r.limit - r.position, 64)];
        int n = 0;
        while (r.position < r.limit) {
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, Math.min(2 * n, r.limit - r.position + n));
            }
            v[n++] = r.rawVarint();
        }
        return java.util.Arrays.copyOf(v, n);
    }

    /** Skips the current field. */
    void skip() {
        switch (wireType) {
            case 0 -> rawVarint();
            case 1 -> littleEndian(8);
            case 5 -> littleEndian(4);
            default -> {
                int length = length();      // reads the length's own bytes first
                position += length;
            }
        }
    }
}
