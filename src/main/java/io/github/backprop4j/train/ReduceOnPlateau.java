package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.List;

/**
 * Multiplies the rate by {@code factor} whenever the monitored quantity has not improved by more
 * than {@code minDelta} for {@code patience} epochs, never going below {@code minRate}; after a cut
 * it waits another {@code patience} epochs. As Keras' {@code ReduceLROnPlateau} (with no cooldown).
 *
 * <p>It keeps no state: the rate is recomputed from the finished epochs' metrics, so the same
 * history always gives the same rate.
 *
 * <pre>{@code new ReduceOnPlateau(Monitor.VALIDATION_LOSS, 0.5, 10, 1e-4, 1e-6)}</pre>
 *
 * @param monitor  the watched quantity
 * @param factor   multiplier at each cut, in {@code (0, 1)}
 * @param patience epochs without improvement before a cut, &gt; 0
 * @param minDelta the smallest change that counts as improvement, &gt;= 0
 * @param minRate  the floor, finite and &gt; 0
 */
public record ReduceOnPlateau(Monitor monitor, double factor, int patience, double minDelta, double minRate)
        implements LearningRateSchedule {

    /**
     * Validates the settings.
     *
     * @param monitor the watched quantity
     * @param factor multiplier at each cut, in {@code (0, 1)}
     * @param patience epochs without improvement before a cut, &gt; 0
     * @param minDelta the smallest change that counts as improvement, &gt;= 0
     * @param minRate the floor, finite and &gt; 0
     */
    public ReduceOnPlateau {
        checkNotNull(monitor, "monitor");
        checkArgument(factor > 0 && factor < 1, "factor must be in (0, 1), got %s", factor);
        checkArgument(patience > 0, "patience must be > 0, got %d", patience);
        checkArgument(minDelta >= 0 && Double.isFinite(minDelta), "minDelta must be finite and >= 0, got %s", minDelta);
        checkArgument(minRate > 0 && Double.isFinite(minRate), "minRate must be finite and > 0, got %s", minRate);
    }

    /** Halves the rate after 10 epochs without a better validation loss, down to 1e-6. */
    public ReduceOnPlateau() {
        this(Monitor.VALIDATION_LOSS, 0.5, 10, 1e-4, 1e-6);
    }

    @Override
    public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
        double rate = baseRate;
        double best = Double.NaN;
        int wait = 0;
        for (EpochMetrics m : finished) {
            double value = monitor.valueIn(m);
            if (monitor.improves(value, best, minDelta)) {
                best = value;
                wait = 0;
            } else if (++wait >= patience) {
                // η ← max(factor·η, η_min)
                rate = Math.max(rate * factor, Math.min(minRate, baseRate));
                wait = 0;
            }
        }
        return rate;
    }

    @Override
    public boolean needsValidation() {
        return monitor.needsValidation();
    }
}
