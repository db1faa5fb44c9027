package io.github.backprop4j.train;

/**
 * The learning rate of each epoch, from the optimizer's base rate {@code η₀} and the epochs
 * finished so far. Implementations are immutable values; one that reacts to the metrics (such as
 * {@link ReduceOnPlateau}) computes its answer from {@code finished}, so it keeps no state.
 *
 * <pre>{@code
 * TrainingConfig.builder().schedule(new CosineDecay(100, 1e-5)).build();
 * }</pre>
 */
public interface LearningRateSchedule {

    /**
     * The learning rate for epoch {@code epoch}.
     *
     * @param epoch    the epoch about to run, from 1
     * @param baseRate {@code η₀}, the optimizer's learning rate
     * @param finished the metrics of epochs {@code 1 .. epoch − 1}, oldest first (unmodifiable)
     * @return a finite rate &gt; 0
     */
    double learningRate(int epoch, double baseRate, java.util.List<EpochMetrics> finished);

    /**
     * Whether this schedule needs validation metrics; {@link TrainingConfig} refuses such a
     * schedule when there is no validation data.
     *
     * @return whether it needs validation data
     */
    default boolean needsValidation() {
        return false;
    }
}
