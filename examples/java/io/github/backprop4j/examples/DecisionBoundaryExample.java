package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.plot.DecisionMap;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a network learned, as a picture: a 2-16-16-2 ReLU network trained on two interleaved
 * half-moons and on XOR (four clusters), each generated with a seed, and the plane coloured by the
 * class it predicts, with the training points on top. The pictures go to
 * {@code target/moons.png} and {@code target/xor.png}.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.DecisionBoundaryExample}
 * (a folder for the pictures may follow: {@code -Dexec.args="pictures"}).
 */
public final class DecisionBoundaryExample {

    private DecisionBoundaryExample() {
    }

    /** Runs the example; the optional argument is the folder for the pictures. */
    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println("usage: DecisionBoundaryExample [folder]   (default target)");
            System.exit(2);
        }
        Path folder = Path.of(args.length == 1 ? args[0] : "target");
        run(folder, System.out);
    }

    /** Trains on both problems, writes both pictures into {@code folder}; returns the training accuracies {moons, xor}. */
    public static double[] run(Path folder, PrintStream out) {
        Random random = new Random(21);
        double[][][] moons = moons(300, 0.1, random);
        double[][][] xor = xor(200, random);
        double moonsAccuracy = trainAndDraw("Two moons", moons, folder.resolve("moons.png"), random, out);
        double xorAccuracy = trainAndDraw("XOR", xor, folder.resolve("xor.png"), random, out);
        return new double[] {moonsAccuracy, xorAccuracy};
    }

    private static double trainAndDraw(String title, double[][][] data, Path file, Random random, PrintStream out) {
        double[][] x = data[0];
        int[] y = toLabels(data[1]);
        NeuralNet net = new NeuralNet(
                new LinearLayer(2, 16, new ReLU(), random),
                new LinearLayer(16, 16, new ReLU(), random),
                new LinearLayer(16, 2, new Softmax(), random));
        // a weaker prior than the default (6): two features and sharp bends want larger weights
        net.fit(x, y, TrainingConfig.builder().optimizer(new Adam(0.01)).weightDecay(WeightDecay.prior(1)).seed(21).build());
        int[] predicted = net.predict(x);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        double accuracy = (double) right / y.length;
        DecisionMap.writePng(net::predict, x, y, List.of("class 0", "class 1"), title, file);
        out.printf(Locale.ROOT, "%s: training accuracy %.3f, decision regions written to %s%n", title, accuracy, file);
        return accuracy;
    }

    /** Two interleaved half circles of radius 1, the second shifted by (1, −0.5), with Gaussian noise. */
    static double[][][] moons(int n, double noise, Random random) {
        double[][] x = new double[n][];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * random.nextDouble();
            boolean lower = i % 2 == 1;
            double px = lower ? 1 - Math.cos(t) : Math.cos(t);
            double py = lower ? 0.5 - Math.sin(t) : Math.sin(t);
            x[i] = new double[] {px + noise * random.nextGaussian(), py + noise * random.nextGaussian()};
            y[i][0] = lower ? 1 : 0;
        }
        return new double[][][] {x, y};
    }

    /** Four clusters around (±1, ±1), standard deviation 0.2; class 1 where the signs differ, as x XOR y. */
    static double[][][] xor(int n, Random random) {
        double[][] x = new double[n][];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            int sx = random.nextBoolean() ? 1 : -1;
            int sy = random.nextBoolean() ? 1 : -1;
            x[i] = new double[] {sx + 0.2 * random.nextGaussian(), sy + 0.2 * random.nextGaussian()};
            y[i][0] = sx != sy ? 1 : 0;
        }
        return new double[][][] {x, y};
    }

    private static int[] toLabels(double[][] y) {
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (int) y[i][0];
        }
        return labels;
    }
}
