package io.github.backprop4j.train;

/** A quantity that early stopping and reduce-on-plateau watch, and which way is better. */
public enum Monitor {
    /** Training loss; lower is better. */
    TRAINING_LOSS,
    /** Training accuracy; higher is better. */
    TRAINING_ACCURACY,
    /** Validation loss; lower is better. Needs validation data. */
    VALIDATION_LOSS,
    /** Validation accuracy; higher is better. Needs validation data. */
    VALIDATION_ACCURACY;

    /**
     * The monitored value in {@code metrics}. When the epoch has no validation figures (a
     * validation fraction too small to hold out any row), a validation monitor reads the
     * training counterpart instead.
     *
     * @param metrics the epoch's metrics
     * @return the value
     */
    public double valueIn(EpochMetrics metrics) {
        boolean validation = metrics.hasValidation();
        return switch (this) {
            case TRAINING_LOSS -> metrics.loss();
            case TRAINING_ACCURACY -> metrics.accuracy();
            case VALIDATION_LOSS -> validation ? metrics.validationLoss() : metrics.loss();
            case VALIDATION_ACCURACY -> validation ? metrics.validationAccuracy() : metrics.accuracy();
        };
    }

    /** {@return whether lower values are better (losses) rather than higher ones (accuracies)} */
    public boolean lowerIsBetter() {
        return this == TRAINING_LOSS || this == VALIDATION_LOSS;
    }

    /** {@return whether this quantity exists only when training has validation data} */
    public boolean needsValidation() {
        return this == VALIDATION_LOSS || this == VALIDATION_ACCURACY;
    }

    /**
     * {@return whether {@code value} improves on {@code best} by more than {@code minDelta}}
     *
     * @param value this epoch's value
     * @param best the best value so far, or NaN for none
     * @param minDelta the smallest change that counts as improvement, &gt;= 0
     */
    public boolean improves(double value, double best, double minDelta) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(value);
        }
        return lowerIsBetter() ? value < best - minDelta : value > best + minDelta;
    }
}
