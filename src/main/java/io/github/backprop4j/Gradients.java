package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;
import java.util.List;

/**
 * The gradients of the batch-mean loss with respect to every layer's weights and bias, for one
 * batch, computed by {@link NeuralNet#gradients} without changing the network, and applied later
 * with {@link NeuralNet#applyGradients}. Immutable.
 *
 * <pre>{@code
 * Gradients g = net.gradients(x, labels, new CategoricalCrossEntropy());
 * double[][] dW0 = g.weights(0);                       // ∂L/∂W of layer 0
 * net.applyGradients(g, new Sgd(0.1));                 // the same update fit would make
 * }</pre>
 */
public final class Gradients {

    private final double loss;
    private final int rows;
    private final double[][][] parameters;   // in the network's parameter order: layer 0 dW, layer 0 db, layer 1 dW, ...

    Gradients(double loss, int rows, double[][][] parameters) {
        this.loss = loss;
        this.rows = rows;
        this.parameters = parameters;
    }

    /**
     * Gradients built from arrays, e.g. the sums of a batch spread over several machines divided
     * by its rows, to apply with {@link NeuralNet#applyGradients}. The arrays are copied.
     *
     * @param loss    the batch's mean loss
     * @param rows    the rows of the batch, &gt;= 1
     * @param weights {@code dW} of each layer, from the first, {@code [inputs × outputs]}
     * @param biases  {@code db} of each layer, length {@code outputs}
     * @return the gradients
     * @throws IllegalArgumentException if an argument is null, the lists differ in length, or a
     *                                  layer's {@code dW} is not rectangular or its {@code db}
     *                                  does not match its columns
     */
    public static Gradients of(double loss, int rows, List<double[][]> weights, List<double[]> biases) {
        checkArgument(weights != null && biases != null, "Gradients.of: weights and biases must not be null");
        checkArgument(rows >= 1, "Gradients.of: rows must be >= 1, got %d", rows);
        checkArgument(weights.size() == biases.size() && !weights.isEmpty(),
                "Gradients.of: %d weight gradients but %d bias gradients; need one of each per layer",
                weights.size(), biases.size());
        double[][][] p = new double[2 * weights.size()][][];
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = Matrices.copy(Matrices.checkMatrix(weights.get(l), "Gradients.of: layer " + l + " dW"));
            double[] bias = biases.get(l);
            checkArgument(bias != null && bias.length == w[0].length,
                    "Gradients.of: layer %d db has %s entries, expected %d (the columns of its dW)",
                    l, bias == null ? "null" : String.valueOf(bias.length), w[0].length);
            p[2 * l] = w;
            p[2 * l + 1] = new double[][] {bias.clone()};
            for (int k = 2 * l; k <= 2 * l + 1; k++) {
                int[] at = Matrices.firstNonFinite(p[k]);
                checkArgument(at == null, "Gradients.of: layer %d %s entry [%d][%d] is %s; gradients must be finite",
                        l, k % 2 == 0 ? "dW" : "db", at == null ? 0 : at[0], at == null ? 0 : at[1],
                        at == null ? 0 : p[k][at[0]][at[1]]);
            }
        }
        return new Gradients(loss, rows, p);
    }

    /** {@return the batch's mean loss, at the weights the gradients were taken at} */
    public double loss() {
        return loss;
    }

    /** {@return number of rows in the batch the gradients are a mean over} */
    public int rows() {
        return rows;
    }

    /** {@return number of layers} */
    public int layerCount() {
        return parameters.length / 2;
    }

    /**
     * {@return a copy of {@code dW = ∂L/∂W} of layer {@code layer} (from 0), {@code [inputs × outputs]}}
     *
     * @param layer the layer index, from 0
     */
    public double[][] weights(int layer) {
        checkLayer(layer);
        return Matrices.copy(parameters[2 * layer]);
    }

    /**
     * {@return a copy of {@code db = ∂L/∂b} of layer {@code layer} (from 0), length {@code outputs}}
     *
     * @param layer the layer index, from 0
     */
    public double[] bias(int layer) {
        checkLayer(layer);
        return parameters[2 * layer + 1][0].clone();
    }

    /** The live gradient of parameter {@code p} in the network's parameter order. */
    double[][] view(int p) {
        return parameters[p];
    }

    private void checkLayer(int layer) {
        checkArgument(layer >= 0 && layer < parameters.length / 2, "layer must be in [0, %d), got %d", parameters.length / 2, layer);
    }

    @Override
    public String toString() {
        return "Gradients(" + parameters.length / 2 + " layers, " + rows + " rows, loss " + loss + ")";
    }
}
