package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to a valid CSV: whatever the bytes, loading either returns a data set or
 * throws {@link DataFormatException}, never any other exception.
 */
class CsvLoaderDamageTest {

    private static final byte[] VALID = ("a,b,label\n1.5,2,x\n-3,4e2,\"y, z\"\n5,.5,x\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ALPHABET = ",\"\n\r .-+e0123456789xNaInfy".getBytes(StandardCharsets.US_ASCII);

    @Test
    void loadOnlyEverThrowsDataFormatException() {
        Random random = new Random(2026);
        int loaded = 0;
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = damage(VALID, random);
            try {
                Dataset data = new CsvLoader().load(new ByteArrayInputStream(bytes), "fuzz");
                assertThat(data.size()).isPositive();
                loaded++;
            } catch (DataFormatException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz");
                rejected++;
            } catch (RuntimeException other) {
                throw new AssertionError("round " + round + " threw " + other + " for input "
                        + new String(bytes, StandardCharsets.ISO_8859_1), other);
            }
        }
        assertThat(loaded).as("some damaged files still load").isPositive();
        assertThat(rejected).as("most damaged files are rejected").isPositive();
    }

    private static byte[] damage(byte[] valid, Random random) {
        byte[] b = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            int kind = random.nextInt(4);
            if (kind == 0) {
                b[at] = ALPHABET[random.nextInt(ALPHABET.length)];
            } else if (kind == 1) {
                b[at] = (byte) random.nextInt(256);            // may be invalid UTF-8
            } else if (kind == 2) {
                b = java.util.Arrays.copyOf(b, at);            // truncate
                if (b.length == 0) {
                    return b;
                }
            } else {
                byte[] longer = new byte[b.length + 1];        // insert
                System.arraycopy(b, 0, longer, 0, at);
                longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                b = longer;
            }
        }
        return b;
    }
}
