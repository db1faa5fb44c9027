package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;

/**
 * One step of gradient descent on one batch, in two halves: {@link #forward} (the forward pass,
 * with dropout where configured, and the loss) and the reverse walk, either {@link #backward}
 * (each layer's {@code backward}: its gradient step, then the optimizer's update of its {@code W}
 * and {@code b}) or {@link #gradients} (the gradient steps alone, into the caller's arrays).
 *
 * <p>When the loss is a {@link LogitLoss} paired with the last layer's activation (softmax with
 * categorical cross-entropy, sigmoid with binary cross-entropy) the step takes the fused path: the
 * loss from the logits and {@code dZ = (P − Y)/B}. Otherwise it takes the general path,
 * {@code ∂L/∂P} then the activation's chain rule. Row weights (from class weights) scale each
 * row's loss and so its row of the gradient.
 */
public final class TrainingStep {

    /** What the reverse walk does with a layer once its {@code dZ} is known. */
    private interface LayerEnd {
        double[][] apply(int l, LinearLayer layer, double[][] dZ, boolean inputGradient);
    }

    private static final LayerAccess HOOKS = LayerAccess.get();

    private final List<LinearLayer> layers;
    private final Loss loss;
    private final LogitLoss fused;          // the loss, when it is fused with the output activation; else null
    private final DropoutMask[] dropout;    // per layer, null where there is none
    private final StepObserver observer;    // sees every matrix of the step; StepObserver.NONE when training
    private final int maxThreads;           // the most threads a step is shared among
    private int threads;                    // the threads of the current step: fewer for a small one
    private double[][] lossGradient;        // dA_L on the general path, reused while the batch size stays
    private double[][] predicted;
    private double[][] target;
    private double[] rowWeights;

    /**
     * A step over {@code layers}.
     *
     * @param layers   the network's layers, first to last
     * @param loss     the loss
     * @param dropout  per layer, null where there is none
     * @param observer sees every matrix; {@link StepObserver#NONE} when training
     * @param threads  at most this many threads for a step; a small step takes fewer
     *                 ({@link io.github.backprop4j.internal.Parallel#threadsForStep})
     */
    public TrainingStep(List<LinearLayer> layers, Loss loss, DropoutMask[] dropout, StepObserver observer, int threads) {
        this.layers = layers;
        this.observer = observer;
        this.maxThreads = threads;
        this.threads = 1;
        this.loss = loss;
        this.dropout = dropout;
        LinearLayer output = layers.get(layers.size() - 1);
        this.fused = loss instanceof LogitLoss logitLoss && logitLoss.pairsWith(output.activation()) ? logitLoss : null;
    }

    /**
     * A step without dropout or observer.
     *
     * @param layers the network's layers
     * @param loss the loss
     * @param threads at most this many threads
     */
    public TrainingStep(List<LinearLayer> layers, Loss loss, int threads) {
        this(layers, loss, new DropoutMask[layers.size()], StepObserver.NONE, threads);
    }

    /** {@return the threads of the step since the last forward: the most allowed, fewer for a small step} */
    public int threads() {
        return threads;
    }

    /** {@return whether the loss is fused with the output activation} */
    public boolean isFused() {
        return fused != null;
    }

    /**
     * The forward pass and the loss.
     *
     * @param x          {@code X [B × inputs]}, kept until the reverse walk
     * @param y          the targets {@code Y [B × outputs]}, kept until the reverse walk
     * @param rowWeights per-row loss weights, or null
     * @return the batch's loss
     */
    public double forward(double[][] x, double[][] y, double[] rowWeights) {
        threads = io.github.backprop4j.internal.Parallel.threadsForStep(forwardWork(x.length), maxThreads);
        double[][] a = x;
        for (int l = 0; l < layers.size(); l++) {
            a = HOOKS.forward(layers.get(l), a, threads);
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
            return fused.valueFromLogits(HOOKS.cachedPreActivation(outputLayer()), y);
        }
        // general: L = loss(P, Y)
        return loss.value(predicted, y);
    }

    /** {@return the multiply-adds of a forward pass over {@code rows} rows, {@code B · Σ inputs · outputs}} */
    private long forwardWork(int rows) {
        long perRow = 0;
        for (LinearLayer layer : layers) {
            perRow += (long) layer.inputs() * layer.outputs();
        }
        return rows * perRow;
    }

    /** {@code L = (1/B) Σᵢ wᵢ·Lᵢ}: each row's loss weighted by its class weight. */
    private double weightedValue() {
        double[][] z = HOOKS.cachedPreActivation(outputLayer());
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double[][] yi = {target[i]};
            double li = fused != null ? fused.valueFromLogits(new double[][] {z[i]}, yi)
                    : loss.value(new double[][] {predicted[i]}, yi);
            sum += rowWeights[i] * li;
        }
        return sum / predicted.length;
    }

    /**
     * The reverse walk of training: each layer's backward, from the last to the first, computes its
     * gradients and has {@code optimizer} update its {@code W} and {@code b}.
     *
     * @param optimizer    the update rule
     * @param learningRate {@code η} of this step
     */
    public void backward(Optimizer optimizer, double learningRate) {
        walk((l, layer, dZ, inputGradient) -> HOOKS.backward(layer, dZ, optimizer, learningRate, inputGradient, threads));
    }

    /**
     * The reverse walk without updates: each layer's gradients into the caller's arrays, in the
     * parameter order (layer 0 {@code dW}, layer 0 {@code db}, layer 1 {@code dW}, ...).
     *
     * @param into one array per parameter, of its shape; overwritten
     */
    public void gradients(double[][][] into) {
        walk((l, layer, dZ, inputGradient) -> HOOKS.gradients(layer, dZ, into[2 * l], into[2 * l + 1], inputGradient, threads));
    }

    private void walk(LayerEnd end) {
        int last = layers.size() - 1;
        double[][] gradient = null;
        for (int l = last; l >= 0; l--) {
            LinearLayer layer = layers.get(l);
            double[][] dZ;
            if (l == last && fused != null) {
                // fused: dZ_L = (P − Y)/B straight from the loss, skipping ∂L/∂P and f'(Z_L)
                dZ = HOOKS.preActivationGradientArray(layer);
                fused.logitGradientInto(predicted, target, dZ);
                weighRows(dZ);
            } else {
                if (l == last) {
                    // general: dA_L = ∂L/∂P
                    if (lossGradient == null || lossGradient.length != predicted.length
                            || lossGradient[0].length != predicted[0].length) {
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
                dZ = HOOKS.activationGradient(layer, gradient, threads);
            }
            observer.preActivationGradient(l, dZ, l == last && fused != null);
            // dW, db; dA_(l−1) = dZ_l · W_lᵀ, except for the first layer, whose dA_0 = ∂L/∂X
            // would be the gradient for the data itself, which training never uses
            gradient = end.apply(l, layer, dZ, l > 0);
            observer.inputGradient(l, gradient);
        }
        predicted = null;
        target = null;
    }

    /** {@return the targets of the batch since the last forward, or null after the walk} */
    public double[][] target() {
        return target;
    }

    /** {@return the output of the last forward, until the reverse walk} */
    public double[][] predicted() {
        return predicted;
    }

    private double[][] weighRows(double[][] gradient) {
        if (rowWeights != null) {
            for (int i = 0; i < gradient.length; i++) {
                for (int k = 0; k < gradient[i].length; k++) {
                    // row i of ∂L/∂(·) scaled by its weight wᵢ
                    gradient[i][k] *= rowWeights[i];
                }
            }
        }
        return gradient;
    }

    private LinearLayer outputLayer() {
        return layers.get(layers.size() - 1);
    }
}
