package io.github.backprop4j;

import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;

/**
 * One step of gradient descent on one batch, in two halves: {@link #forward} (the forward pass
 * and the loss) and {@link #backward} (the reverse walk, each layer's {@code backward} handing its
 * gradients to the optimizer). {@link Trainer} checks for divergence between and after them.
 *
 * <p>When the loss is a {@link LogitLoss} paired with the last layer's activation (softmax with
 * categorical cross-entropy, sigmoid with binary cross-entropy) the step takes the fused path: the
 * loss from the logits and {@code dZ = (P − Y)/B}. Otherwise it takes the general path,
 * {@code ∂L/∂P} then the activation's chain rule.
 */
final class TrainingStep {

    private final NeuralNet net;
    private final Loss loss;
    private final LogitLoss fused;     // the loss, when it is fused with the output activation; else null
    private double[][] predicted;
    private double[][] target;

    TrainingStep(NeuralNet net, Loss loss) {
        this.net = net;
        this.loss = loss;
        LinearLayer output = net.layers().get(net.layers().size() - 1);
        this.fused = loss instanceof LogitLoss logitLoss && logitLoss.pairsWith(output.activation()) ? logitLoss : null;
    }

    /** Whether this step computes the loss from the logits ({@code dZ = (P − Y)/B}). */
    boolean isFused() {
        return fused != null;
    }

    /** Forward pass through every layer (each caching for backward); returns the batch's mean loss. */
    double forward(double[][] x, double[][] y) {
        predicted = net.forward(x);
        target = y;
        if (fused != null) {
            // fused: L from the logits Z_L (log-sum-exp), with no clipping of P
            return fused.valueFromLogits(outputLayer().cachedPreActivation(), y);
        }
        // general: L = loss(P, Y)
        return loss.value(predicted, y);
    }

    /** Backward pass for the batch of the last {@link #forward}: every layer's W and b updated by {@code optimizer}. */
    void backward(Optimizer optimizer, double learningRate) {
        List<LinearLayer> layers = net.layers();
        int last = layers.size() - 1;
        double[][] gradient;
        if (fused != null) {
            // fused: dZ_L = (P − Y)/B straight from the loss, skipping ∂L/∂P and f'(Z_L)
            double[][] dZ = fused.logitGradient(predicted, target);
            gradient = outputLayer().backwardFromPreActivation(dZ, optimizer, learningRate, last > 0);
        } else {
            // general: dA_L = ∂L/∂P; the layer's backward applies the activation's chain rule
            gradient = outputLayer().backward(loss.gradient(predicted, target), optimizer, learningRate, last > 0);
        }
        // for l = L−1..1: dA_(l−1) = layer_l.backward(dA_l), which also updates W_l, b_l;
        // the first layer's dA_0 = ∂L/∂X would be the gradient for the data, so it is not computed
        for (int l = last - 1; l >= 0; l--) {
            gradient = layers.get(l).backward(gradient, optimizer, learningRate, l > 0);
        }
        predicted = null;
        target = null;
    }

    private LinearLayer outputLayer() {
        return net.layers().get(net.layers().size() - 1);
    }
}
