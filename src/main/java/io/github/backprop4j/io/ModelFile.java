package io.github.backprop4j.io;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Writes and reads the model file, format version {@value #VERSION}: UTF-8 text, one item per
 * line, a magic word and version first and a CRC32 of everything before it last. See
 * docs/model-format.md. Reading checks the magic word, the version and the checksum before it
 * parses anything, and every declared size against what is left of the file before it allocates.
 * Every problem is a {@link ModelFormatException}.
 *
 * <pre>{@code
 * ModelFile.write(data, out);
 * ModelData back = ModelFile.read(in, "model.txt");
 * }</pre>
 */
public final class ModelFile {

    /** The first word of every model file. */
    public static final String MAGIC = "backprop4j-model";
    /** The format version this library writes, and the newest it reads. */
    public static final int VERSION = 6;
    /** The oldest format version this library reads. */
    public static final int OLDEST_VERSION = 1;
    /** The largest file read, 1 GiB: a larger one is refused rather than read into memory. */
    public static final int MAX_BYTES = 1 << 30;

    private ModelFile() {
    }

    /**
     * Writes {@code data} to {@code out} (not closed).
     *
     * @throws IllegalArgumentException if a part has no class name or a bad setting, or a number is
     *                                  not finite
     * @throws UncheckedIOException     if writing fails
     * @param data the data set
     * @param out where the result goes
     */
    public static void write(ModelData data, OutputStream out) {
        checkNotNull(data, "data");
        checkNotNull(out, "out");
        byte[] payload = ModelPrinter.print(data).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(payload);
        try {
            out.write(payload);
            out.write(String.format(Locale.ROOT, "crc32 %08x%n", crc.getValue()).replace(System.lineSeparator(), "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model file from {@code in} (read to the end, not closed) whose parts are built in.
     *
     * @param source what to call it in messages, e.g. the file name
     * @throws ModelFormatException if it is not a valid model file, naming the problem and the line
     * @throws UncheckedIOException if reading fails
     * @param in what to read, to the end; not closed
     * @return what the file holds
     */
    public static ModelData read(InputStream in, String source) {
        return read(in, source, PartRegistry.defaults());
    }

    /**
     * Reads a model file from {@code in} (read to the end, not closed), making its activations,
     * loss and optimizer with {@code parts}.
     *
     * @param in what to read, to the end; not closed
     * @param source what to call it in messages, e.g. the file name
     * @param parts the parts the file may name
     * @return what the file holds
     * @throws ModelFormatException if it is not a valid model file or names a part {@code parts}
     *                              lacks, naming the problem and the line
     * @throws UncheckedIOException if reading fails
     */
    public static ModelData read(InputStream in, String source, PartRegistry parts) {
        checkNotNull(in, "in");
        checkNotNull(source, "source");
        checkNotNull(parts, "parts");
        byte[] bytes = readAtMost(in, source);
        int version = checkMagic(bytes, source);
        int payloadEnd = checkChecksum(bytes, source);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, payloadEnd)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(source, 0, "the text is not valid UTF-8", e);
        }
        return new ModelParser(text, source, version, parts).parse();
    }

    private static byte[] readAtMost(InputStream in, String source) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (buffer.size() + (long) n > MAX_BYTES) {
                    throw new ModelFormatException(source, 0, "larger than " + MAX_BYTES + " bytes; not read", null);
                }
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source + ": " + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }

    /** Checks the first line and returns the format version it names. */
    private static int checkMagic(byte[] bytes, String source) {
        int end = 0;
        while (end < bytes.length && end < 64 && bytes[end] != '\n') {
            end++;
        }
        String first = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        if (!first.startsWith(MAGIC + " ")) {
            throw new ModelFormatException(source, 1, "not a backprop4j model file: it should start with '" + MAGIC
                    + " " + VERSION + "', it starts with '" + printable(first) + "'", null);
        }
        String version = first.substring(MAGIC.length() + 1);
        for (int v = OLDEST_VERSION; v <= VERSION; v++) {
            if (version.equals(String.valueOf(v))) {
                return v;
            }
        }
        throw new ModelFormatException(source, 1, "format version '" + printable(version)
                + "' is not one this library reads (it reads versions " + OLDEST_VERSION + " to " + VERSION + ")", null);
    }

    /** Checks the last line, {@code crc32 xxxxxxxx}, against the bytes before it; returns where they end. */
    private static int checkChecksum(byte[] bytes, String source) {
        int lastLine = bytes.length - 1;
        if (bytes.length == 0 || bytes[lastLine] != '\n') {
            throw truncated(source, bytes.length);
        }
        int start = lastLine;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        String line = new String(bytes, start, lastLine - start, StandardCharsets.ISO_8859_1);
        if (!line.matches("crc32 [0-9a-f]{8}")) {
            throw truncated(source, bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, start);
        long stated = Long.parseLong(line.substring(6), 16);
        if (crc.getValue() != stated) {
            throw new ModelFormatException(source, 0, String.format(Locale.ROOT, "corrupted: the CRC32 of bytes 0 to %d"
                    + " is %08x but the file says %08x", start - 1, crc.getValue(), stated), null);
        }
        return start;
    }

    private static ModelFormatException truncated(String source, int length) {
        return new ModelFormatException(source, 0, "truncated or damaged at the end: after " + length
                + " bytes there is no final 'crc32' line", null);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static void checkFinite(String what, double v) {
        checkArgument(Double.isFinite(v), "%s is %s; a model file holds finite numbers only", what, v);
    }
}
