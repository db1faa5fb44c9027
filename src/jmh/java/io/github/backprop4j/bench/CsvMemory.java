package io.github.backprop4j.bench;

import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the heap a loaded 100,000 × 50 data set keeps, against the 40 MB its doubles need.
 * Usage: {@code mvn -q -Pbench test-compile exec:java -Dexample=io.github.backprop4j.bench.CsvMemory}.
 */
public final class CsvMemory {

    private CsvMemory() {
    }

    /** Writes the CSV, loads it once, and prints the retained heap. */
    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile("backprop4j-memory", ".csv");
        try {
            CsvLoadBenchmark.writeCsv(file, CsvLoadBenchmark.ROWS, CsvLoadBenchmark.COLUMNS);
            long before = usedAfterGc();
            long start = System.nanoTime();
            Dataset data = new CsvLoader().load(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long after = usedAfterGc();
            double doublesMb = (double) data.size() * data.featureCount() * Double.BYTES / 1e6;
            System.out.printf("file %.1f MB, loaded %s in %d ms (first, cold load)%n",
                    Files.size(file) / 1e6, data, millis);
            System.out.printf("retained %.1f MB for %.1f MB of doubles (ratio %.2f)%n",
                    (after - before) / 1e6, doublesMb, (after - before) / 1e6 / doublesMb);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
