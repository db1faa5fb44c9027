package io.github.backprop4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffer wire format, written: each field is a tag {@code (number << 3) | wire type}
 * as a varint, then a varint (type 0), a length-delimited payload (type 2) or 8 little-endian
 * bytes (type 1). Only what an ONNX file needs.
 */
final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    ProtoWriter varint(int field, long value) {
        tag(field, 0);
        rawVarint(value);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, 2);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A fixed32 float, for an attribute's {@code f}. */
    ProtoWriter float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** Packed little-endian doubles (8 bytes each) or floats (4 bytes each). */
    ProtoWriter packed(int field, double[] values, boolean asFloat) {
        ProtoWriter p = new ProtoWriter();
        for (double v : values) {
            long bits = asFloat ? Float.floatToRawIntBits((float) v) & 0xFFFFFFFFL : Double.doubleToRawLongBits(v);
            for (int i = 0; i < (asFloat ? 4 : 8); i++) {
                p.out.write((int) (bits >>> (8 * i)));
            }
        }
        return message(field, p);
    }

    /** Packed varints. */
    ProtoWriter packed(int field, long[] values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return message(field, p);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
