package io.github.backprop4j.train;

/**
 * What training is about to do, handed to {@link TrainingListener#onTrainStart}.
 *
 * @param epochs         the most epochs it will run (early stopping or a listener may end it sooner)
 * @param trainingRows   rows it trains on
 * @param validationRows rows it validates on after each epoch (0 without validation)
 * @param batchesPerEpoch mini-batches in each epoch
 */
public record TrainingPlan(int epochs, int trainingRows, int validationRows, int batchesPerEpoch) {
}
