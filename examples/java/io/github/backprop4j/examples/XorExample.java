package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;
import java.io.PrintStream;
import java.util.Locale;

/**
 * XOR, the problem a single layer cannot solve: a 2-4-2 network with Sigmoid hidden units learns
 * it with plain gradient descent on all four rows at once, as in the original lessons.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.XorExample}.
 */
public final class XorExample {

    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final int[] Y = {0, 1, 1, 0};

    private XorExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: XorExample (no arguments)");
            System.exit(2);
        }
        run(System.out);
    }

    /** Trains and prints each row's prediction; returns the predicted classes. */
    public static int[] run(PrintStream out) {
        NeuralNet net = new NeuralNet(
                new LinearLayer(2, 4, new Sigmoid(), 1L),
                new LinearLayer(4, 2, new Softmax(), 2L));
        // four rows: no validation split, no early stopping, no weight decay, full-batch SGD
        TrainingConfig config = TrainingConfig.builder().optimizer(new Sgd(1.0)).epochs(2000).batchSize(4).seed(3L)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
        History history = net.fit(X, Y, config);
        out.println(net);
        out.printf(Locale.ROOT, "loss after %d epochs: %.4f%n", history.epochs(), history.finalLoss());
        int[] predicted = net.predict(X);
        double[][] p = net.predictProbabilities(X);
        for (int i = 0; i < X.length; i++) {
            out.printf(Locale.ROOT, "%.0f XOR %.0f = %d   predicted %d (p = %.3f)%n", X[i][0], X[i][1], Y[i], predicted[i], p[i][1]);
        }
        return predicted;
    }
}
