package io.github.backprop4j;

/**
 * A hook called by {@link NeuralNet#fit} as training goes on, e.g. to print progress. It is a
 * functional interface, so a lambda will do; {@link #NONE} does nothing.
 *
 * <p>Call order: {@link #onEpochEnd} once per epoch, in order, after the epoch's last update.
 *
 * <pre>{@code
 * net.fit(x, y, config, (epoch, loss) -> System.out.printf("epoch %d loss %.4f%n", epoch, loss));
 * }</pre>
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that does nothing. */
    TrainingListener NONE = (epoch, loss) -> { };

    /**
     * Called after each epoch.
     *
     * @param epoch the epoch just finished, counted from 1
     * @param loss  the mean training loss over that epoch's batches
     */
    void onEpochEnd(int epoch, double loss);
}
