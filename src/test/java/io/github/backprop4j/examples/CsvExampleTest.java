package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.data.DataFormatException;
import io.github.backprop4j.eval.ConfusionMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExampleTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void runTrainsOnAUserFile() throws IOException {
        Path file = dir.resolve("flowers.csv");
        try (InputStream iris = getClass().getResourceAsStream("/io/github/backprop4j/data/iris.csv")) {
            Files.copy(iris, file);
        }
        ConfusionMatrix result = CsvExample.run(file, "species", out);
        assertThat(result.accuracy()).isGreaterThan(0.85);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("150 rows").contains("test accuracy");
    }

    @Test
    void runReportsABadFileWithLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b,label\n1,2,x\n3,four,y\n");
        assertThatThrownBy(() -> CsvExample.run(file, null, out))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv line 3, column 'b': 'four' is not a number; a text column loads as categories")
                .hasMessageContaining("the label is column 'label' (the last column, by default");
    }
}
