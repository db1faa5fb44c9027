package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.eval.ConfusionMatrix;
import io.github.backprop4j.train.TrainingConfig;
import java.nio.file.Path;

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
        NeuralNet net = new NeuralNet(
                new LinearLayer(4, 10, new ReLU(), 7L),
                new LinearLayer(10, 3, new Softmax(), 8L));
        Model model = Model.train(split.train(), net, TrainingConfig.defaults());   // scales, then Adam, early stopping

        int[] predicted = model.predict(split.test().features());       // raw features: the model scales them
        System.out.println(ConfusionMatrix.of(split.test().labels(), predicted, iris.classNames()));
        model.save(Path.of("target", "iris-quick-start.model"));        // a checked text file
        Model served = Model.load(Path.of("target", "iris-quick-start.model"));
        System.out.println(served.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2}));   // e.g. "setosa"
    }
}
