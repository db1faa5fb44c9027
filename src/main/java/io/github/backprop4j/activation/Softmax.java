package io.github.backprop4j.activation;

import io.github.backprop4j.math.Matrices;

/**
 * Softmax over each row, {@code a_k = e^(z_k) / Σ_j e^(z_j)}: turns a row of scores into class
 * probabilities that are positive and sum to 1.
 *
 * <p>Forward subtracts the row maximum before exponentiating ({@code softmax(z) = softmax(z − c)}
 * for any constant {@code c}), so large scores never overflow: softmax of {@code [1000, 1000]} is
 * {@code [0.5, 0.5]}. Backward is the true Jacobian-vector product,
 * {@code dZ_k = a_k (dA_k − Σ_j dA_j a_j)}, so it is correct with any loss. With categorical
 * cross-entropy it reduces to {@code dZ = (A − Y) / batch}; training takes that shortcut from the
 * logits directly ({@link io.github.backprop4j.loss.LogitLoss}), because this general path loses
 * the gradient once a probability underflows (see docs/backprop.md).
 *
 * <pre>{@code new LinearLayer(5, 3, new Softmax())}</pre>
 */
public final class Softmax implements Activation {

    /** Creates the (stateless) softmax activation. */
    public Softmax() {
    }

    @Override
    public double[][] forward(double[][] z) {
        Matrices.checkMatrix(z, "Softmax.forward: Z");
        double[][] a = new double[z.length][z[0].length];
        forwardInto(z, a);
        return a;
    }

    @Override
    public void forwardInto(double[][] z, double[][] out) {
        if (!ElementwiseActivation.sameShape(z, out)) {
            ElementwiseActivation.checkSameShape("Softmax.forwardInto", z, out);
        }
        for (int i = 0; i < z.length; i++) {
            softmaxRow(z[i], out[i]);
        }
    }

    private static void softmaxRow(double[] z, double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0.0;
        for (int k = 0; k < z.length; k++) {
            // e^(z_k − max z): the largest term is e^0 = 1, so nothing overflows
            a[k] = Math.exp(z[k] - max);
            sum += a[k];
        }
        for (int k = 0; k < z.length; k++) {
            a[k] /= sum;
        }
    }

    @Override
    public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
        ElementwiseActivation.checkBackwardShapes("Softmax", z, a, outputGradient);
        double[][] dz = new double[a.length][a[0].length];
        backwardInto(z, a, outputGradient, dz);
        return dz;
    }

    @Override
    public void backwardInto(double[][] z, double[][] a, double[][] outputGradient, double[][] out) {
        if (!ElementwiseActivation.sameShape(z, a) || !ElementwiseActivation.sameShape(z, outputGradient)) {
            ElementwiseActivation.checkBackwardShapes("Softmax", z, a, outputGradient);
        }
        if (!ElementwiseActivation.sameShape(z, out)) {
            ElementwiseActivation.checkSameShape("Softmax.backwardInto", z, out);
        }
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] dai = outputGradient[i];
            // s = Σ_j dA_j a_j
            double s = 0.0;
            for (int j = 0; j < ai.length; j++) {
                s += dai[j] * ai[j];
            }
            // dZ_k = Σ_j dA_j ∂a_j/∂z_k = Σ_j dA_j a_j (δ_jk − a_k) = a_k (dA_k − s)
            double[] dzi = out[i];
            for (int k = 0; k < ai.length; k++) {
                dzi[k] = ai[k] * (dai[k] - s);
            }
        }
    }

    @Override
    public String toString() {
        return "Softmax";
    }
}
