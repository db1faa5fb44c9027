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
    private final StepObserver observer;    // sees every matrix of the step; StepObserver.NONE when training
    private final int threads;              // the products' rows are shared among up to this many threads
    private double[][] lossGradient;        // dA_L on the general path, reused while the batch size stays
    private double[][] predicted;
    private double[][] target;
    private double[] rowWeights;

    /** A step with no dropout. */
    TrainingStep(NeuralNet net, Loss loss) {
        this(net, loss, new DropoutMask[net.layers().size()]);
    }

    TrainingStep(NeuralNet net, Loss loss, DropoutMask[] dropout) {
        this(net, loss, dropout, StepObserver.NONE, io.github.backprop4j.internal.Parallel.defaultThreads());
    }

    TrainingStep(NeuralNet net, Loss loss, DropoutMask[] dropout, StepObserver observer, int threads) {
        this.net = net;
        this.observer = observer;
        this.threads = threads;
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
            a = layers.get(l).forward(a, threads);
            observer.forward(l, layers.get(l));
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
        double[][] gradient = null;
        for (int l = last; l >= 0; l--) {
            LinearLayer layer = layers.get(l);
            double[][] dZ;
            if (l == last && fused != null) {
                // fused: dZ_L = (P − Y)/B straight from the loss, skipping ∂L/∂P and f'(Z_L)
                dZ = layer.preActivationGradientArray();
                fused.logitGradientInto(predicted, target, dZ);
                weighRows(dZ);
            } else {
                if (l == last) {
                    // general: dA_L = ∂L/∂P
                    if (lossGradient == null || !Shapes.same(lossGradient, predicted)) {
                        lossGradient = new double[predicted.length][predicted[0].length];
                    }
                    loss.gradientInto(predicted, target, lossGradient);
                    gradient = weighRows(lossGradient);
                } else if (dropout[l] != null) {
                    // dA_l = dÃ_l ⊙ M / (1 − p)
                    gradient = dropout[l].backward(gradient);
                }
                observer.outputGradient(l, gradient);
                // dZ_l = dA_l ⊙ f'(Z_l), the activation's chain rule
                dZ = layer.activationGradient(gradient);
            }
            observer.preActivationGradient(l, dZ, l == last && fused != null);
            // dW, db to the optimizer; dA_(l−1) = dZ_l · W_lᵀ, except for the first layer, whose dA_0 = ∂L/∂X
            // would be the gradient for the data itself, which training never uses
            gradient = layer.backwardFromPreActivation(dZ, optimizer, learningRate, l > 0, threads);
            observer.inputGradient(l, gradient);
        }
        predicted = null;
        target = null;
    }

    /** The target {@code Y} of the last forward pass, until {@link #backward}. */
    double[][] target() {
        return target;
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
