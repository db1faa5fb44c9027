package io.github.backprop4j.optim;

/**
 * An update rule for parameters: given a parameter and the gradient of the loss with respect to
 * it, changes the parameter in place. The rule and any state it keeps (momentum, moment
 * estimates) live here, not in the layers.
 *
 * <p>Call order: during each training step every layer, walking from the last to the first,
 * calls {@link #update} once for its weights and once for its bias, right after computing their
 * gradients. A stateful optimizer keeps its state per parameter array (by identity), so one
 * instance serves a whole network; do not share one instance between two networks being trained.
 *
 * <pre>{@code
 * Optimizer sgd = new Sgd(0.05);
 * sgd.update(weights, weightGradient);   // weights modified
 * }</pre>
 */
public interface Optimizer {

    /**
     * Applies one update step to {@code parameter}.
     *
     * @param parameter the parameter, {@code [rows × columns]}, modified in place
     * @param gradient  {@code ∂L/∂parameter}, same shape, not modified
     * @throws IllegalArgumentException if the shapes differ
     */
    void update(double[][] parameter, double[][] gradient);
}
