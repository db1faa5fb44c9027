package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Trains a d-100-K ReLU network with the default {@link TrainingConfig} on the splits that
 * {@code src/jmh/python/sklearn_defaults.py} wrote, and prints the mean test accuracy per data
 * set, to set beside scikit-learn's {@code MLPClassifier()} with the same hidden layer.
 *
 * <p>Usage: {@code mvn -q -Pbench test-compile exec:java -Dexample=io.github.backprop4j.bench.DefaultsVsSklearn
 * -Dexec.args=target/sklearn-splits}.
 */
public final class DefaultsVsSklearn {

    private DefaultsVsSklearn() {
    }

    /** Runs the comparison; the argument is the folder of splits. */
    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: DefaultsVsSklearn <folder written by src/jmh/python/sklearn_defaults.py>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (String name : new String[] {"iris", "wine", "cancer", "digits"}) {
            double sum = 0;
            int splits = 0;
            for (int s = 0; Files.exists(dir.resolve(name + "_" + s + "_xtr.csv")); s++, splits++) {
                sum += accuracy(dir, name + "_" + s + "_", s);
            }
            System.out.printf("%-7s %d splits  backprop4j defaults mean %.4f%n", name, splits, sum / splits);
        }
    }

    private static double accuracy(Path dir, String prefix, long seed) {
        double[][] xTrain = matrix(dir.resolve(prefix + "xtr.csv"));
        double[][] xTest = matrix(dir.resolve(prefix + "xte.csv"));
        int[] yTrain = labels(dir.resolve(prefix + "ytr.csv"));
        int[] yTest = labels(dir.resolve(prefix + "yte.csv"));
        int classes = Arrays.stream(yTrain).max().orElse(0) + 1;
        Random init = new Random(seed);
        NeuralNet net = new NeuralNet(new LinearLayer(xTrain[0].length, 100, new ReLU(), init),
                new LinearLayer(100, classes, new Softmax(), init));
        net.fit(xTrain, yTrain, TrainingConfig.builder().seed(seed).build());
        int[] predicted = net.predict(xTest);
        int right = 0;
        for (int i = 0; i < yTest.length; i++) {
            right += predicted[i] == yTest[i] ? 1 : 0;
        }
        return (double) right / yTest.length;
    }

    private static double[][] matrix(Path file) {
        return lines(file).map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static int[] labels(Path file) {
        return lines(file).mapToInt(line -> (int) Double.parseDouble(line)).toArray();
    }

    private static java.util.stream.Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
