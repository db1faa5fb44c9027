package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.DataFormatException;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.eval.ConfusionMatrix;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * Trains a classifier on your own CSV file: numeric feature columns, one label column, a header.
 * Holds out a stratified 25% for testing and prints the accuracy and a confusion matrix.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.CsvExample
 * -Dexec.args="data.csv [labelColumn]"} (default label column: the last one).
 */
public final class CsvExample {

    private CsvExample() {
    }

    /** Runs on {@code args[0]}, with the label column named {@code args[1]} if given. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CsvExample <file.csv> [labelColumn]");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), args.length == 2 ? args[1] : null, System.out);
        } catch (DataFormatException e) {
            System.err.println(e.getMessage());   // names the file, line and column
            System.exit(1);
        }
    }

    /**
     * Loads, splits, scales, trains a {@code d-16-k} ReLU/Softmax network and evaluates it.
     *
     * @param labelColumn the label column's header name, or null for the last column
     * @return the confusion matrix on the held-out part
     * @throws DataFormatException if the file is not a valid data set
     */
    public static ConfusionMatrix run(Path file, String labelColumn, PrintStream out) {
        CsvLoader loader = labelColumn == null ? new CsvLoader() : new CsvLoader().withLabelColumn(labelColumn);
        Dataset data = loader.load(file);
        out.println(data);
        TrainTestSplit split = Splits.stratified(data, 0.25, 1L);
        StandardScaler scaler = StandardScaler.fit(split.train().features());

        Random init = new Random(1L);
        NeuralNet net = new NeuralNet(
                new LinearLayer(data.featureCount(), 16, new ReLU(), init),
                new LinearLayer(16, Math.max(2, data.classCount()), new Softmax(), init));
        net.fit(scaler.transform(split.train().features()), split.train().labels());   // the defaults

        int[] predicted = net.predict(scaler.transform(split.test().features()));
        ConfusionMatrix confusion = ConfusionMatrix.of(split.test().labels(), predicted, data.classNames());
        out.printf("test accuracy %.3f on %d rows%n", confusion.accuracy(), confusion.total());
        out.println(confusion);
        return confusion;
    }
}
