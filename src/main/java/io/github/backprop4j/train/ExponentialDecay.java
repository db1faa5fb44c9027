package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.List;

/**
 * The rate multiplied by {@code gamma} after every epoch, {@code η_e = η₀ · γ^(e − 1)}.
 *
 * <pre>{@code new ExponentialDecay(0.99)   // about halves every 69 epochs}</pre>
 *
 * @param gamma the per-epoch multiplier, in {@code (0, 1]}
 */
public record ExponentialDecay(double gamma) implements LearningRateSchedule {

    /**
     * Validates the setting.
     *
     * @param gamma the per-epoch multiplier, in {@code (0, 1]}
     */
    public ExponentialDecay {
        checkArgument(gamma > 0 && gamma <= 1, "gamma must be in (0, 1], got %s", gamma);
    }

    @Override
    public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
        // η_e = η₀ · γ^(e − 1); never below the smallest positive double
        return Math.max(baseRate * Math.pow(gamma, epoch - 1), Double.MIN_NORMAL);
    }
}
