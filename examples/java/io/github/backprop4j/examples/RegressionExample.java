package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.eval.RegressionReport;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.TrainingConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Regression: {@code y = sin(x) + noise} on {@code [−π, π]}, learned by a 1-32-1 network with Tanh
 * hidden units and an Identity output (so the loss is mean squared error), reporting MSE, MAE,
 * RMSE and R² on fresh points.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.RegressionExample}.
 */
public final class RegressionExample {

    private RegressionExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: RegressionExample (no arguments)");
            System.exit(2);
        }
        run(System.out);
    }

    /** Generates, trains, and prints the test report, which it returns. */
    public static RegressionReport run(PrintStream out) {
        Random random = new Random(11);
        double[][][] train = sample(400, random);
        double[][][] test = sample(200, random);

        NeuralNet net = new NeuralNet(
                new LinearLayer(1, 32, new Tanh(), random),
                new LinearLayer(32, 1, new Identity(), random));
        // the defaults, with Adam's rate raised to 0.01 for this small smooth problem
        net.fit(train[0], train[1], TrainingConfig.builder().optimizer(new Adam(0.01)).build());

        RegressionReport report = RegressionReport.of(test[1], net.predictValues(test[0]), List.of("sin(x) + noise"));
        out.println(report);
        double[][] at = {{-Math.PI / 2}, {0}, {Math.PI / 2}};
        double[][] predicted = net.predictValues(at);
        for (int i = 0; i < at.length; i++) {
            out.printf(Locale.ROOT, "x = %+.3f  predicted %+.3f  sin(x) = %+.3f%n", at[i][0], predicted[i][0], Math.sin(at[i][0]));
        }
        return report;
    }

    /** {x, y} with x uniform on [−π, π] and y = sin(x) + N(0, 0.1²). */
    private static double[][][] sample(int n, Random random) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = (random.nextDouble() * 2 - 1) * Math.PI;
            y[i][0] = Math.sin(x[i][0]) + 0.1 * random.nextGaussian();
        }
        return new double[][][] {x, y};
    }
}
