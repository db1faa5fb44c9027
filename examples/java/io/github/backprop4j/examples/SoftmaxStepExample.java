package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.StepTrace;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Sgd;
import java.io.PrintStream;

/**
 * The fused path in a trace: one step of a 4-3 Softmax layer with categorical cross-entropy on
 * four iris flowers, where the last layer's {@code dZ = (P − Y)/B} comes straight from the loss,
 * printed beside the general path's {@code dA} and {@code dZ} for comparison.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.SoftmaxStepExample}.
 */
public final class SoftmaxStepExample {

    private SoftmaxStepExample() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: SoftmaxStepExample (no arguments)");
            System.exit(2);
        }
        run(System.out);
    }

    /**
     * Prints the trace of one step to {@code out} and returns it.
     *
     * @param out where the trace goes
     * @return the trace
     */
    public static StepTrace run(PrintStream out) {
        Dataset iris = Datasets.iris();
        int[] rows = {0, 50, 100, 1};   // a setosa, a versicolor, a virginica and another setosa
        double[][] x = new double[rows.length][];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = iris.features()[rows[i]];
            labels[i] = iris.labels()[rows[i]];
        }
        NeuralNet net = new NeuralNet(new LinearLayer(4, 3, new Softmax(), 7L));
        StepTrace trace = StepTrace.of(net, x, labels, new CategoricalCrossEntropy(), new Sgd(0.1));
        out.println(trace);
        return trace;
    }
}
