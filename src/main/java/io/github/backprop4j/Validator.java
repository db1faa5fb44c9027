package io.github.backprop4j;

import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;

/**
 * Evaluates the network on validation rows after an epoch, with the inference path (no dropout,
 * no caches): the loss, from the logits where the loss is fused with the output, and the
 * accuracy.
 */
final class Validator {

    private final NeuralNet net;
    private final Loss loss;
    private final LogitLoss fused;

    Validator(NeuralNet net, Loss loss) {
        this.net = net;
        this.loss = loss;
        LinearLayer output = net.layers().get(net.layers().size() - 1);
        this.fused = loss instanceof LogitLoss logitLoss && logitLoss.pairsWith(output.activation()) ? logitLoss : null;
    }

    /** The mean loss on {@code x}, {@code y}; a non-finite one is divergence. */
    double loss(double[][] x, double[][] y, int epoch) {
        double[][] logits = net.outputPreActivation(x);
        double value = fused != null ? fused.valueFromLogits(logits, y)
                : loss.value(net.layers().get(net.layers().size() - 1).activation().forward(logits), y);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, 0, net.layers().size() - 1,
                    "the validation loss is " + value + " after the epoch");
        }
        return value;
    }

    /** The share of rows of {@code x} whose predicted class is {@code labels[i]}. */
    double accuracy(double[][] x, int[] labels) {
        double[][] logits = net.outputPreActivation(x);
        double[][] p = net.layers().get(net.layers().size() - 1).activation().forward(logits);
        return countCorrect(p, labels, null, 0) / (double) labels.length;
    }

    /**
     * Rows {@code i} of {@code p} whose class is the label of row {@code order[begin + i]} (or of
     * row {@code i} when {@code order} is null).
     */
    static int countCorrect(double[][] p, int[] labels, int[] order, int begin) {
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            int label = labels[order == null ? i : order[begin + i]];
            correct += NeuralNet.classOf(p[i]) == label ? 1 : 0;
        }
        return correct;
    }
}
