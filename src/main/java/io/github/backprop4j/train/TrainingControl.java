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
     */
    void requestStop(String reason);
}
