package io.github.backprop4j.train;

/**
 * Handed to a {@link TrainingListener} with each epoch's metrics, to end training early.
 *
 * <pre>{@code
 * (metrics, control) -> { if (metrics.loss() < 0.01) control.requestStop("loss below 0.01"); }
 * }</pre>
 */
@FunctionalInterface
public interface TrainingControl {

    /**
     * Ends training after the current epoch; {@code fit} still returns the {@link History} so far,
     * whose {@link History#stopReason()} is {@code reason}.
     *
     * @param reason why, for the history
     */
    void requestStop(String reason);
}
