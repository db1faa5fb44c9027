package io.github.backprop4j.activation;

/**
 * Rectified linear unit, {@code relu(z) = max(0, z)}, with {@code relu'(z) = 1} for {@code z > 0},
 * else 0 (the sub-gradient at 0 is taken as 0).
 *
 * <p>The mask comes from the <em>input</em> {@code Z}, not from the incoming gradient. A unit
 * whose {@code Z} is negative for every sample gets no gradient and stops learning (a "dead"
 * unit); a too-large learning rate makes this common. Layers with ReLU start from He
 * initialisation, {@code std = sqrt(2 / fanIn)} (He et al., 2015).
 *
 * <pre>{@code new LinearLayer(4, 10, new ReLU())}</pre>
 */
public final class ReLU extends ElementwiseActivation {

    /** Creates the (stateless) ReLU activation. */
    public ReLU() {
    }

    @Override
    protected double value(double z) {
        // relu(z) = max(0, z)
        return z > 0 ? z : 0.0;
    }

    @Override
    protected double derivative(double z, double a) {
        // relu'(z) = [z > 0]
        return z > 0 ? 1.0 : 0.0;
    }

    /** He initialisation, {@code sqrt(2 / fanIn)}: keeps activation variance through ReLU layers. */
    @Override
    public double initialWeightStd(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / fanIn);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
