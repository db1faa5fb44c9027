package io.github.backprop4j.spark.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.spark.NeuralNetClassificationModel;
import io.github.backprop4j.spark.NeuralNetClassifier;
import io.github.backprop4j.spark.SparkTraining;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;
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
 * The figures of docs/spark.md: samples per second of the 784-256-128-10 network (SGD 0.01, batch
 * 64) on 20,000 rows labelled by a random linear teacher, trained on one machine and on Spark in
 * {@code local[1]} and {@code local[2]}, synchronous and with parameter averaging, and the
 * accuracy each reaches on 2,000 held-out rows after the same epochs; then the cost of one Spark
 * job per step, timed with a network too small to compute anything. Run it with
 * {@code mvn -q -f src/spark/pom.xml test-compile exec:exec@scaling} (a few minutes).
 */
public final class SparkScaling {

    private static final int ROWS = 20_000;
    private static final int TEST = 2_000;
    private static final int EPOCHS = 2;
    private static final int BATCH = 64;
    private static final int K = 16;

    private SparkScaling() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        Random random = new Random(7);
        double[][] teacher = new double[784][10];
        for (double[] row : teacher) {
            for (int k = 0; k < 10; k++) {
                row[k] = random.nextGaussian();
            }
        }
        double[][] x = new double[ROWS + TEST][784];
        int[] y = new int[ROWS + TEST];
        for (int i = 0; i < x.length; i++) {
            double[] score = new double[10];
            for (int p = 0; p < 784; p++) {
                x[i][p] = random.nextDouble();
                for (int k = 0; k < 10; k++) {
                    score[k] += x[i][p] * teacher[p][k];
                }
            }
            for (int k = 1; k < 10; k++) {
                y[i] = score[k] > score[y[i]] ? k : y[i];
            }
        }
        double[][] xTrain = java.util.Arrays.copyOf(x, ROWS);
        int[] yTrain = java.util.Arrays.copyOf(y, ROWS);
        double[][] xTest = java.util.Arrays.copyOfRange(x, ROWS, ROWS + TEST);
        int[] yTest = java.util.Arrays.copyOfRange(y, ROWS, ROWS + TEST);

        System.out.printf("%d rows x 784, 784-256-128-10, SGD 0.01, batch %d, %d epochs; averaging every %d steps%n",
                ROWS, BATCH, EPOCHS, K);
        System.out.printf("%-36s %12s %10s%n", "", "samples/s", "accuracy");
        for (int threads : new int[] {1, 2}) {
            NeuralNet net = network();
            long t0 = System.nanoTime();
            net.fit(xTrain, yTrain, TrainingConfig.builder().optimizer(new Sgd(0.01)).epochs(EPOCHS).batchSize(BATCH)
                    .seed(1L).threads(threads).noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build());
            long t1 = System.nanoTime();
            report("one machine, " + threads + " thread(s)", t1 - t0, accuracy(net, xTest, yTest));
        }
        for (String master : new String[] {"local[1]", "local[2]"}) {
            SparkSession spark = SparkSession.builder().master(master).appName("backprop4j scaling")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            try {
                int partitions = master.equals("local[1]") ? 1 : 2;
                Dataset<Row> train = frame(spark, xTrain, yTrain).repartition(partitions).cache();
                train.count();
                for (SparkTraining mode : new SparkTraining[] {SparkTraining.synchronous(), SparkTraining.averaging(K)}) {
                    long t0 = System.nanoTime();
                    NeuralNetClassificationModel model = new NeuralNetClassifier().setNetwork(network())
                            .setOptimizer(new Sgd(0.01)).setEpochs(EPOCHS).setBatchSize(BATCH).setSeed(1L)
                            .setTraining(mode).fit(train);
                    long t1 = System.nanoTime();
                    report("Spark " + master + ", " + mode, t1 - t0, accuracy(model.model().network(), xTest, yTest));
                }
                // the cost of a job: synchronous steps of a network with next to nothing to compute
                double[][] tiny = new double[ROWS][1];
                int[] zeros = new int[ROWS];
                Dataset<Row> small = frame(spark, tiny, zeros).repartition(partitions).cache();
                small.count();
                long t0 = System.nanoTime();
                new NeuralNetClassifier().setNetwork(new NeuralNet(new LinearLayer(1, 2, new Softmax(), 1L)))
                        .setOptimizer(new Sgd(0.01)).setEpochs(1).setBatchSize(BATCH).fit(small);
                double perStep = (System.nanoTime() - t0) / 1e6 / ((ROWS + BATCH - 1) / BATCH);
                System.out.printf("%-36s %9.1f ms per step (one Spark job)%n", "Spark " + master + ", job overhead", perStep);
            } finally {
                spark.stop();
            }
        }
    }

    private static NeuralNet network() {
        Random init = new Random(1);
        return new NeuralNet(new LinearLayer(784, 256, new ReLU(), init), new LinearLayer(256, 128, new ReLU(), init),
                new LinearLayer(128, 10, new Softmax(), init));
    }

    private static Dataset<Row> frame(SparkSession spark, double[][] x, int[] y) {
        List<Row> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), (double) y[i]));
        }
        StructType schema = new StructType().add("features", new VectorUDT()).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    private static double accuracy(NeuralNet net, double[][] x, int[] y) {
        int[] predicted = net.predict(x);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        return (double) right / y.length;
    }

    private static void report(String what, long nanos, double accuracy) {
        double seconds = nanos / 1e9;
        System.out.printf("%-36s %12.0f %10.3f%n", what, ROWS * (double) EPOCHS / seconds, accuracy);
    }
}
