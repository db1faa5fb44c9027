package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.List;

/**
 * Cosine annealing from the base rate down to {@code minRate} over {@code periodEpochs} epochs,
 * {@code η_e = η_min + (η₀ − η_min)·(1 + cos(π·(e − 1)/T))/2}, then {@code η_min}.
 * Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts" (ICLR 2017),
 * without the restarts.
 *
 * <pre>{@code new CosineDecay(200, 1e-5)}</pre>
 *
 * @param periodEpochs {@code T}, epochs from {@code η₀} down to {@code η_min}, &gt; 0
 * @param minRate      {@code η_min}, finite and &gt; 0
 */
public record CosineDecay(int periodEpochs, double minRate) implements LearningRateSchedule {

    /**
     * Validates the settings.
     *
     * @param periodEpochs {@code T}, epochs from {@code η₀} down to {@code η_min}, &gt; 0
     * @param minRate {@code η_min}, finite and &gt; 0
     */
    public CosineDecay {
        checkArgument(periodEpochs > 0, "periodEpochs must be > 0, got %d", periodEpochs);
        checkArgument(minRate > 0 && Double.isFinite(minRate), "minRate must be finite and > 0, got %s", minRate);
    }

    @Override
    public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
        double low = Math.min(minRate, baseRate);
        double progress = Math.min(1.0, (epoch - 1) / (double) periodEpochs);
        // η_e = η_min + (η₀ − η_min)·(1 + cos(π·(e − 1)/T))/2
        return low + (baseRate - low) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
