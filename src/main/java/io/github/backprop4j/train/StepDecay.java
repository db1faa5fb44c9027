package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.List;

/**
 * The rate multiplied by {@code factor} every {@code stepEpochs} epochs,
 * {@code η_e = η₀ · factor^⌊(e − 1) / stepEpochs⌋}.
 *
 * <pre>{@code new StepDecay(30, 0.1)   // η₀ for epochs 1-30, η₀/10 for 31-60, ...}</pre>
 *
 * @param stepEpochs epochs between two cuts, &gt; 0
 * @param factor     the multiplier at each cut, in {@code (0, 1]}
 */
public record StepDecay(int stepEpochs, double factor) implements LearningRateSchedule {

    /**
     * Validates the settings.
     *
     * @param stepEpochs epochs between two cuts, &gt; 0
     * @param factor the multiplier at each cut, in {@code (0, 1]}
     */
    public StepDecay {
        checkArgument(stepEpochs > 0, "stepEpochs must be > 0, got %d", stepEpochs);
        checkArgument(factor > 0 && factor <= 1, "factor must be in (0, 1], got %s", factor);
    }

    @Override
    public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
        // η_e = η₀ · factor^⌊(e − 1)/stepEpochs⌋
        return baseRate * Math.pow(factor, (epoch - 1) / stepEpochs);
    }
}
