package io.github.backprop4j.bench;

import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvLoadBenchmark {

    static final int ROWS = 100_000;
    static final int COLUMNS = 50;

    Path file;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("backprop4j-bench", ".csv");
        writeCsv(file, ROWS, COLUMNS);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Dataset load() {
        return new CsvLoader().load(file);
    }

    /** Writes {@code rows} rows of {@code columns} random numbers with 6 decimals and a label of 3 classes. */
    static void writeCsv(Path file, int rows, int columns) throws IOException {
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
                    line.append(String.format("%.6f", random.nextGaussian())).append(',');
                }
                line.append("class").append(random.nextInt(3)).append('\n');
                out.write(line.toString());
            }
        }
    }
}
