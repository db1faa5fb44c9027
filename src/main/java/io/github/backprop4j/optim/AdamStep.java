package io.github.backprop4j.optim;

/** The moment update and step that {@link Adam} and {@link AdamW} share. */
final class AdamStep {

    private AdamStep() {
    }

    /** Advances {@code state} ({@code m}, {@code v}, {@code t}) with {@code gradient} and steps {@code theta}. */
    static void apply(double[][] theta, double[][] next, double[][] gradient, OptimizerState state, double learningRate,
            double beta1, double beta2, double epsilon, int threads) {
        long t = state.advance();
        double[][] firstMoment = state.bufferFrom("m");
        double[][] secondMoment = state.bufferFrom("v");
        double[][] nextFirst = state.buffer("m");       // the same arrays, unless the engine buffers the step
        double[][] nextSecond = state.buffer("v");
        // bias corrections 1/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ): the moments start at 0, so early ones are too small
        double correction1 = 1.0 / (1.0 - Math.pow(beta1, t));
        double correction2 = 1.0 / (1.0 - Math.pow(beta2, t));
        io.github.backprop4j.internal.Parallel.forRows(theta.length, threads, 8L * theta.length * theta[0].length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] p = theta[i];
                double[] q = next[i];
                double[] g = gradient[i];
                double[] m = firstMoment[i];
                double[] v = secondMoment[i];
                double[] m2 = nextFirst[i];
                double[] v2 = nextSecond[i];
                for (int j = 0; j < p.length; j++) {
                    // m ← β₁·m + (1−β₁)·g        v ← β₂·v + (1−β₂)·g²
                    m2[j] = beta1 * m[j] + (1 - beta1) * g[j];
                    v2[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                    // θ ← θ − η·m̂ / (√v̂ + ε),   m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
                    q[j] = p[j] - learningRate * (m2[j] * correction1) / (Math.sqrt(v2[j] * correction2) + epsilon);
                }
            }
        });
    }
}
