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

    /**
     * {@return the function itself, {@code f(z)}}
     *
     * @param z the input
     */
    protected abstract double value(double z);

    /**
     * The derivative {@code f'(z)}; {@code a = f(z)} is passed too, since several derivatives are
     * cheaper to write with it (sigmoid: {@code a(1 − a)}).
     *
     * @param z the input
     * @param a {@code f(z)}
     * @return {@code f'(z)}
     */
    protected abstract double derivative(double z, double a);

    @Override
    public final double[][] forward(double[][] z) {
        Matrices.checkMatrix(z, toString() + ".forward: Z");
        double[][] a = new double[z.length][z[0].length];
        forwardInto(z, a);
        return a;
    }

    @Override
    public final void forwardInto(double[][] z, double[][] out) {
        if (!sameShape(z, out)) {
            checkSameShape(toString() + ".forwardInto", z, out);
        }
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] ai = out[i];
            for (int j = 0; j < zi.length; j++) {
                // A = f(Z)
                ai[j] = value(zi[j]);
            }
        }
    }

    @Override
    public final double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
        checkBackwardShapes(toString(), z, a, outputGradient);
        double[][] dz = new double[z.length][z[0].length];
        backwardInto(z, a, outputGradient, dz);
        return dz;
    }

    @Override
    public final void backwardInto(double[][] z, double[][] a, double[][] outputGradient, double[][] out) {
        if (!sameShape(z, a) || !sameShape(z, outputGradient)) {
            checkBackwardShapes(toString(), z, a, outputGradient);
        }
        if (!sameShape(z, out)) {
            checkSameShape(toString() + ".backwardInto", z, out);
        }
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] ai = a[i];
            double[] gi = outputGradient[i];
            double[] di = out[i];
            for (int j = 0; j < zi.length; j++) {
                // dZ = dA ⊙ f'(Z)
                di[j] = gi[j] * derivative(zi[j], ai[j]);
            }
        }
    }

    /** Whether {@code a} and {@code b} are non-empty rectangular matrices of one shape; allocates nothing. */
    static boolean sameShape(double[][] a, double[][] b) {
        if (a == null || b == null || a.length == 0 || a.length != b.length || a[0] == null) {
            return false;
        }
        int columns = a[0].length;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null || a[i].length != columns || b[i].length != columns) {
                return false;
            }
        }
        return columns > 0;
    }

    static void checkSameShape(String where, double[][] in, double[][] out) {
        Matrices.checkMatrix(in, where + ": input");
        Matrices.checkMatrix(out, where + ": out");
        checkArgument(in.length == out.length && in[0].length == out[0].length,
                "%s: input %s and out %s must have the same shape", where, Matrices.shape(in), Matrices.shape(out));
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
