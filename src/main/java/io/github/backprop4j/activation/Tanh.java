package io.github.backprop4j.activation;

/**
 * Hyperbolic tangent, {@code tanh(z)}, with {@code tanh'(z) = 1 − tanh²(z)}.
 *
 * <p>Output in {@code (−1, 1)}, zero-centred, which often trains faster than {@link Sigmoid}.
 *
 * <pre>{@code new LinearLayer(2, 8, new Tanh())}</pre>
 */
public final class Tanh extends ElementwiseActivation {

    /** Creates the (stateless) tanh activation. */
    public Tanh() {
    }

    @Override
    protected double value(double z) {
        return Math.tanh(z);
    }

    @Override
    protected double derivative(double z, double a) {
        // tanh'(z) = 1 − tanh²(z) = 1 − a²
        return 1.0 - a * a;
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
