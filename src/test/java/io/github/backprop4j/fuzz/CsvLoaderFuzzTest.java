package io.github.backprop4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.backprop4j.data.BadRows;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.DataFormatException;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.RowProblem;
import io.github.backprop4j.data.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Arbitrary bytes as a CSV file: the loader returns a consistent data set or throws
 * {@link DataFormatException}, and nothing else.
 *
 * <p>The first byte chooses the options: bit 0 the header, bits 1–2 the delimiter, bits 3–5 the
 * label column (7 for the default, the last column). The rest is the file. {@code mvn verify} runs
 * the inputs under {@code CsvLoaderFuzzTestInputs/}; {@code docs/quality.md} shows how to fuzz.
 */
class CsvLoaderFuzzTest {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private static final Path DIR = createDirectory();

    private static Path createDirectory() {
        try {
            Path dir = Files.createTempDirectory("backprop4j-csv-fuzz");
            dir.toFile().deleteOnExit();
            dir.resolve("input.csv").toFile().deleteOnExit();  // reverse order at exit: the file, then the directory
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loader bits 0–5 of the first byte choose: the header, the delimiter and the label column (7: the last). */
    private static CsvLoader loader(int options) {
        CsvLoader loader = new CsvLoader()
                .withHeader((options & 1) == 1)
                .withDelimiter(DELIMITERS[(options >> 1) & 3]);
        int label = (options >> 3) & 7;
        return label == 7 ? loader : loader.withLabelColumn(label);
    }

    /** {@link #loader(int)}, then bit 6 accepts missing values and bit 7 groups values seen once under a cap of 3. */
    private static CsvLoader tableLoader(int options) {
        CsvLoader loader = loader(options);
        loader = (options & 64) != 0 ? loader.withMissingValues() : loader;
        return (options & 128) != 0 ? loader.withMinCategoryCount(2).withMaxCategories(3) : loader;
    }

    /** The bytes after the options byte, as the file the targets load. */
    private static Path write(byte[] input) throws IOException {
        return Files.write(DIR.resolve("input.csv"), Arrays.copyOfRange(input, 1, input.length));
    }

    @FuzzTest(maxDuration = "2m")
    void loadsAConsistentDataSetOrThrowsDataFormatException(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int options = input[0] & 0xff;
        CsvLoader loader = loader(options);
        Path file = write(input);
        Dataset data;
        try {
            data = loader.load(file);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).as("the message names the file").contains("input.csv");
            return;
        }
        double[][] x = data.features();
        int[] y = data.labels();
        assertThat(x.length).as("one label per row").isEqualTo(y.length).isPositive();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).as("row %d", i).hasSize(data.featureNames().size());
            for (double v : x[i]) {
                assertThat(Double.isFinite(v)).as("row %d is finite", i).isTrue();
            }
            assertThat(y[i]).as("label of row %d", i).isBetween(0, data.classNames().size() - 1);
        }
    }

    /**
     * The same bytes as a table: bits 0–5 of the first byte as above, bit 6 accepts missing values,
     * bit 7 groups values seen once into "(other)" under a cap of 3 categories. The table is
     * consistent (every column one value per row, gaps only where accepted), and a preprocessing
     * fitted on it encodes it to finite numbers.
     */
    @FuzzTest(maxDuration = "2m")
    void loadsAConsistentTableOrThrowsDataFormatException(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int options = input[0] & 0xff;
        CsvLoader loader = tableLoader(options);
        boolean gaps = (options & 64) != 0;
        Path file = write(input);
        Table table;
        try {
            table = loader.loadTable(file);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).as("the message names the file").contains("input.csv");
            return;
        }
        assertThat(table.size()).isPositive();
        for (String name : table.featureNames()) {
            if (table.isCategorical(name)) {
                assertThat(table.categories(name)).hasSize(table.size());
                assertThat(gaps || Arrays.stream(table.categories(name)).noneMatch(java.util.Objects::isNull))
                        .as("gaps in %s only when accepted", name).isTrue();
            } else {
                assertThat(table.numbers(name)).hasSize(table.size());
                for (double v : table.numbers(name)) {
                    assertThat(Double.isFinite(v) || gaps && Double.isNaN(v)).as("%s holds %s", name, v).isTrue();
                }
            }
        }
        for (int y : table.labels()) {
            assertThat(y).isBetween(0, table.classNames().size() - 1);
        }
        double[][] x = Preprocessing.fit(table, PreprocessingOptions.defaults()).transform(table);
        for (double[] row : x) {
            for (double v : row) {
                assertThat(Double.isFinite(v)).as("encoded inputs are finite").isTrue();
            }
        }
    }

    /**
     * The same bytes and options as the table target, loaded twice: strictly and skipping bad
     * rows. Skipping fails only where the strict load fails; it loads the same table when the
     * strict load succeeds; and when it skips rows, the strict load fails listing the very
     * problems it reports, none of them on a line it kept.
     */
    @FuzzTest(maxDuration = "2m")
    void skippingBadRowsKeepsTheGoodOnesAndReportsWhatTheStrictLoadRefuses(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int options = input[0] & 0xff;
        CsvLoader loader = tableLoader(options);
        Path file = write(input);
        List<BadRows> reports = new ArrayList<>();
        Table skipping;
        DataFormatException strictError = null;
        Table strict = null;
        try {
            strict = loader.loadTable(file);
        } catch (DataFormatException e) {
            strictError = e;
        }
        try {
            skipping = loader.withBadRowsSkipped(reports::add).loadTable(file);
        } catch (DataFormatException e) {
            assertThat(strictError).as("skipping fails only where the strict load fails: %s", e.getMessage()).isNotNull();
            assertThat(reports).as("no report from a failed load").isEmpty();
            return;
        }
        assertThat(reports).hasSize(1);
        BadRows report = reports.get(0);
        if (strict != null) {
            assertThat(report.rows()).isZero();
            assertThat(skipping.lines()).containsExactly(strict.lines());
            assertThat(skipping.featureNames()).isEqualTo(strict.featureNames());
            return;
        }
        assertThat(report.rows()).as("the strict load failed: %s", strictError.getMessage()).isPositive();
        assertThat(problems(strictError.badRows())).isEqualTo(problems(report));
        for (RowProblem p : report.listed()) {
            assertThat(skipping.lines()).as("a skipped line is not loaded").doesNotContain(p.line());
        }
    }

    private static List<String> problems(BadRows bad) {
        List<String> out = new ArrayList<>();
        out.add(bad.problems() + " problems");
        for (RowProblem p : bad.listed()) {
            out.add(p.line() + " " + p.column() + " " + p.reason());
        }
        return out;
    }
}
