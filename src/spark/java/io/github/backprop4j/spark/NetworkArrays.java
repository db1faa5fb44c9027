package io.github.backprop4j.spark;

import io.github.backprop4j.Gradients;
import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.optim.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameters as one {@code double[]}, the only numbers that cross the wire: layer by
 * layer, {@code W} row by row, then {@code b}. Gradient sums use the same layout after two
 * leading entries, the summed loss and the row count.
 */
final class NetworkArrays {

    /** Where the gradient sums start in a sum vector: after the loss sum and the row count. */
    static final int HEADER = 2;

    private NetworkArrays() {
    }

    /** The number of parameters of {@code net}. */
    static int size(NeuralNet net) {
        return net.parameterCount();
    }

    /** {@code net}'s weights and biases, in layout order. */
    static double[] parameters(NeuralNet net) {
        double[] out = new double[size(net)];
        int at = 0;
        for (Parameter p : net.parameters()) {
            for (double[] row : p.values()) {
                System.arraycopy(row, 0, out, at, row.length);
                at += row.length;
            }
        }
        return out;
    }

    /** Overwrites {@code net}'s weights and biases with {@code values}, in layout order. */
    static void setParameters(NeuralNet net, double[] values) {
        int at = 0;
        for (Parameter p : net.parameters()) {
            for (double[] row : p.values()) {
                System.arraycopy(values, at, row, 0, row.length);
                at += row.length;
            }
        }
    }

    /** {@code acc}, or a new zeroed array of {@code size} when {@code acc} is the empty zero. */
    static double[] sized(double[] acc, int size) {
        return acc.length == 0 ? new double[size] : acc;
    }

    /** Adds {@code rows ×} the batch-mean gradients {@code g} (and loss) to the sums {@code acc}. */
    static void addSums(Gradients g, double[] acc) {
        int rows = g.rows();
        acc[0] += rows * g.loss();
        acc[1] += rows;
        int at = HEADER;
        for (int l = 0; l < g.layerCount(); l++) {
            for (double[] row : g.weights(l)) {
                for (double v : row) {
                    acc[at++] += rows * v;
                }
            }
            for (double v : g.bias(l)) {
                acc[at++] += rows * v;
            }
        }
    }

    /** The batch-mean gradients from sums over the batch: every sum divided by the row count. */
    static Gradients meanGradients(NeuralNet net, double[] sums) {
        double rows = sums[1];
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int at = HEADER;
        for (LinearLayer layer : net.layers()) {
            double[][] dW = new double[layer.inputs()][layer.outputs()];
            for (double[] row : dW) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = sums[at++] / rows;
                }
            }
            double[] db = new double[layer.outputs()];
            for (int j = 0; j < db.length; j++) {
                db[j] = sums[at++] / rows;
            }
            weights.add(dW);
            biases.add(db);
        }
        return Gradients.of(sums[0] / rows, (int) rows, weights, biases);
    }

    /**
     * {@code a += b}, element by element; returns {@code a}. An empty array is the zero of any
     * length: the zero value of an aggregation travels with every task, so it stays empty.
     */
    static double[] add(double[] a, double[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
