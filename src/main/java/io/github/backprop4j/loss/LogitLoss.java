package io.github.backprop4j.loss;

import io.github.backprop4j.activation.Activation;

/**
 * A loss that is paired with one output activation and, with it, is computed from that layer's
 * pre-activations {@code Z} (the logits): softmax with categorical cross-entropy, sigmoid with
 * binary cross-entropy.
 *
 * <p>For both pairs the algebra collapses to {@code dZ = (P − Y) / B}. Computing it that way is
 * not only shorter: the general path {@code ∂L/∂P} then {@code f'(Z)} divides by a clipped
 * {@code P} and multiplies by {@code P} again, so once a sample's true-class probability
 * underflows its gradient vanishes and a confidently wrong network stops learning. The training
 * step takes this path whenever {@link #pairsWith} the network's last activation (see
 * docs/backprop.md); {@link #value} and {@link #gradient} stay for other uses and for learners.
 *
 * <pre>{@code
 * LogitLoss loss = new CategoricalCrossEntropy();
 * double l = loss.valueFromLogits(z, y);        // log-sum-exp, no clipping
 * double[][] dZ = loss.logitGradient(p, y);     // (P − Y) / B
 * }</pre>
 */
public interface LogitLoss extends Loss {

    /**
     * {@return whether {@code outputActivation} is the activation this loss is fused with}
     *
     * @param outputActivation the last layer's activation
     */
    boolean pairsWith(Activation outputActivation);

    /**
     * The mean loss computed from the logits {@code Z} of the paired activation, stable for any
     * finite {@code Z}.
     *
     * @param logits {@code Z [batch × outputs]}, not modified
     * @param target {@code Y}, same shape, not modified
     * @return the mean loss
     */
    double valueFromLogits(double[][] logits, double[][] target);

    /**
     * {@code dZ = ∂L/∂Z = (P − Y) / B} into {@code out}, where {@code P} is the paired activation
     * of the logits.
     *
     * @param predicted {@code P [batch × outputs]}, not modified
     * @param target    {@code Y}, same shape, not modified
     * @param out       same shape, modified; may be {@code predicted}
     */
    default void logitGradientInto(double[][] predicted, double[][] target, double[][] out) {
        Losses.checkShapes(this, "logitGradientInto", predicted, target);
        Losses.checkShapes(this, "logitGradientInto", predicted, out);
        double batch = predicted.length;
        for (int i = 0; i < predicted.length; i++) {
            double[] p = predicted[i];
            double[] y = target[i];
            double[] d = out[i];
            for (int k = 0; k < p.length; k++) {
                // dZ = (P − Y) / B
                d[k] = (p[k] - y[k]) / batch;
            }
        }
    }

    /**
     * {@link #logitGradientInto} into a new matrix.
     *
     * @param predicted {@code P [batch × outputs]}, not modified
     * @param target {@code Y}, the same shape, not modified
     * @return a new {@code [batch × outputs]} matrix {@code dZ}
     */
    default double[][] logitGradient(double[][] predicted, double[][] target) {
        Losses.checkShapes(this, "logitGradient", predicted, target);
        double[][] out = new double[predicted.length][predicted[0].length];
        logitGradientInto(predicted, target, out);
        return out;
    }
}
