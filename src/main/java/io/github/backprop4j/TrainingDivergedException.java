package io.github.backprop4j;

/**
 * Thrown by {@link NeuralNet#fit} when training stops being finite: the loss of a batch, or a
 * weight or bias after an update, is NaN or infinite. Most often the learning rate is too high, or
 * the features are on too large a scale. The message names the epoch, the batch, the layer and the
 * value. The network's weights are then unusable; build a new network and train again.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch (from 1) in which training stopped being finite. */
    private final int epoch;
    /** The batch (from 1) within that epoch. */
    private final int batch;
    /** The layer (from 0) where the first non-finite number showed. */
    private final int layer;

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
