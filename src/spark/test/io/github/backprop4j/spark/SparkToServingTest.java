package io.github.backprop4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.spark.examples.SparkToServing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example from Spark to serving runs end to end, on fewer rows. */
class SparkToServingTest {

    @Test
    void trainsOnSparkAndServesWithThePlainLibrary(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        double accuracy = SparkToServing.run(SparkTests.spark(), 3_000, dir, new PrintStream(text, true, StandardCharsets.UTF_8));
        String out = text.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("trained on Spark (local[2], 2700 rows)").contains("served by the plain library: ");
        assertThat(dir.resolve("model").resolve(NeuralNetClassificationModel.MODEL_FILE)).exists();
        assertThat(accuracy).as(out).isGreaterThan(0.9);
    }
}
