package io.github.backprop4j.train;

import java.time.Duration;

/**
 * What one epoch of training measured. Accuracy is for classification (NaN for regression); the
 * validation figures are NaN when training has no validation data.
 *
 * <pre>{@code
 * EpochMetrics last = history.last();
 * double gap = last.validationLoss() - last.loss();
 * }</pre>
 *
 * @param epoch              the epoch, from 1
 * @param loss               mean training loss over the epoch's batches, each taken before its update
 *                           (the data loss, without the L2 penalty)
 * @param accuracy           share of training rows classified right during the epoch, as each batch
 *                           was seen (dropout active), or NaN
 * @param validationLoss     loss on the validation rows after the epoch, or NaN
 * @param validationAccuracy share of validation rows classified right after the epoch, or NaN
 * @param learningRate       the learning rate used in this epoch
 * @param elapsed            time since training started, at the end of this epoch
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
        double learningRate, Duration elapsed) {

    /** {@return whether this epoch has validation figures} */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
