package io.github.backprop4j;

import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;

/**
 * One step of gradient descent on one batch, in two halves: {@link #forward} (the forward pass,
 * with dropout where configured, and the loss) and {@link #backward} (the reverse walk, each
 * layer's {@code backward} handing its gradients to the optimizer). {@link Trainer} checks for
 * divergence between and after them.
 *
 * <p>When the loss is a {@link LogitLoss} paired with the last layer's activation (softmax with
 * categorical cross-entropy, sigmoid with binary cross-entropy) the step takes the fused path: the
 * loss from the logits and {@code dZ = (P − Y)/B}. Otherwise it takes the general path,
 * {@code ∂L/∂P} then the activation's chain rule. Row weights (from class weights) scale each
 * row's loss and so its row of the gradient.
 */
final class TrainingStep {

    private final NeuralNet net;
    private final Loss loss;
    private final LogitLoss fused;          // the loss, when it is fused with the output activation; else null
    private final DropoutMask[] dropout;    // per layer, null where there is none
    private double[][] predicted;
    private double[][] target;
    private double[] rowWeights;

    /** A step with no dropout. */
    TrainingStep(NeuralNet net, Loss loss) {
        this(net, loss, new DropoutMask[net.layers().size()]);
    }

    TrainingStep(NeuralNet net, Loss loss, DropoutMask[] dropout) {
        this.net = net;
        this.loss = loss;
        this.dropout = dropout;
        LinearLayer output = net.layers().get(net.layers().size() - 1);
        this.fused = loss instanceof LogitLoss logitLoss && logitLoss.pairsWith(output.activation()) ? logitLoss : null;
    }

    /** Whether this step computes the loss from the logits ({@code dZ = (P − Y)/B}). */
    boolean isFused() {
        return fused != null;
    }

    /**
     * Forward pass through every layer (each caching for backward, dropout applied to the outputs
     * of the layers that have it); returns the batch's mean loss, {@code (1/B) Σ_i w_i L_i} with
     * row weights.
     *
     * @param rowWeights each row's loss weight, or null for 1 each
     */
    double forward(double[][] x, double[][] y, double[] rowWeights) {
        List<LinearLayer> layers = net.layers();
        double[][] a = x;
        for (int l = 0; l < layers.size(); l++) {
            a = layers.get(l).forward(a);
            if (dropout[l] != null) {
                // Ã_l = A_l ⊙ M / (1 − p)
                a = dropout[l].apply(a);
            }
        }
        predicted = a;
        target = y;
        this.rowWeights = rowWeights;
        if (rowWeights != null) {
            return weightedValue();
        }
        if (fused != null) {
            // fused: L from the logits Z_L (log-sum-exp), with no clipping of P
            return fused.valueFromLogits(outputLayer().cachedPreActivation(), y);
        }
        // general: L = loss(P, Y)
        return loss.value(predicted, y);
    }

    /** {@code (1/B) Σ_i w_i L_i}, each row's loss taken on its own. */
    private double weightedValue() {
        double[][] z = outputLayer().cachedPreActivation();
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double[][] yi = {target[i]};
            double li = fused != null ? fused.valueFromLogits(new double[][] {z[i]}, yi)
                    : loss.value(new double[][] {predicted[i]}, yi);
            sum += rowWeights[i] * li;
        }
        return sum / predicted.length;
    }

    /** Backward pass for the batch of the last {@link #forward}: every layer's W and b updated by {@code optimizer}. */
    void backward(Optimizer optimizer, double learningRate) {
        List<LinearLayer> layers = net.layers();
        int last = layers.size() - 1;
        double[][] gradient;
        if (fused != null) {
            // fused: dZ_L = (P − Y)/B straight from the loss, skipping ∂L/∂P and f'(Z_L)
            double[][] dZ = weighRows(fused.logitGradient(predicted, target));
            gradient = outputLayer().backwardFromPreActivation(dZ, optimizer, learningRate, last > 0);
        } else {
            // general: dA_L = ∂L/∂P; the layer's backward applies the activation's chain rule
            double[][] dA = weighRows(loss.gradient(predicted, target));
            gradient = outputLayer().backward(dA, optimizer, learningRate, last > 0);
        }
        // for l = L−1..1: dA_(l−1) = layer_l.backward(dA_l), which also updates W_l, b_l;
        // the first layer's dA_0 = ∂L/∂X would be the gradient for the data, so it is not computed
        for (int l = last - 1; l >= 0; l--) {
            if (dropout[l] != null) {
                // dA_l = dÃ_l ⊙ M / (1 − p)
                gradient = dropout[l].backward(gradient);
            }
            gradient = layers.get(l).backward(gradient, optimizer, learningRate, l > 0);
        }
        predicted = null;
        target = null;
    }

    /** The last forward pass's output {@code P}, until {@link #backward}. */
    double[][] predicted() {
        return predicted;
    }

    /** Row {@code i} of the gradient times {@code w_i}: the gradient of {@code (1/B) Σ_i w_i L_i}. */
    private double[][] weighRows(double[][] gradient) {
        if (rowWeights != null) {
            for (int i = 0; i < gradient.length; i++) {
                for (int k = 0; k < gradient[i].length; k++) {
                    gradient[i][k] *= rowWeights[i];
                }
            }
        }
        return gradient;
    }

    private LinearLayer outputLayer() {
        return net.layers().get(net.layers().size() - 1);
    }
}
