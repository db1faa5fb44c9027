package io.github.backprop4j.optim;

import java.util.List;

/**
 * Adam: {@code m ← β₁·m + (1−β₁)·g}, {@code v ← β₂·v + (1−β₂)·g²}, then
 * {@code θ ← θ − η·m̂ / (√v̂ + ε)} with the bias-corrected {@code m̂ = m/(1−β₁ᵗ)} and
 * {@code v̂ = v/(1−β₂ᵗ)}, where {@code g = ∂L/∂θ} and {@code t} counts the steps from 1.
 *
 * <p>Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), Algorithm 1. The
 * defaults are the paper's, which PyTorch, Keras and scikit-learn use too. Each parameter's state
 * ({@code m}, {@code v}, {@code t}) persists across calls of {@code fit}, so a second call continues
 * with the moments and bias corrections where the first stopped.
 *
 * <pre>{@code
 * Optimizer adam = new Adam();          // η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8
 * Optimizer fast = new Adam(0.01);
 * }</pre>
 *
 * @param learningRate {@code η}, finite and &gt; 0
 * @param beta1        {@code β₁}, decay of the first moment, in {@code [0, 1)}
 * @param beta2        {@code β₂}, decay of the second moment, in {@code [0, 1)}
 * @param epsilon      {@code ε}, added to {@code √v̂}, finite and &gt; 0
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    /** The paper's default learning rate, 0.001. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;

    /**
     * Validates the settings.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param beta1 {@code β₁}, decay of the first moment, in {@code [0, 1)}
     * @param beta2 {@code β₂}, decay of the second moment, in {@code [0, 1)}
     * @param epsilon {@code ε}, added to {@code √v̂}, finite and &gt; 0
     */
    public Adam {
        Updates.checkLearningRate(learningRate);
        Updates.checkDecay("beta1", beta1);
        Updates.checkDecay("beta2", beta2);
        Updates.checkEpsilon(epsilon);
    }

    /** The paper's defaults: stands for {@code new Adam(0.001, 0.9, 0.999, 1e-8)}. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /**
     * Stands for {@code new Adam(learningRate, 0.9, 0.999, 1e-8)}.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /** Two buffers, {@code m} and {@code v}. */
    @Override
    public OptimizerState newState(int rows, int columns) {
        return new OptimizerState(this, List.of("m", "v"), rows, columns);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        update(parameter, gradient, learningRate, 1);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate, int threads) {
        Updates.check(this, parameter, gradient, learningRate);
        AdamStep.apply(parameter.from(), parameter.values(), gradient, parameter.state(this), learningRate, beta1, beta2,
                epsilon, threads);
    }

    /** {@return every setting of the record, by its component's name} */
    @Override
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of("learningRate", learningRate, "beta1", beta1, "beta2", beta2, "epsilon", epsilon);
    }
}
