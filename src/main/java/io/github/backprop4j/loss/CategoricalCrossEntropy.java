package io.github.backprop4j.loss;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import java.util.Optional;

/**
 * Categorical cross-entropy for class probabilities, {@code L = −(1/B) Σ_i Σ_k Y_ik · log P_ik},
 * with gradient {@code ∂L/∂P_ik = −Y_ik / (B · P_ik)}; paired with a {@link Softmax} output.
 *
 * <p>{@code Y} holds one-hot targets (soft targets whose rows sum to 1 work too); {@code B} is the
 * batch size. Training computes it from the logits, {@code L_i = logsumexp(Z_i) − Σ_k Y_ik Z_ik},
 * with {@code dZ = (P − Y)/B} ({@link LogitLoss}), which never saturates. The probability form
 * {@link #value} clips {@code P} from below at {@link #EPSILON}, so a probability that underflowed
 * to 0 gives a large but finite loss, never {@code Infinity} or {@code NaN}.
 *
 * <pre>{@code
 * double l = new CategoricalCrossEntropy().value(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0}});
 * // l = −log 0.5 ≈ 0.693
 * }</pre>
 */
public record CategoricalCrossEntropy() implements LogitLoss {

    /** The smallest probability {@link #value} feeds to {@code log}: {@code −log(1e-15) ≈ 34.5} caps a sample's loss there. */
    public static final double EPSILON = 1e-15;

    @Override
    public double value(double[][] predicted, double[][] target) {
        Losses.checkShapes(this, "value", predicted, target);
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
        return Losses.newGradient(this, predicted, target);
    }

    @Override
    public void gradientInto(double[][] predicted, double[][] target, double[][] out) {
        Losses.checkShapes(this, "gradientInto", predicted, target);
        Losses.checkShapes(this, "gradientInto", predicted, out);
        double batch = predicted.length;
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                // ∂L/∂P_ik = −Y_ik / (B · max(P_ik, ε))
                out[i][k] = -target[i][k] / (batch * Math.max(predicted[i][k], EPSILON));
            }
        }
    }

    @Override
    public boolean pairsWith(Activation outputActivation) {
        return outputActivation instanceof Softmax;
    }

    @Override
    public double valueFromLogits(double[][] logits, double[][] target) {
        Losses.checkShapes(this, "valueFromLogits", logits, target);
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double expSum = 0.0;
            for (double v : z) {
                expSum += Math.exp(v - max);
            }
            // logsumexp(z) = max + log Σ_k e^(z_k − max)
            double logSumExp = max + Math.log(expSum);
            for (int k = 0; k < z.length; k++) {
                if (target[i][k] != 0.0) {
                    // L_i = −Σ_k Y_ik · log softmax(z)_k = Σ_k Y_ik · (logsumexp(z) − z_k)
                    sum += target[i][k] * (logSumExp - z[k]);
                }
            }
        }
        return sum / logits.length;
    }

    /** Needs a {@link Softmax} output with at least two units, one per class. */
    @Override
    public Optional<String> mismatch(Activation outputActivation, int outputs) {
        if (outputActivation instanceof Softmax && outputs >= 2) {
            return Optional.empty();
        }
        if (outputs == 1 && outputActivation instanceof Sigmoid) {
            return Optional.of("categorical cross-entropy needs a Softmax output with one unit per class;"
                    + " for one Sigmoid unit and labels 0/1 use new BinaryCrossEntropy()");
        }
        return Optional.of("categorical cross-entropy needs a Softmax output with one unit per class (at least 2);"
                + " end the network with new LinearLayer(n, classes, new Softmax()), or use new MeanSquaredError()"
                + " for regression");
    }

    /** One-hot rows: {@code Y_ik = 1} where {@code k = labels[i]}. */
    @Override
    public double[][] targetsForLabels(int[] labels, int outputs) {
        double[][] y = new double[labels.length][outputs];
        for (int i = 0; i < labels.length; i++) {
            checkArgument(labels[i] >= 0 && labels[i] < outputs,
                    "labels[%d] is %d, expected a class index in [0, %d) (the last layer has %d outputs)",
                    i, labels[i], outputs, outputs);
            y[i][labels[i]] = 1.0;
        }
        return y;
    }

    @Override
    public String toString() {
        return "CategoricalCrossEntropy";
    }
}
