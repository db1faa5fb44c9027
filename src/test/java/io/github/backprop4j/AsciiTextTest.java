package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every string the library's compiled code holds (messages, summaries, report text) is ASCII, so
 * nothing it prints or throws turns into {@code ?} on a console whose charset is ASCII
 * ({@code LANG=C}). Read from the class files' constant pools, so concatenation recipes count too.
 */
class AsciiTextTest {

    @Test
    void everyStringConstantOfTheLibraryIsAscii() throws IOException, URISyntaxException {
        Path classes = Path.of(LinearLayer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offending = new ArrayList<>();
        int classCount = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                classCount++;
                try (InputStream in = Files.newInputStream(file)) {
                    for (String text : stringConstants(new DataInputStream(in))) {
                        if (!text.chars().allMatch(c -> c < 128)) {
                            offending.add(classes.relativize(file) + ": \"" + text + "\"");
                        }
                    }
                }
            }
        }
        assertThat(classCount).as("class files read from %s", classes).isGreaterThan(50);
        assertThat(offending).as("string constants with non-ASCII characters").isEmpty();
    }

    @Test
    void theReaderFindsNonAsciiText() throws IOException, URISyntaxException {
        Path self = Path.of(AsciiTextTest.class.getResource("AsciiTextTest$Sample.class").toURI());
        try (InputStream in = Files.newInputStream(self)) {
            assertThat(stringConstants(new DataInputStream(in))).contains("dW = X\u1d40\u00b7dZ");
        }
    }

    /** Holds one non-ASCII constant, to show the reader sees such text. */
    static final class Sample {
        @Override
        public String toString() {
            return "dW = X\u1d40\u00b7dZ";
        }
    }

    /** The texts of a class file's CONSTANT_String entries (JVMS 4.4). */
    private static List<String> stringConstants(DataInputStream in) throws IOException {
        in.readInt();             // magic
        in.readUnsignedShort();   // minor version
        in.readUnsignedShort();   // major version
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        List<Integer> stringIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(i, in.readUTF());
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant-pool tag " + tag + " at entry " + i);
            }
        }
        return stringIndexes.stream().map(utf8::get).toList();
    }
}
