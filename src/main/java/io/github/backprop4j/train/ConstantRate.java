package io.github.backprop4j.train;

import java.util.List;

/** The base rate in every epoch, {@code η_e = η₀}: the default schedule. */
public record ConstantRate() implements LearningRateSchedule {

    @Override
    public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
        return baseRate;
    }
}
