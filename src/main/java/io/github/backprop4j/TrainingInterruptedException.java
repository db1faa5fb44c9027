package io.github.backprop4j;

import io.github.backprop4j.train.History;

/**
 * Thrown by {@link NeuralNet#fit} and {@link NeuralNet#resume} when the training thread is
 * interrupted ({@link Thread#interrupt()}): training checks between batches and stops there. The
 * network holds the state after the last completed step, the thread's interrupt flag stays set,
 * and {@link #history()} holds the epochs completed so far. The training run keeps its position,
 * so a checkpoint saved now resumes from that batch.
 *
 * <pre>{@code
 * try {
 *     net.fit(x, labels, config);
 * } catch (TrainingInterruptedException e) {
 *     History soFar = e.history();   // Thread.currentThread().isInterrupted() is still true
 * }
 * }</pre>
 */
public final class TrainingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient History history;

    /**
     * An exception carrying the history so far.
     *
     * @param message where training stopped
     * @param history the epochs completed so far, with the stop reason
     */
    public TrainingInterruptedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** {@return the epochs completed before the interrupt, with the stop reason} */
    public History history() {
        return history;
    }
}
