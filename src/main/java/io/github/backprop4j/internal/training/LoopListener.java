package io.github.backprop4j.internal.training;

import io.github.backprop4j.train.EpochMetrics;

/**
 * A part of the training loop that acts at the end of each epoch and of the run (early stopping,
 * best-weight restore), keeping its state in the {@link TrainingRun} so that a resumed run
 * continues it. The loop calls these before the user's {@code TrainingListener}.
 */
interface LoopListener {

    /** After epoch {@code metrics.epoch()}: a reason to stop the run, or null to go on. */
    default String onEpochEnd(EpochMetrics metrics) {
        return null;
    }

    /** When the run ends: a note for the history's stop reason, or null. */
    default String onTrainEnd() {
        return null;
    }
}
