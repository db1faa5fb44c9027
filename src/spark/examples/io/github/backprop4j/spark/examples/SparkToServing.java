package io.github.backprop4j.spark.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.spark.NeuralNetClassificationModel;
import io.github.backprop4j.spark.NeuralNetClassifier;
import io.github.backprop4j.spark.SparkTraining;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * From Spark to serving: starts a local Spark, trains a classifier on a generated data set with
 * parameter averaging, saves it, then loads the saved file with the plain library (no Spark) and
 * serves a few rows. Run it with
 * {@code mvn -q -f src/spark/pom.xml test-compile exec:exec@example}.
 */
public final class SparkToServing {

    private SparkToServing() {
    }

    /**
     * @param args optionally the number of rows (default 20,000)
     * @throws IOException if the model cannot be saved
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("backprop4j: from Spark to serving")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Path dir = Files.createTempDirectory("backprop4j-spark-example");
            run(spark, rows, dir, System.out);
        } finally {
            spark.stop();
        }
    }

    /**
     * Trains on {@code rows} generated rows, saves under {@code dir}, serves with the plain library.
     *
     * @param spark a Spark session
     * @param rows  how many rows to generate
     * @param dir   where to save the model
     * @param out   where to report
     * @return the accuracy of the served model on rows it was not trained on
     * @throws IOException if the model cannot be saved
     */
    public static double run(SparkSession spark, int rows, Path dir, PrintStream out) throws IOException {
        // 1. data: three classes, each a Gaussian cloud in 8 dimensions
        Random random = new Random(1);
        double[][] centres = new double[3][8];
        for (double[] c : centres) {
            for (int j = 0; j < c.length; j++) {
                c[j] = 3 * random.nextGaussian();
            }
        }
        List<Row> data = new ArrayList<>();
        List<double[]> heldOut = new ArrayList<>();
        List<Integer> heldOutLabels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(3);
            double[] x = new double[8];
            for (int j = 0; j < x.length; j++) {
                x[j] = 10 + centres[label][j] + 2 * random.nextGaussian();   // raw, unscaled features
            }
            if (i % 10 == 0) {
                heldOut.add(x);
                heldOutLabels.add(label);
            } else {
                data.add(RowFactory.create(Vectors.dense(x), (double) label));
            }
        }
        StructType schema = new StructType().add("features", new VectorUDT()).add("label", DataTypes.DoubleType);
        Dataset<Row> train = spark.createDataFrame(data, schema).repartition(2);

        // 2. train on Spark: averaging every 8 local steps, the library's scaler inside the model
        NeuralNet network = new NeuralNet(new LinearLayer(8, 32, new ReLU(), 1L), new LinearLayer(32, 3, new Softmax(), 2L));
        NeuralNetClassificationModel fitted = new NeuralNetClassifier().setNetwork(network).setOptimizer(new Adam(0.01))
                .setEpochs(3).setBatchSize(32).setStandardize(true).setTraining(SparkTraining.averaging(8)).fit(train);
        double[] losses = fitted.epochLosses();
        out.printf("trained on Spark (%s, %d rows): loss per epoch %.4f -> %.4f%n", spark.sparkContext().master(),
                data.size(), losses[0], losses[losses.length - 1]);

        // 3. save in Spark's layout; the network is in the library's own format inside
        String saved = dir.resolve("model").toString();
        fitted.write().overwrite().save(saved);
        Path file = dir.resolve("model").resolve(NeuralNetClassificationModel.MODEL_FILE);
        out.println("saved: " + file);

        // 4. serve: the plain library, the raw rows (the scaler is replayed from the file)
        Model served = Model.load(file);
        int right = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            right += served.predict(heldOut.get(i)) == heldOutLabels.get(i) ? 1 : 0;
        }
        double accuracy = (double) right / heldOut.size();
        out.printf("served by the plain library: %d of %d held-out rows right (%.3f); first row is class %s%n", right,
                heldOut.size(), accuracy, served.predictClassName(heldOut.get(0)));
        return accuracy;
    }
}
