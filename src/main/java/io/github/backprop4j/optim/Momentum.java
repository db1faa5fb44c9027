package io.github.backprop4j.optim;

import java.util.List;

/**
 * SGD with momentum: {@code v ← μ·v + g}, then {@code θ ← θ − η·v}; with Nesterov's look-ahead,
 * {@code θ ← θ − η·(g + μ·v)}. Here {@code g = ∂L/∂θ} and the velocity {@code v} starts at 0.
 *
 * <p>This is the form PyTorch's {@code SGD(momentum=μ, nesterov=...)} uses. Momentum averages
 * gradients over about {@code 1/(1−μ)} steps, which damps oscillation across a ravine and speeds
 * progress along it. Polyak, "Some methods of speeding up the convergence of iteration methods"
 * (1964); Nesterov momentum as in Sutskever, Martens, Dahl &amp; Hinton, "On the importance of
 * initialization and momentum in deep learning" (ICML 2013).
 *
 * <pre>{@code
 * Optimizer heavyBall = new Momentum(0.01, 0.9, false);
 * Optimizer nesterov  = new Momentum(0.01, 0.9, true);
 * }</pre>
 *
 * @param learningRate {@code η}, finite and &gt; 0
 * @param momentum     {@code μ}, in {@code [0, 1)}
 * @param nesterov     whether to step with Nesterov's look-ahead gradient
 */
public record Momentum(double learningRate, double momentum, boolean nesterov) implements Optimizer {

    /**
     * Validates the settings.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param momentum {@code μ}, in {@code [0, 1)}
     * @param nesterov whether to step with Nesterov's look-ahead gradient
     */
    public Momentum {
        Updates.checkLearningRate(learningRate);
        Updates.checkDecay("momentum", momentum);
    }

    /**
     * Classic momentum 0.9: stands for {@code new Momentum(learningRate, 0.9, false)}.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     */
    public Momentum(double learningRate) {
        this(learningRate, 0.9, false);
    }

    /** One buffer, {@code velocity}. */
    @Override
    public OptimizerState newState(int rows, int columns) {
        return new OptimizerState(this, List.of("velocity"), rows, columns);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        Updates.check(this, parameter, gradient, learningRate);
        OptimizerState state = parameter.state(this);
        state.advance();
        double[][] velocity = state.bufferFrom("velocity");
        double[][] nextVelocity = state.buffer("velocity");   // the same arrays, unless the engine buffers the step
        double[][] theta = parameter.from();
        double[][] next = parameter.values();
        for (int i = 0; i < theta.length; i++) {
            double[] p = theta[i];
            double[] q = next[i];
            double[] g = gradient[i];
            double[] v = velocity[i];
            double[] w = nextVelocity[i];
            for (int j = 0; j < p.length; j++) {
                // v ← μ·v + g
                w[j] = momentum * v[j] + g[j];
                // θ ← θ − η·v, or with Nesterov θ ← θ − η·(g + μ·v)
                q[j] = p[j] - learningRate * (nesterov ? g[j] + momentum * w[j] : w[j]);
            }
        }
    }

    /** {@return every setting of the record, by its component's name (nesterov as 1 or 0)} */
    @Override
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of("learningRate", learningRate, "momentum", momentum, "nesterov", nesterov ? 1.0 : 0.0);
    }
}
