package io.github.backprop4j.optim;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

/**
 * Plain stochastic gradient descent, {@code θ ← θ − η · ∂L/∂θ}, with learning rate {@code η}.
 *
 * <p>Stateless. See Robbins &amp; Monro, "A Stochastic Approximation Method" (1951).
 *
 * <pre>{@code
 * net.fit(x, labels, new TrainingConfig(new Sgd(0.05), 200, 16, 42L));
 * }</pre>
 */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /**
     * @param learningRate {@code η}, finite and &gt; 0
     */
    public Sgd(double learningRate) {
        checkArgument(learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be finite and > 0, got %s", learningRate);
        this.learningRate = learningRate;
    }

    /** The learning rate {@code η}. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void update(double[][] parameter, double[][] gradient) {
        Matrices.checkMatrix(parameter, "Sgd.update: parameter");
        Matrices.checkMatrix(gradient, "Sgd.update: gradient");
        checkArgument(Matrices.shape(parameter).equals(Matrices.shape(gradient)),
                "Sgd.update: parameter %s and gradient %s must have the same shape",
                Matrices.shape(parameter), Matrices.shape(gradient));
        for (int i = 0; i < parameter.length; i++) {
            double[] p = parameter[i];
            double[] g = gradient[i];
            for (int j = 0; j < p.length; j++) {
                // θ ← θ − η · ∂L/∂θ
                p[j] -= learningRate * g[j];
            }
        }
    }

    @Override
    public String toString() {
        return "Sgd(learningRate=" + learningRate + ")";
    }
}
