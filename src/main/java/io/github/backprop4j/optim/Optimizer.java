package io.github.backprop4j.optim;

import java.util.List;

/**
 * An update rule: given a {@link Parameter} and the gradient of the loss with respect to it,
 * changes the parameter in place. The rule lives here; whatever it remembers between steps
 * (velocities, moment estimates, the step count) lives in the parameter's {@link OptimizerState},
 * so one optimizer value serves any number of parameters and networks.
 *
 * <p>Implementations are immutable values: equal settings are {@code equals}, and they are safe
 * to share. Call order during a training step: each layer, walking from the last to the first,
 * calls {@link #update} once for its weights and once for its bias, right after computing their
 * gradients. The state is created zeroed by {@link #newState} when a parameter first meets an
 * optimizer of this class, and kept across calls of {@code fit}.
 *
 * <pre>{@code
 * Optimizer adam = new Adam(0.001);
 * adam.update(parameter, gradient);   // parameter.values() modified, its state advanced
 * }</pre>
 */
public interface Optimizer {

    /** {@return the base learning rate {@code η}; a schedule may hand {@link #update} another one} */
    double learningRate();

    /**
     * Fresh, zeroed state for a parameter of the given shape. The default has no buffers; a rule
     * with memory names its buffers, e.g. {@code new OptimizerState(this, List.of("m", "v"), rows, columns)}.
     *
     * @param rows the number of rows
     * @param columns the number of columns
     * @return zeroed state of that shape
     */
    default OptimizerState newState(int rows, int columns) {
        return new OptimizerState(this, List.of(), rows, columns);
    }

    /**
     * Applies one step to {@code parameter} with learning rate {@code learningRate}.
     *
     * @param parameter    modified in place, with its state for this optimizer
     * @param gradient     {@code ∂L/∂θ}, the parameter's shape, not modified
     * @param learningRate {@code η} for this step, finite and &gt; 0
     * @throws IllegalArgumentException if the gradient's shape differs from the parameter's
     */
    void update(Parameter parameter, double[][] gradient, double learningRate);

    /**
     * {@link #update(Parameter, double[][], double)} with its rows shared among up to
     * {@code threads} threads where the rule treats each entry on its own; the result must not
     * depend on {@code threads}. The default ignores {@code threads}.
     *
     * @param parameter the parameter, changed in place, with its state
     * @param gradient {@code ∂L/∂θ}, the parameter's shape; the built-in rules leave it unchanged
     * @param learningRate {@code η}, finite and &gt; 0
     * @param threads at most this many threads, &gt;= 1
     */
    default void update(Parameter parameter, double[][] gradient, double learningRate, int threads) {
        update(parameter, gradient, learningRate);
    }

    /**
     * One step with the base learning rate: {@code update(parameter, gradient, learningRate())}.
     *
     * @param parameter the parameter, changed in place, with its state
     * @param gradient {@code ∂L/∂θ}, the parameter's shape; the built-in rules leave it unchanged
     */
    default void update(Parameter parameter, double[][] gradient) {
        update(parameter, gradient, learningRate());
    }

    /**
     * The numbers that, with its class, make this part again: what a model file saves beside its
     * class's simple name, and what a {@code PartRegistry} factory is given on load. The default:
     * none. A part with settings returns each by name (letters, digits and {@code _}), finite.
     *
     * @return the settings by name
     */
    default java.util.Map<String, Double> settings() {
        return java.util.Map.of();
    }
}
