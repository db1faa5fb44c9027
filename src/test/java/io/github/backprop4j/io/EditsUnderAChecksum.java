package io.github.backprop4j.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/** Edits of a model file's text past its checksum, for the sweeps of the parser. */
public final class EditsUnderAChecksum {

    private EditsUnderAChecksum() {
    }

    /**
     * Each character of {@code payload} from {@code from} up to {@code to} replaced in turn by each
     * of {@code replacements}, with a fresh, correct checksum: {@code read} either reads the file
     * or throws ModelFormatException; nothing else escapes.
     */
    public static void assertEachReadsOrIsAModelFormatException(String payload, int from, int to, String replacements,
            java.util.function.Consumer<byte[]> read) {
        for (int i = from; i < to; i++) {
            for (char c : replacements.toCharArray()) {
                String changed = payload.substring(0, i) + c + payload.substring(i + 1);
                CRC32 crc = new CRC32();
                crc.update(changed.getBytes(StandardCharsets.UTF_8));
                byte[] file = (changed + String.format(Locale.ROOT, "crc32 %08x\n", crc.getValue())).getBytes(StandardCharsets.UTF_8);
                try {
                    read.accept(file);
                } catch (ModelFormatException expected) {
                    // the documented refusal
                } catch (RuntimeException e) {
                    throw new AssertionError("offset " + i + " set to '" + c + "': " + e, e);
                }
            }
        }
    }
}
