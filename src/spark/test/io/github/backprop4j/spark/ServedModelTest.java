package io.github.backprop4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Adam;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model fitted on Spark and saved is served by the plain library, in a JVM without Spark. */
class ServedModelTest {

    @Test
    void thePlainLibraryPredictsWhatTransformGave(@TempDir Path dir) throws Exception {
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), 1L), new LinearLayer(8, 3, new Softmax(), 2L));
        org.apache.spark.sql.Dataset<Row> iris = SparkTests.iris();
        NeuralNetClassificationModel model = new NeuralNetClassifier().setNetwork(net).setOptimizer(new Adam(0.02))
                .setEpochs(5).setBatchSize(32).setStandardize(true).fit(iris);
        Path saved = dir.resolve("model");
        model.write().save(saved.toString());

        List<Row> transformed = model.transform(iris).select("features", "probability").collectAsList();
        List<String> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        expected.add("spark absent");
        for (Row row : transformed) {
            rows.add(join(((Vector) row.get(0)).toArray()));
            expected.add(join(((Vector) row.get(1)).toArray()));
        }
        Path rowsFile = Files.write(dir.resolve("rows.csv"), rows, StandardCharsets.UTF_8);

        String classPath = String.join(File.pathSeparator, System.getProperty("backprop4j.core.jar"),
                System.getProperty("commons.csv.jar"), Path.of(ServeWithoutSpark.class.getProtectionDomain()
                        .getCodeSource().getLocation().toURI()).toString());
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, ServeWithoutSpark.class.getName(),
                saved.resolve(NeuralNetClassificationModel.MODEL_FILE).toString(), rowsFile.toString())
                .redirectErrorStream(true).start();
        List<String> printed = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as(String.join("\n", printed)).isZero();
        // the same bits: both JVMs run the same kernels' contract on the same raw rows and scaler
        assertThat(printed).isEqualTo(expected);
    }

    private static String join(double[] values) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            out.append(k == 0 ? "" : ",").append(values[k]);
        }
        return out.toString();
    }
}
