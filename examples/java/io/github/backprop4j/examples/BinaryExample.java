package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.eval.ClassificationReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * Binary classification: two overlapping clouds of points in four dimensions, as a screening test
 * would see healthy and sick patients. A 4-16-1 network with one Sigmoid output is trained with the
 * defaults (which pick binary cross-entropy for it) on 600 generated rows, and reports precision,
 * recall, F1, log loss and ROC AUC on 400 others.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.BinaryExample}.
 */
public final class BinaryExample {

    private BinaryExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: BinaryExample (no arguments)");
            System.exit(2);
        }
        run(System.out);
    }

    /** Generates, trains, and prints the test report, which it returns. */
    public static ClassificationReport run(PrintStream out) {
        Random random = new Random(5);
        double[][] xTrain = new double[600][];
        int[] yTrain = new int[600];
        double[][] xTest = new double[400][];
        int[] yTest = new int[400];
        fill(xTrain, yTrain, random);
        fill(xTest, yTest, random);

        NeuralNet net = new NeuralNet(
                new LinearLayer(4, 16, new ReLU(), random),
                new LinearLayer(16, 1, new Sigmoid(), random));
        net.fit(xTrain, yTrain);   // the defaults; one Sigmoid unit means binary cross-entropy

        ClassificationReport report = ClassificationReport.ofProbabilities(yTest, net.predictProbabilities(xTest),
                List.of("healthy", "sick"));
        out.println(report);
        return report;
    }

    /** One row in three is sick; each of the four features is N(0, 1) shifted by 0.8 for sick rows. */
    private static void fill(double[][] x, int[] y, Random random) {
        for (int i = 0; i < x.length; i++) {
            y[i] = random.nextInt(3) == 0 ? 1 : 0;
            x[i] = new double[4];
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextGaussian() + 0.8 * y[i];
            }
        }
    }
}
