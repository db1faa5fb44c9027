package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.StepTrace;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.io.PrintStream;

/**
 * The worked example learners check by hand: Matt Mazur's "A Step by Step Backpropagation
 * Example", a 2-2-2 network with sigmoid units, inputs 0.05 and 0.10, targets 0.01 and 0.99 and
 * learning rate 0.5. It prints the trace of the one step the post computes.
 *
 * <p>How the post maps onto the API: his weights {@code w1..w8} are our {@code W} with one row per
 * input and one column per unit, {@code W_hidden = [[w1, w3], [w2, w4]]} and
 * {@code W_output = [[w5, w7], [w6, w8]]}; his error {@code ½ Σ (target − out)²} over two outputs
 * is {@link MeanSquaredError}, the mean over elements, so both have the gradient {@code out − target}; and
 * he updates the weights but not the biases, which {@link WeightsOnlySgd} reproduces.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.MazurExample}.
 */
public final class MazurExample {

    static final double[][] INPUT = {{0.05, 0.10}};
    static final double[][] TARGET = {{0.01, 0.99}};

    private MazurExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: MazurExample (no arguments)");
            System.exit(2);
        }
        StepTrace trace = run(network());
        System.out.println(trace);
        System.out.printf("total error before the step %.9f; w5 = %.8f and w1 = %.9f after it%n", trace.loss(),
                trace.layer(1).weightsAfter()[0][0], trace.layer(0).weightsAfter()[0][0]);
    }

    /** The post's network: w1..w4 and b1 = 0.35 in the hidden layer, w5..w8 and b2 = 0.60 in the output layer. */
    static NeuralNet network() {
        return new NeuralNet(
                new LinearLayer(new double[][] {{0.15, 0.25}, {0.20, 0.30}}, new double[] {0.35, 0.35}, new Sigmoid()),
                new LinearLayer(new double[][] {{0.40, 0.50}, {0.45, 0.55}}, new double[] {0.60, 0.60}, new Sigmoid()));
    }

    /** One traced step of {@code net}: squared error, learning rate 0.5, weights only. */
    static StepTrace run(NeuralNet net) {
        return StepTrace.of(net, INPUT, TARGET, new MeanSquaredError(), new WeightsOnlySgd(0.5));
    }

    /** Prints the trace to {@code out} and returns it. */
    public static StepTrace run(PrintStream out) {
        StepTrace trace = run(network());
        out.println(trace);
        return trace;
    }

    /** Plain SGD on weights, leaving biases as they are, as the post does: {@code W ← W − η·dW}. */
    record WeightsOnlySgd(double learningRate) implements Optimizer {

        @Override
        public void update(Parameter parameter, double[][] gradient, double learningRate) {
            if (parameter.role() == Parameter.Role.BIAS) {
                return;
            }
            double[][] w = parameter.values();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    // W ← W − η·dW
                    w[i][j] -= learningRate * gradient[i][j];
                }
            }
        }
    }
}
