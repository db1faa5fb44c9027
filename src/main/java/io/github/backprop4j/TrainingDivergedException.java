package io.github.backprop4j;

/**
 * Thrown by {@link NeuralNet#fit} when the loss becomes NaN or infinite: the updates have blown
 * the weights up, most often because the learning rate is too high. The network's weights are
 * then unusable; build a new network and train with a lower learning rate.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;

    TrainingDivergedException(int epoch, int batch, double loss) {
        super(String.format("training diverged: the loss is %s at epoch %d, batch %d;"
                + " try a lower learning rate", loss, epoch, batch));
        this.epoch = epoch;
    }

    /** The epoch (from 1) in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
