package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

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
    private final double[][][] weights;
    private final double[][][] biases;

    Gradients(double loss, int rows, double[][][] weights, double[][][] biases) {
        this.loss = loss;
        this.rows = rows;
        this.weights = weights;
        this.biases = biases;
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
        return weights.length;
    }

    /**
     * {@return a copy of {@code dW = ∂L/∂W} of layer {@code layer} (from 0), {@code [inputs × outputs]}}
     *
     * @param layer the layer index, from 0
     */
    public double[][] weights(int layer) {
        checkLayer(layer);
        return Matrices.copy(weights[layer]);
    }

    /**
     * {@return a copy of {@code db = ∂L/∂b} of layer {@code layer} (from 0), length {@code outputs}}
     *
     * @param layer the layer index, from 0
     */
    public double[] bias(int layer) {
        checkLayer(layer);
        return biases[layer][0].clone();
    }

    double[][] weightsView(int layer) {
        return weights[layer];
    }

    double[][] biasView(int layer) {
        return biases[layer];
    }

    private void checkLayer(int layer) {
        checkArgument(layer >= 0 && layer < weights.length, "layer must be in [0, %d), got %d", weights.length, layer);
    }

    @Override
    public String toString() {
        return "Gradients(" + weights.length + " layers, " + rows + " rows, loss " + loss + ")";
    }
}
