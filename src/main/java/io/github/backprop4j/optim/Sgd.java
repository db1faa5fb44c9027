package io.github.backprop4j.optim;

/**
 * Plain stochastic gradient descent, {@code θ ← θ − η · ∂L/∂θ}, with learning rate {@code η}.
 *
 * <p>No state. See Robbins &amp; Monro, "A Stochastic Approximation Method" (1951).
 *
 * <pre>{@code
 * net.fit(x, labels, TrainingConfig.sgd(0.05, 200, 16, 42L));
 * }</pre>
 *
 * @param learningRate {@code η}, finite and &gt; 0
 */
public record Sgd(double learningRate) implements Optimizer {

    /**
     * Validates the learning rate.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     */
    public Sgd {
        Updates.checkLearningRate(learningRate);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        update(parameter, gradient, learningRate, 1);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate, int threads) {
        Updates.check(this, parameter, gradient, learningRate);
        parameter.state(this).advance();
        double[][] theta = parameter.from();
        double[][] next = parameter.values();     // theta itself, unless the engine buffers the step
        Updates.forRows(parameter, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] p = theta[i];
                double[] q = next[i];
                double[] g = gradient[i];
                for (int j = 0; j < p.length; j++) {
                    // θ ← θ − η · ∂L/∂θ
                    q[j] = p[j] - learningRate * g[j];
                }
            }
        });
    }

    /** {@return every setting of the record, by its component's name} */
    @Override
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of("learningRate", learningRate);
    }
}
