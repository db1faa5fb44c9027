package io.github.backprop4j.activation;

/**
 * Logistic sigmoid, {@code σ(z) = 1 / (1 + e^(−z))}, with {@code σ'(z) = σ(z)(1 − σ(z))}.
 *
 * <p>Output in {@code (0, 1)}. Its derivative is at most 0.25, so deep stacks of sigmoids pass
 * back ever smaller gradients; prefer {@link ReLU} or {@link Tanh} for hidden layers of deep nets.
 *
 * <pre>{@code new LinearLayer(2, 4, new Sigmoid())}</pre>
 */
public final class Sigmoid extends ElementwiseActivation {

    /** Creates the (stateless) sigmoid activation. */
    public Sigmoid() {
    }

    @Override
    protected double value(double z) {
        // σ(z) = 1 / (1 + e^(−z)); for z < 0 the form e^z / (1 + e^z) avoids overflow of e^(−z).
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    protected double derivative(double z, double a) {
        // σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)
        return a * (1.0 - a);
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
