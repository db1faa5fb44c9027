package io.github.backprop4j.optim;

import java.util.List;

/**
 * RMSProp: {@code s ← ρ·s + (1−ρ)·g²}, then {@code θ ← θ − η·g / (√s + ε)}, with {@code g = ∂L/∂θ}
 * and the mean square {@code s} starting at 0.
 *
 * <p>Each parameter's step is scaled by a running root-mean-square of its own gradients, so
 * parameters with large gradients take smaller steps. Tieleman &amp; Hinton, "Lecture 6.5 —
 * RMSProp: divide the gradient by a running average of its recent magnitude", COURSERA: Neural
 * Networks for Machine Learning (2012).
 *
 * <pre>{@code
 * Optimizer rms = new RmsProp(0.001);   // ρ = 0.9, ε = 1e-7, as Keras
 * }</pre>
 *
 * @param learningRate {@code η}, finite and &gt; 0
 * @param rho          {@code ρ}, the decay of the mean square, in {@code [0, 1)}
 * @param epsilon      {@code ε}, added to the root mean square, finite and &gt; 0
 */
public record RmsProp(double learningRate, double rho, double epsilon) implements Optimizer {

    /**
     * Validates the settings.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param rho {@code ρ}, the decay of the mean square, in {@code [0, 1)}
     * @param epsilon {@code ε}, added to the root mean square, finite and &gt; 0
     */
    public RmsProp {
        Updates.checkLearningRate(learningRate);
        Updates.checkDecay("rho", rho);
        Updates.checkEpsilon(epsilon);
    }

    /**
     * Keras' defaults: stands for {@code new RmsProp(learningRate, 0.9, 1e-7)}.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     */
    public RmsProp(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    /** One buffer, {@code meanSquare}. */
    @Override
    public OptimizerState newState(int rows, int columns) {
        return new OptimizerState(this, List.of("meanSquare"), rows, columns);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        Updates.check(this, parameter, gradient, learningRate);
        OptimizerState state = parameter.state(this);
        state.advance();
        double[][] meanSquare = state.bufferFrom("meanSquare");
        double[][] nextMeanSquare = state.buffer("meanSquare");   // the same arrays, unless the engine buffers the step
        double[][] theta = parameter.from();
        double[][] next = parameter.values();
        for (int i = 0; i < theta.length; i++) {
            double[] p = theta[i];
            double[] q = next[i];
            double[] g = gradient[i];
            double[] s = meanSquare[i];
            double[] t = nextMeanSquare[i];
            for (int j = 0; j < p.length; j++) {
                // s ← ρ·s + (1−ρ)·g²
                t[j] = rho * s[j] + (1 - rho) * g[j] * g[j];
                // θ ← θ − η·g / (√s + ε)
                q[j] = p[j] - learningRate * g[j] / (Math.sqrt(t[j]) + epsilon);
            }
        }
    }

    /** {@return every setting of the record, by its component's name} */
    @Override
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of("learningRate", learningRate, "rho", rho, "epsilon", epsilon);
    }
}
