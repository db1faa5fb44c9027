package io.github.backprop4j.train;

/**
 * Hooks called by {@code fit} as training goes on, e.g. to show progress or to stop early. Every
 * method does nothing by default, so a listener overrides only what it needs.
 *
 * <p>Call order: {@link #onTrainStart} once; then for each epoch {@link #onBatchEnd} after every
 * update, and {@link #onEpochEnd} after the epoch's last update and its validation; finally
 * {@link #onTrainEnd} with the {@link History} that {@code fit} returns (also when a listener or
 * early stopping ended training). {@link ConsoleProgress} prints one line per epoch.
 *
 * <pre>{@code
 * net.fit(x, y, config, new TrainingListener() {
 *     public void onEpochEnd(EpochMetrics m, TrainingControl control) {
 *         if (m.accuracy() == 1.0) control.requestStop("every training row right");
 *     }
 * });
 * }</pre>
 */
public interface TrainingListener {

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * Before the first epoch.
     *
     * @param plan what training is about to do
     */
    default void onTrainStart(TrainingPlan plan) {
    }

    /**
     * After each update.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     * @param loss  the batch's mean loss before its update
     */
    default void onBatchEnd(int epoch, int batch, double loss) {
    }

    /**
     * After each epoch, with its training and validation metrics, learning rate and elapsed time.
     *
     * @param control lets the listener end training after this epoch
     * @param metrics the epoch's metrics
     */
    default void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
    }

    /**
     * After the last epoch, with what {@code fit} returns.
     *
     * @param history the training's history
     */
    default void onTrainEnd(History history) {
    }
}
