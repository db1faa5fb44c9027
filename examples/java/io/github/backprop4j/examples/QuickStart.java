package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.eval.ConfusionMatrix;
import io.github.backprop4j.train.History;
import java.util.Random;

/**
 * The README's quick start, line for line (QuickStartTest keeps the two the same).
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.QuickStart}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Trains on iris and prints the test confusion matrix and one predicted species. */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: QuickStart (no arguments)");
            System.exit(2);
        }
        Dataset iris = Datasets.iris();                                  // bundled, 150 rows, 3 species
        TrainTestSplit split = Splits.stratified(iris, 0.25, 7L);        // 75/25, every class in both parts
        StandardScaler scaler = StandardScaler.fit(split.train().features());   // fit on train only
        double[][] xTrain = scaler.transform(split.train().features());
        
        Random init = new Random(7L);
        NeuralNet net = new NeuralNet(
                new LinearLayer(4, 10, new ReLU(), init),
                new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
        History history = net.fit(xTrain, split.train().labels());    // Adam, validation, early stopping
        
        int[] predicted = net.predict(scaler.transform(split.test().features()));   // same μ, σ as training
        System.out.println(ConfusionMatrix.of(split.test().labels(), predicted, iris.classNames()));
        System.out.println(iris.className(predicted[0]));                // e.g. "setosa"
    }
}
