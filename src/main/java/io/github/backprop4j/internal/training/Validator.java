package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.TrainingDivergedException;
import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;
import java.util.List;

/**
 * The loss and accuracy of the layers on rows they do not train on, at the end of each epoch:
 * inference without caches or dropout. With a loss fused to the output activation the loss comes
 * from the logits, as in training.
 */
public final class Validator {

    private static final LayerAccess HOOKS = LayerAccess.get();

    private final List<LinearLayer> layers;
    private final Loss loss;
    private final LogitLoss fused;

    Validator(List<LinearLayer> layers, Loss loss) {
        this.layers = layers;
        this.loss = loss;
        LinearLayer output = layers.get(layers.size() - 1);
        this.fused = loss instanceof LogitLoss logitLoss && logitLoss.pairsWith(output.activation()) ? logitLoss : null;
    }

    /** The mean loss on {@code x}, {@code y}; a non-finite one is divergence. */
    double loss(double[][] x, double[][] y, int epoch) {
        double[][] logits = logits(x);
        double value = fused != null ? fused.valueFromLogits(logits, y) : loss.value(outputLayer().activation().forward(logits), y);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, 0, layers.size() - 1,
                    "the validation loss is " + value + " after the epoch");
        }
        return value;
    }

    /** The fraction of rows whose predicted class is their label. */
    double accuracy(double[][] x, int[] labels) {
        double[][] p = outputLayer().activation().forward(logits(x));
        return countCorrect(p, labels, null, 0) / (double) labels.length;
    }

    /** {@code Z_L} of the last layer for {@code x}: every layer but the last as {@code A = f(X·W + b)}. */
    private double[][] logits(double[][] x) {
        double[][] a = x;
        for (int l = 0; l < layers.size() - 1; l++) {
            LinearLayer layer = layers.get(l);
            a = layer.activation().forward(HOOKS.predictPreActivation(layer, a));
        }
        return HOOKS.predictPreActivation(outputLayer(), a);
    }

    private LinearLayer outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Rows of {@code p} whose class is the label {@code labels[order[begin + i]]} (or {@code labels[i]} without an order). */
    static int countCorrect(double[][] p, int[] labels, int[] order, int begin) {
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            int label = labels[order == null ? i : order[begin + i]];
            correct += classOf(p[i]) == label ? 1 : 0;
        }
        return correct;
    }

    /**
     * The class of one output row: {@code p ≥ 0.5} for a single sigmoid unit, else the arg max
     * (the first on ties).
     *
     * @param p one row of outputs
     * @return the class index
     */
    public static int classOf(double[] p) {
        if (p.length == 1) {
            return p[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
