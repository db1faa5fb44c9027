package io.github.backprop4j.loss;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

/**
 * Categorical cross-entropy for class probabilities, {@code L = −(1/B) Σ_i Σ_k Y_ik · log P_ik},
 * with gradient {@code ∂L/∂P_ik = −Y_ik / (B · P_ik)}.
 *
 * <p>{@code P} is the output of a {@link io.github.backprop4j.activation.Softmax} layer and
 * {@code Y} the one-hot targets (soft targets whose rows sum to 1 work too); {@code B} is the
 * batch size. Probabilities are clipped from below at {@link #EPSILON} before the log and the
 * division, so a probability that underflowed to 0 gives a large but finite loss, never
 * {@code Infinity} or {@code NaN}.
 *
 * <pre>{@code
 * double l = new CategoricalCrossEntropy().value(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0}});
 * // l = −log 0.5 ≈ 0.693
 * }</pre>
 */
public final class CategoricalCrossEntropy implements Loss {

    /** The smallest probability fed to {@code log}: {@code −log(1e-15) ≈ 34.5} caps a sample's loss. */
    public static final double EPSILON = 1e-15;

    /** Creates the (stateless) loss. */
    public CategoricalCrossEntropy() {
    }

    @Override
    public double value(double[][] predicted, double[][] target) {
        checkShapes("value", predicted, target);
        double sum = 0.0;
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                if (target[i][k] != 0.0) {
                    // L += −Y_ik · log(max(P_ik, ε))
                    sum -= target[i][k] * Math.log(Math.max(predicted[i][k], EPSILON));
                }
            }
        }
        // mean over the batch: L = (1/B) Σ_i L_i
        return sum / predicted.length;
    }

    @Override
    public double[][] gradient(double[][] predicted, double[][] target) {
        checkShapes("gradient", predicted, target);
        double batch = predicted.length;
        double[][] grad = new double[predicted.length][predicted[0].length];
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                // ∂L/∂P_ik = −Y_ik / (B · max(P_ik, ε))
                grad[i][k] = -target[i][k] / (batch * Math.max(predicted[i][k], EPSILON));
            }
        }
        return grad;
    }

    private static void checkShapes(String method, double[][] predicted, double[][] target) {
        Matrices.checkMatrix(predicted, "CategoricalCrossEntropy." + method + ": predicted");
        Matrices.checkMatrix(target, "CategoricalCrossEntropy." + method + ": target");
        checkArgument(Matrices.shape(predicted).equals(Matrices.shape(target)),
                "CategoricalCrossEntropy.%s: predicted %s and target %s must have the same shape",
                method, Matrices.shape(predicted), Matrices.shape(target));
    }

    @Override
    public String toString() {
        return "CategoricalCrossEntropy";
    }
}
