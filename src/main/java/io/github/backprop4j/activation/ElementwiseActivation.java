package io.github.backprop4j.activation;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

/**
 * Base of the activations that act on each entry alone, {@code A[i][j] = f(Z[i][j])}; a subclass
 * gives {@code f} and {@code f'}, this class applies them and the chain rule
 * {@code dZ = dA ⊙ f'(Z)}.
 */
public abstract class ElementwiseActivation implements Activation {

    /** Constructor for subclasses. */
    protected ElementwiseActivation() {
    }

    /** The function itself, {@code f(z)}. */
    protected abstract double value(double z);

    /**
     * The derivative {@code f'(z)}; {@code a = f(z)} is passed too, since several derivatives are
     * cheaper to write with it (sigmoid: {@code a(1 − a)}).
     */
    protected abstract double derivative(double z, double a);

    @Override
    public final double[][] forward(double[][] z) {
        Matrices.checkMatrix(z, toString() + ".forward: Z");
        double[][] a = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = value(z[i][j]);
            }
        }
        return a;
    }

    @Override
    public final double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
        checkBackwardShapes(toString(), z, a, outputGradient);
        double[][] dz = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < dz[i].length; j++) {
                // dZ = dA ⊙ f'(Z)
                dz[i][j] = outputGradient[i][j] * derivative(z[i][j], a[i][j]);
            }
        }
        return dz;
    }

    static void checkBackwardShapes(String name, double[][] z, double[][] a, double[][] outputGradient) {
        Matrices.checkMatrix(z, name + ".backward: Z");
        Matrices.checkMatrix(a, name + ".backward: A");
        Matrices.checkMatrix(outputGradient, name + ".backward: dA");
        String zs = Matrices.shape(z);
        checkArgument(zs.equals(Matrices.shape(a)) && zs.equals(Matrices.shape(outputGradient)),
                "%s.backward: Z %s, A %s and dA %s must have the same shape",
                name, zs, Matrices.shape(a), Matrices.shape(outputGradient));
    }
}
