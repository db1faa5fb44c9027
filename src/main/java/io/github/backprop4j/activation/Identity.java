package io.github.backprop4j.activation;

/**
 * The identity, {@code f(z) = z}, with {@code f'(z) = 1}: a purely linear layer, e.g. the output
 * of a regression network.
 *
 * <pre>{@code new LinearLayer(8, 1, new Identity())}</pre>
 */
public final class Identity extends ElementwiseActivation {

    /** Creates the (stateless) identity activation. */
    public Identity() {
    }

    @Override
    protected double value(double z) {
        return z;
    }

    @Override
    protected double derivative(double z, double a) {
        return 1.0;
    }

    @Override
    public String toString() {
        return "Identity";
    }
}
