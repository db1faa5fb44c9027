package io.github.backprop4j.activation;

/**
 * A non-linearity {@code A = f(Z)} applied to a layer's pre-activations, with its backward pass.
 *
 * <p>Shapes: {@code Z}, {@code A} and both gradients are {@code [batch × units]}, one row per
 * sample. Implementations are stateless and immutable, so one instance may be shared by several
 * layers and threads: the layer caches {@code Z} and {@code A} from the forward pass and hands
 * them back to {@link #backward}. Training hands a batch over in chunks of rows, on several
 * threads, so a row of the result must depend on the same row of the inputs alone (as for an
 * element-wise function or softmax).
 *
 * <pre>{@code
 * Activation relu = new ReLU();
 * double[][] a  = relu.forward(z);            // A  = max(0, Z)
 * double[][] dz = relu.backward(z, a, da);    // dZ = dA ⊙ [Z > 0]
 * }</pre>
 *
 * <p>A new activation needs only {@link #forward(double[][])} and {@link #backward(double[][],
 * double[][], double[][])}. The {@code ...Into} forms write into an array the caller owns, so a
 * training loop can reuse its buffers; their defaults call the simple forms and copy, and the
 * built-in activations override them to allocate nothing.
 */
public interface Activation {

    /**
     * Computes {@code A = f(Z)}.
     *
     * @param z pre-activations {@code [batch × units]}, not modified
     * @return a new matrix of the same shape
     */
    double[][] forward(double[][] z);

    /**
     * Chain rule through {@code f}: given the incoming gradient {@code dA = ∂L/∂A}, returns
     * {@code dZ = ∂L/∂Z}. For an element-wise {@code f} that is {@code dA ⊙ f'(Z)}; for softmax it
     * is the full Jacobian-vector product.
     *
     * @param z              the pre-activations the forward pass received, not modified
     * @param a              what the forward pass returned for {@code z}, not modified
     * @param outputGradient {@code dA}, same shape as {@code a}, not modified
     * @return a new matrix {@code dZ} of the same shape
     * @throws IllegalArgumentException if the three shapes differ
     */
    double[][] backward(double[][] z, double[][] a, double[][] outputGradient);

    /**
     * {@link #forward(double[][])} into {@code out}: {@code out = f(Z)}.
     *
     * @param z   {@code [batch × units]}, not modified
     * @param out the same shape, modified; may be {@code z} itself
     * @throws IllegalArgumentException if the shapes differ
     */
    default void forwardInto(double[][] z, double[][] out) {
        copyInto(forward(z), out, toString() + ".forwardInto");
    }

    /**
     * {@link #backward(double[][], double[][], double[][])} into {@code out}: {@code out = dZ}.
     *
     * @param out the shape of {@code z}, modified; may be {@code outputGradient} itself
     * @throws IllegalArgumentException if the shapes differ
     * @param z the pre-activations {@code Z [batch × units]}, not modified
     * @param a what {@link #forward} returned for {@code z}, not modified
     * @param outputGradient {@code dA = ∂L/∂A}, the shape of {@code z}, not modified
     */
    default void backwardInto(double[][] z, double[][] a, double[][] outputGradient, double[][] out) {
        copyInto(backward(z, a, outputGradient), out, toString() + ".backwardInto");
    }

    /**
     * Standard deviation for the zero-mean normal initial weights of a layer using this activation.
     * The default is Glorot/Xavier, {@code sqrt(2 / (fanIn + fanOut))}, which keeps the variance of
     * activations and gradients about constant through {@code tanh}- and sigmoid-like units
     * (Glorot &amp; Bengio, 2010).
     *
     * @param fanIn  the layer's number of inputs
     * @param fanOut the layer's number of outputs
     * @return the standard deviation
     */
    default double initialWeightStd(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut));
    }

    /**
     * The numbers that, with its class, make this part again: what a model file saves beside its
     * class's simple name, and what a {@code PartRegistry} factory is given on load. The default:
     * none. A part with settings returns each by name (letters, digits and {@code _}), finite.
     *
     * @return the settings by name
     */
    default java.util.Map<String, Double> settings() {
        return java.util.Map.of();
    }

    private static void copyInto(double[][] result, double[][] out, String where) {
        ElementwiseActivation.checkSameShape(where, result, out);
        for (int i = 0; i < result.length; i++) {
            System.arraycopy(result[i], 0, out[i], 0, result[i].length);
        }
    }
}
