package io.github.backprop4j;

import java.util.Arrays;

/**
 * What {@link NeuralNet#fit} returns: the mean training loss of every epoch, in order.
 *
 * <pre>{@code
 * History history = net.fit(x, y, config);
 * double last = history.finalLoss();
 * }</pre>
 */
public final class History {

    private final double[] losses;

    History(double[] losses) {
        this.losses = losses.clone();
    }

    /** A copy of the per-epoch losses; index 0 is epoch 1. */
    public double[] losses() {
        return losses.clone();
    }

    /** Number of epochs trained. */
    public int epochs() {
        return losses.length;
    }

    /** The loss of epoch {@code epoch}, counted from 1. */
    public double loss(int epoch) {
        if (epoch < 1 || epoch > losses.length) {
            throw new IllegalArgumentException(
                    "epoch must be in [1, " + losses.length + "], got " + epoch);
        }
        return losses[epoch - 1];
    }

    /** The loss of the last epoch. */
    public double finalLoss() {
        return losses[losses.length - 1];
    }

    @Override
    public String toString() {
        return "History(epochs=" + losses.length + ", losses=" + Arrays.toString(losses) + ")";
    }
}
