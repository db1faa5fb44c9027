package io.github.backprop4j.bench;

import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading a generated CSV of 100,000 rows × 50 numeric columns plus a label (about 47 MB of
 * text; 40 MB as doubles). Run with {@code -prof gc} to see the bytes allocated per load;
 * {@link CsvMemory} measures what the loaded data set retains.
 *
 * <p>The table benchmarks load two twins of that file with {@code loadTable}: in one, the first
 * {@value #TEXT_COLUMNS} columns hold a category name ({@code city0} to {@code city9}), in the
 * other the same cells hold that number ({@code 0} to {@code 9}); every other cell is the same.
 * Their ratio is what text columns cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvLoadBenchmark {

    static final int ROWS = 100_000;
    static final int COLUMNS = 50;
    static final int TEXT_COLUMNS = 5;

    Path file;
    Path textFile;
    Path numericTwin;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("backprop4j-bench", ".csv");
        writeCsv(file, ROWS, COLUMNS);
        textFile = Files.createTempFile("backprop4j-bench-text", ".csv");
        writeCsv(textFile, ROWS, COLUMNS, TEXT_COLUMNS, "city");
        numericTwin = Files.createTempFile("backprop4j-bench-twin", ".csv");
        writeCsv(numericTwin, ROWS, COLUMNS, TEXT_COLUMNS, "");
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(textFile);
        Files.deleteIfExists(numericTwin);
    }

    @Benchmark
    public Dataset load() {
        return new CsvLoader().load(file);
    }

    /** The file whose first columns are category names, as a table. */
    @Benchmark
    public Table loadTableWithText() {
        return new CsvLoader().loadTable(textFile);
    }

    /** Its twin, those columns holding numbers, as a table. */
    @Benchmark
    public Table loadTableNumeric() {
        return new CsvLoader().loadTable(numericTwin);
    }

    /** Writes {@code rows} rows of {@code columns} random numbers with 6 decimals and a label of 3 classes. */
    static void writeCsv(Path file, int rows, int columns) throws IOException {
        writeCsv(file, rows, columns, 0, "");
    }

    /**
     * As {@link #writeCsv(Path, int, int)}, but the first {@code textColumns} columns hold
     * {@code prefix} and a digit 0 to 9 (a number when the prefix is empty); the other cells are
     * the same for any prefix.
     */
    static void writeCsv(Path file, int rows, int columns, int textColumns, String prefix) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int j = 0; j < columns; j++) {
                out.write("f" + j + ",");
            }
            out.write("label\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < columns; j++) {
                    double value = random.nextGaussian();
                    if (j < textColumns) {
                        line.append(prefix).append((int) Math.floor(Math.abs(value) * 10) % 10).append(',');
                    } else {
                        line.append(String.format(Locale.ROOT, "%.6f", value)).append(',');
                    }
                }
                line.append("class").append(random.nextInt(3)).append('\n');
                out.write(line.toString());
            }
        }
    }
}
