package io.github.backprop4j.loss;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Sigmoid;
import java.util.Optional;

/**
 * Binary cross-entropy for one probability per sample,
 * {@code L = −(1/B) Σ_i [y_i·log p_i + (1 − y_i)·log(1 − p_i)]}, with gradient
 * {@code ∂L/∂p_i = (p_i − y_i) / (B·p_i·(1 − p_i))}; paired with one {@link Sigmoid} output unit.
 *
 * <p>Labels are 0 or 1, and the network predicts class 1 where {@code p ≥ 0.5}. Training computes
 * the loss from the logit {@code z}, {@code L_i = max(z, 0) − z·y + log(1 + e^(−|z|))}, which is
 * exact for any finite {@code z}, with {@code dZ = (p − y)/B} ({@link LogitLoss}). The probability
 * form {@link #value} clips {@code p} into {@code [ε, 1 − ε]} with {@link #EPSILON}.
 *
 * <pre>{@code
 * NeuralNet net = new NeuralNet(new LinearLayer(2, 8, new ReLU()), new LinearLayer(8, 1, new Sigmoid()));
 * net.fit(x, labels01, TrainingConfig.builder().optimizer(new Adam()).loss(new BinaryCrossEntropy())
 *         .epochs(200).batchSize(32).seed(1L).build());
 * }</pre>
 */
public record BinaryCrossEntropy() implements LogitLoss {

    /** How far {@link #value} keeps {@code p} from 0 and 1 before taking logs. */
    public static final double EPSILON = 1e-15;

    @Override
    public double value(double[][] predicted, double[][] target) {
        Losses.checkShapes(this, "value", predicted, target);
        double sum = 0.0;
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                double p = Math.min(Math.max(predicted[i][k], EPSILON), 1 - EPSILON);
                double y = target[i][k];
                // L += −[y·log p + (1 − y)·log(1 − p)]
                sum -= y * Math.log(p) + (1 - y) * Math.log1p(-p);
            }
        }
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
                double p = Math.min(Math.max(predicted[i][k], EPSILON), 1 - EPSILON);
                // ∂L/∂p = (p − y) / (B·p·(1 − p))
                out[i][k] = (p - target[i][k]) / (batch * p * (1 - p));
            }
        }
    }

    @Override
    public boolean pairsWith(Activation outputActivation) {
        return outputActivation instanceof Sigmoid;
    }

    @Override
    public double valueFromLogits(double[][] logits, double[][] target) {
        Losses.checkShapes(this, "valueFromLogits", logits, target);
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            for (int k = 0; k < logits[i].length; k++) {
                double z = logits[i][k];
                // L_i = −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^(−|z|))
                sum += Math.max(z, 0) - z * target[i][k] + Math.log1p(Math.exp(-Math.abs(z)));
            }
        }
        return sum / logits.length;
    }

    /** Needs exactly one {@link Sigmoid} output unit. */
    @Override
    public Optional<String> mismatch(Activation outputActivation, int outputs) {
        if (outputActivation instanceof Sigmoid && outputs == 1) {
            return Optional.empty();
        }
        return Optional.of("binary cross-entropy needs exactly one Sigmoid output unit (the probability of class 1);"
                + " end the network with new LinearLayer(n, 1, new Sigmoid()), or for 2 or more Softmax"
                + " outputs use new CategoricalCrossEntropy()");
    }

    /** A column of the labels, each 0 or 1. */
    @Override
    public double[][] targetsForLabels(int[] labels, int outputs) {
        double[][] y = new double[labels.length][1];
        for (int i = 0; i < labels.length; i++) {
            checkArgument(labels[i] == 0 || labels[i] == 1,
                    "labels[%d] is %d; binary cross-entropy takes labels 0 or 1", i, labels[i]);
            y[i][0] = labels[i];
        }
        return y;
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropy";
    }
}
