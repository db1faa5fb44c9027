package io.github.backprop4j;

/**
 * Thrown by {@link NeuralNet#fit} when training diverges: the loss of a batch, or a weight, a bias
 * or their optimizer state after an update, is NaN or infinite; or the training loss of an epoch
 * ran away from the loss at initialisation (docs/training.md, "Divergence"). Most often the
 * learning rate is too high, or the features are on too large a scale. The message names the
 * epoch, the batch, the layer and the value.
 *
 * <p>The network keeps its last finite state: a step whose update left a non-finite number is
 * never applied, so the weights and optimizer state are those from before it. {@link #history()}
 * holds the epochs completed before, with the reason training stopped.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch (from 1) in which training stopped being finite. */
    private final int epoch;
    /** The batch (from 1) within that epoch. */
    private final int batch;
    /** The layer (from 0) where the first non-finite number showed. */
    private final int layer;
    /** The epochs before it, with the stop reason; null until the training loop adds it. */
    private final transient io.github.backprop4j.train.History history;

    /**
     * An exception naming where training diverged (the library throws it; a listener may too).
     *
     * @param epoch  the epoch, from 1
     * @param batch  the batch within the epoch, from 1
     * @param layer  the index of the layer where the non-finite number showed, from 0
     * @param detail what was not finite, e.g. "the loss is NaN" or "weights W[2][0] is Infinity"
     */
    public TrainingDivergedException(int epoch, int batch, int layer, String detail) {
        super(String.format("training diverged at epoch %d, batch %d, layer %d: %s;"
                + " try a lower learning rate, or scale the features (e.g. StandardScaler)", epoch, batch, layer, detail));
        this.epoch = epoch;
        this.batch = batch;
        this.layer = layer;
        this.history = null;
    }

    /**
     * The same exception, carrying the history of the training that it stopped.
     *
     * @param cause   the exception as it was first thrown
     * @param history the epochs completed before it, with the stop reason
     */
    public TrainingDivergedException(TrainingDivergedException cause, io.github.backprop4j.train.History history) {
        super(cause.getMessage(), cause);
        this.epoch = cause.epoch;
        this.batch = cause.batch;
        this.layer = cause.layer;
        this.history = history;
    }

    /** {@return the epochs completed before training diverged, with the stop reason, when fit threw it} */
    public java.util.Optional<io.github.backprop4j.train.History> history() {
        return java.util.Optional.ofNullable(history);
    }

    /** {@return the epoch (from 1) in which training stopped being finite} */
    public int epoch() {
        return epoch;
    }

    /** {@return the batch (from 1, within the epoch) in which training stopped being finite} */
    public int batch() {
        return batch;
    }

    /** {@return the index (from 0) of the layer where the first non-finite number showed} */
    public int layer() {
        return layer;
    }
}
