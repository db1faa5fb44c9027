package io.github.backprop4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.Gradients;
import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Parameter averaging against training on one machine. */
class ParameterAveragingTest {

    private static NeuralNet net(int inputs, int classes) {
        return new NeuralNet(new LinearLayer(inputs, 12, new ReLU(), 1L), new LinearLayer(12, classes, new Softmax(), 2L));
    }

    @Test
    void oneStepRoundsOnOnePartitionAreTrainingOnOneMachine() {
        Dataset iris = Datasets.iris();
        double[][] x = StandardScaler.fit(iris.features()).transform(iris.features());
        int[] y = iris.labels();
        long seed = 5L;
        int batch = 16;
        NeuralNetClassificationModel model = new NeuralNetClassifier().setNetwork(net(4, 3)).setOptimizer(new Adam(0.01))
                .setEpochs(2).setBatchSize(batch).setSeed(seed).setTraining(SparkTraining.averaging(1))
                .fit(SparkTests.frame(x, y).coalesce(1));

        NeuralNet reference = net(4, 3);
        Adam adam = new Adam(0.01);
        for (int epoch = 0; epoch < 2; epoch++) {
            int e = epoch;
            Integer[] order = IntStream.range(0, 150).boxed().sorted(Comparator
                    .comparingLong((Integer i) -> LocalRows.order(seed, e, i)).thenComparingInt(i -> i)).toArray(Integer[]::new);
            for (int from = 0; from < 150; from += batch) {
                int to = Math.min(150, from + batch);
                double[][] xb = new double[to - from][];
                int[] yb = new int[to - from];
                for (int r = from; r < to; r++) {
                    xb[r - from] = x[order[r]];
                    yb[r - from] = y[order[r]];
                }
                Gradients g = reference.gradients(xb, yb, new CategoricalCrossEntropy());
                reference.applyGradients(g, adam);
            }
        }
        NeuralNet trained = model.model().network();
        for (int l = 0; l < 2; l++) {
            assertThat(trained.layers().get(l).weights()).isDeepEqualTo(reference.layers().get(l).weights());
            assertThat(trained.layers().get(l).bias()).containsExactly(reference.layers().get(l).bias());
        }
    }

    @Test
    void twoPartitionsReachTheAccuracyOfOneMachineOnASeparableProblem() {
        // four Gaussian clusters in 6 dimensions, centres 4 standard deviations apart
        Random random = new Random(21);
        double[][] centres = new double[4][6];
        for (double[] c : centres) {
            for (int j = 0; j < 6; j++) {
                c[j] = 4 * random.nextGaussian();
            }
        }
        int n = 1200;
        double[][] x = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int j = 0; j < 6; j++) {
                x[i][j] = centres[y[i]][j] + random.nextGaussian();
            }
        }
        int train = 900;
        double[][] xTrain = java.util.Arrays.copyOf(x, train);
        int[] yTrain = java.util.Arrays.copyOf(y, train);
        double[][] xTest = java.util.Arrays.copyOfRange(x, train, n);
        int[] yTest = java.util.Arrays.copyOfRange(y, train, n);

        NeuralNet alone = net(6, 4);
        alone.fit(xTrain, yTrain, TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(5).batchSize(32).seed(3L)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build());
        double aloneAccuracy = accuracy(alone.predict(xTest), yTest);

        org.apache.spark.sql.Dataset<Row> data = SparkTests.frame(xTrain, yTrain).repartition(2);
        NeuralNetClassificationModel averaged = new NeuralNetClassifier().setNetwork(net(6, 4))
                .setOptimizer(new Adam(0.01)).setEpochs(5).setBatchSize(32).setSeed(3L)
                .setTraining(SparkTraining.averaging(4)).fit(data);
        int[] predicted = averaged.model().network().predict(xTest);
        double averagedAccuracy = accuracy(predicted, yTest);
        assertThat(aloneAccuracy).as("one machine").isGreaterThan(0.9);
        assertThat(averagedAccuracy).as("averaging on 2 partitions, against %s on one machine", aloneAccuracy)
                .isGreaterThanOrEqualTo(aloneAccuracy - 0.02);
    }

    private static double accuracy(int[] predicted, int[] y) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        return (double) right / y.length;
    }

}
