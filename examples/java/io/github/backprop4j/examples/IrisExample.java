package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.eval.ClassificationReport;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.eval.ConfusionMatrix;
import io.github.backprop4j.plot.TrainingChart;
import io.github.backprop4j.train.ConsoleProgress;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Trains the network of the original backprop lesson, 4-10-5-3 with ReLU, ReLU, Softmax, on the
 * bundled iris data with the library's default training configuration (Adam, 10% held out for
 * validation, early stopping, an L2 prior on the weights), prints the progress, the test
 * accuracy, a confusion matrix and a classification report, writes the learning curves to
 * {@code target/iris-training.png}, saves the model to {@code target/iris.model}, loads it back
 * and names the first test flower from its raw measurements.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java} or, with a seed and a chart file,
 * {@code mvn -q test-compile exec:java -Dexec.args="7 iris.png"}.
 */
public final class IrisExample {

    static final long DEFAULT_SEED = 7L;
    static final Path DEFAULT_CHART = Path.of("target", "iris-training.png");

    private IrisExample() {
    }

    /** Runs the example; the optional arguments are the seed of the split, the weights and training, and the chart file. */
    public static void main(String[] args) {
        if (args.length > 2 || (args.length >= 1 && !args[0].matches("-?\\d+"))) {
            System.err.println("usage: IrisExample [seed [chart.png]]   (seed: a whole number, default " + DEFAULT_SEED
                    + "; chart default " + DEFAULT_CHART + ")");
            System.exit(2);
        }
        long seed = args.length >= 1 ? Long.parseLong(args[0]) : DEFAULT_SEED;
        Path chart = args.length == 2 ? Path.of(args[1]) : DEFAULT_CHART;
        run(seed, System.out, chart);
        System.out.println("learning curves written to " + chart);
    }

    /** {@link #run(long, PrintStream, Path)} without writing a chart. */
    public static ConfusionMatrix run(long seed, PrintStream out) {
        return run(seed, out, null);
    }

    /**
     * Splits, scales, trains and evaluates with one seed, printing to {@code out}.
     *
     * @param chart where to write the learning curves as PNG, or null for none
     * @return the confusion matrix on the held-out 25%
     */
    public static ConfusionMatrix run(long seed, PrintStream out, Path chart) {
        Dataset iris = Datasets.iris();
        TrainTestSplit split = Splits.stratified(iris, 0.25, seed);

        // Standardise with the training part's statistics only.
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        double[][] xTrain = scaler.transform(split.train().features());
        double[][] xTest = scaler.transform(split.test().features());

        Random init = new Random(seed);
        NeuralNet net = new NeuralNet(
                new LinearLayer(4, 10, new ReLU(), init),
                new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
        out.println(net);
        out.printf("training on %d rows, testing on %d (seed %d)%n", xTrain.length, xTest.length, seed);

        // the defaults, seeded: Adam, a stratified 10% validation split, early stopping, λ = 6/n
        TrainingConfig config = TrainingConfig.builder().seed(seed).build();
        History history = net.fit(xTrain, split.train().labels(), config, new ConsoleProgress(out, 100));

        int[] predicted = net.predict(xTest);
        ConfusionMatrix confusion = ConfusionMatrix.of(split.test().labels(), predicted, iris.classNames());
        out.printf("trained %d epochs, final training loss %.4f%n", history.epochs(), history.finalLoss());
        out.printf("test accuracy %.3f (%d of %d)%n", confusion.accuracy(),
                Math.round(confusion.accuracy() * confusion.total()), confusion.total());
        out.println(confusion);
        out.println(ClassificationReport.ofProbabilities(split.test().labels(), net.predictProbabilities(xTest),
                iris.classNames()));
        if (chart != null) {
            TrainingChart.writePng(history, chart);
        }
        saveLoadAndPredictOne(Model.classifier(net, scaler, iris.featureNames(), iris.classNames(), config.loss()
                .orElse(new CategoricalCrossEntropy())), split.test(), chart, out);
        return confusion;
    }

    /** Saves the model (beside the chart, else to a temporary file), loads it back and names the first test flower. */
    private static void saveLoadAndPredictOne(Model model, Dataset test, Path chart, PrintStream out) {
        try {
            Path file = chart != null ? chart.toAbsolutePath().resolveSibling("iris.model") : Files.createTempFile("iris", ".model");
            model.save(file);
            Model loaded = Model.load(file);
            double[] flower = test.features()[0];
            out.printf("model saved to %s and loaded back; the first test flower %s is predicted %s, actually %s%n",
                    chart != null ? file : "a temporary file", java.util.Arrays.toString(flower),
                    loaded.predictClassName(flower), test.className(test.labels()[0]));
            if (chart == null) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
