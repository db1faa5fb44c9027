package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorTest {

    private static final EpochMetrics WITH = new EpochMetrics(3, 0.5, 0.8, 0.6, 0.7, 0.01, Duration.ZERO);
    private static final EpochMetrics WITHOUT = new EpochMetrics(3, 0.5, 0.8, Double.NaN, Double.NaN, 0.01, Duration.ZERO);

    @Test
    void valueIn() {
        assertThat(Monitor.TRAINING_LOSS.valueIn(WITH)).isEqualTo(0.5);
        assertThat(Monitor.TRAINING_ACCURACY.valueIn(WITH)).isEqualTo(0.8);
        assertThat(Monitor.VALIDATION_LOSS.valueIn(WITH)).isEqualTo(0.6);
        assertThat(Monitor.VALIDATION_ACCURACY.valueIn(WITH)).isEqualTo(0.7);
    }

    /** A fraction too small to hold out any row leaves no validation: validation monitors read the training metric. */
    @Test
    void validationMonitorsFallBackToTrainingMetricsWithoutValidation() {
        assertThat(Monitor.VALIDATION_LOSS.valueIn(WITHOUT)).isEqualTo(0.5);
        assertThat(Monitor.VALIDATION_ACCURACY.valueIn(WITHOUT)).isEqualTo(0.8);
    }

    @Test
    void improves() {
        assertThat(Monitor.VALIDATION_LOSS.improves(0.5, 0.6, 0.05)).isTrue();
        assertThat(Monitor.VALIDATION_LOSS.improves(0.56, 0.6, 0.05)).isFalse();
        assertThat(Monitor.TRAINING_ACCURACY.improves(0.9, 0.8, 0)).isTrue();
        assertThat(Monitor.TRAINING_ACCURACY.improves(0.8, 0.8, 0)).isFalse();
        assertThat(Monitor.TRAINING_LOSS.improves(3.0, Double.NaN, 0)).isTrue();
        assertThat(Monitor.TRAINING_LOSS.improves(Double.NaN, 1.0, 0)).isFalse();
    }
}
