package io.github.backprop4j;

import io.github.backprop4j.optim.Optimizer;

/**
 * A loaded checkpoint: the model, whose parameters carry their optimizer state again, the
 * optimizer it was saved with, and (from format version 2) the training run's position, which
 * the model's network holds again: {@link NeuralNet#resume} continues the run to the
 * configuration's epoch total exactly as if it had never stopped.
 *
 * <pre>{@code
 * Checkpoint c = Model.loadCheckpoint(Path.of("run.ckpt"));
 * History all = c.model().network().resume(x, labels, config);   // the same config; epochs may grow
 * }</pre>
 *
 * <p>A checkpoint of format version 1 holds no training position: {@link #hasTrainingRun()} is
 * false, {@code resume} refuses with a message saying so, and {@code fit} starts a new run from
 * epoch 1 (keeping the optimizer state).
 *
 * @param model     the model
 * @param optimizer the optimizer of the checkpoint, or null when the file held no optimizer state
 */
public record Checkpoint(Model model, Optimizer optimizer) {

    /** {@return whether the checkpoint holds a training run to resume (format version 2 and later)} */
    public boolean hasTrainingRun() {
        return model.network().trainingRun() != null;
    }

    /** {@return the epochs the saved run had completed, or 0 without a run} */
    public int epochsDone() {
        return hasTrainingRun() ? model.network().trainingRun().epochsDone() : 0;
    }
}
