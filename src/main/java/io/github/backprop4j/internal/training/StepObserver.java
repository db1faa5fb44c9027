package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;

/**
 * Sees the matrices of one training step as {@link TrainingStep} computes them, for
 * {@code StepTrace}. Every method does nothing by default; the arrays are live and must be
 * copied, not changed.
 */
public interface StepObserver {

    /** Observes nothing: what training uses. */
    StepObserver NONE = new StepObserver() { };

    /**
     * After layer {@code l}'s forward pass: its cached {@code X}, {@code Z} and {@code A}.
     *
     * @param l the layer index
     * @param layer the layer
     */
    default void forward(int l, LinearLayer layer) {
    }

    /**
     * {@code dA_l}, the gradient arriving at layer {@code l}'s output (not called on the fused path's last layer).
     *
     * @param l the layer index
     * @param dA the gradient, live
     */
    default void outputGradient(int l, double[][] dA) {
    }

    /**
     * {@code dZ_l}; {@code fused} when it came straight from the loss as {@code (P − Y)/B}.
     *
     * @param l the layer index
     * @param dZ the gradient, live
     * @param fused whether it came from the fused loss
     */
    default void preActivationGradient(int l, double[][] dZ, boolean fused) {
    }

    /**
     * {@code dA_(l−1)}, the gradient layer {@code l} passes down, or null for the first layer.
     *
     * @param l the layer index
     * @param dAPrevious the gradient, live, or null
     */
    default void inputGradient(int l, double[][] dAPrevious) {
    }
}
