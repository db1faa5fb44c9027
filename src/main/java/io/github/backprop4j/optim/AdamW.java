package io.github.backprop4j.optim;

import java.util.List;

/**
 * Adam with decoupled weight decay: first {@code θ ← θ − η·λ·θ} (weights only, never biases), then
 * the {@link Adam} step. Unlike an L2 term added to the loss, the decay here is not divided by
 * Adam's {@code √v̂}, so every weight shrinks at the same rate.
 *
 * <p>Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019). The defaults
 * are PyTorch's {@code AdamW}; unlike PyTorch, biases are never decayed.
 *
 * <pre>{@code
 * Optimizer adamW = new AdamW();        // η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01
 * }</pre>
 *
 * @param learningRate {@code η}, finite and &gt; 0
 * @param beta1        {@code β₁}, in {@code [0, 1)}
 * @param beta2        {@code β₂}, in {@code [0, 1)}
 * @param epsilon      {@code ε}, finite and &gt; 0
 * @param weightDecay  {@code λ}, finite and &gt;= 0; {@code η·λ} must be below 1
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements Optimizer {

    /**
     * Validates the settings.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param beta1 {@code β₁}, in {@code [0, 1)}
     * @param beta2 {@code β₂}, in {@code [0, 1)}
     * @param epsilon {@code ε}, finite and &gt; 0
     * @param weightDecay {@code λ}, finite and &gt;= 0; {@code η·λ} must be below 1
     */
    public AdamW {
        Updates.checkLearningRate(learningRate);
        Updates.checkDecay("beta1", beta1);
        Updates.checkDecay("beta2", beta2);
        Updates.checkEpsilon(epsilon);
        Updates.checkDecay("learningRate * weightDecay", learningRate * weightDecay);
    }

    /** PyTorch's defaults: stands for {@code new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01)}. */
    public AdamW() {
        this(Adam.DEFAULT_LEARNING_RATE, 0.01);
    }

    /**
     * Stands for {@code new AdamW(learningRate, 0.9, 0.999, 1e-8, weightDecay)}.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param weightDecay the L2 penalty on weights
     */
    public AdamW(double learningRate, double weightDecay) {
        this(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** Two buffers, {@code m} and {@code v}. */
    @Override
    public OptimizerState newState(int rows, int columns) {
        return new OptimizerState(this, List.of("m", "v"), rows, columns);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        Updates.check(this, parameter, gradient, learningRate);
        double[][] theta = parameter.from();
        double[][] next = parameter.values();     // theta itself, unless the engine buffers the step
        if (parameter.role() == Parameter.Role.WEIGHTS) {
            // θ ← θ − η·λ·θ = (1 − η·λ)·θ
            double keep = 1 - learningRate * weightDecay;
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    next[i][j] = theta[i][j] * keep;
                }
            }
            theta = next;
        }
        AdamStep.apply(theta, next, gradient, parameter.state(this), learningRate, beta1, beta2, epsilon, 1);
    }

    /** {@return every setting of the record, by its component's name} */
    @Override
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of("learningRate", learningRate, "beta1", beta1, "beta2", beta2, "epsilon", epsilon, "weightDecay", weightDecay);
    }
}
