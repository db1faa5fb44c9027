package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final List<EpochMetrics> NONE = List.of();

    @Test
    void constantRate() {
        assertThat(new ConstantRate().learningRate(50, 0.1, NONE)).isEqualTo(0.1);
    }

    @Test
    void stepDecay() {
        StepDecay s = new StepDecay(10, 0.5);
        assertThat(s.learningRate(1, 0.1, NONE)).isEqualTo(0.1);
        assertThat(s.learningRate(10, 0.1, NONE)).isEqualTo(0.1);
        assertThat(s.learningRate(11, 0.1, NONE)).isEqualTo(0.05);
        assertThat(s.learningRate(31, 0.1, NONE)).isEqualTo(0.0125);
        assertThatThrownBy(() -> new StepDecay(0, 0.5)).hasMessage("stepEpochs must be > 0, got 0");
        assertThatThrownBy(() -> new StepDecay(5, 1.5)).hasMessage("factor must be in (0, 1], got 1.5");
    }

    @Test
    void exponentialDecay() {
        ExponentialDecay s = new ExponentialDecay(0.9);
        assertThat(s.learningRate(1, 0.1, NONE)).isEqualTo(0.1);
        assertThat(s.learningRate(3, 0.1, NONE)).isCloseTo(0.1 * 0.81, within(1e-17));
        assertThat(s.learningRate(100_000, 0.1, NONE)).isPositive();
        assertThatThrownBy(() -> new ExponentialDecay(0)).hasMessage("gamma must be in (0, 1], got 0.0");
    }

    @Test
    void cosineDecay() {
        CosineDecay s = new CosineDecay(100, 1e-4);
        assertThat(s.learningRate(1, 0.1, NONE)).isEqualTo(0.1);
        // halfway: (η₀ + η_min)/2
        assertThat(s.learningRate(51, 0.1, NONE)).isCloseTo((0.1 + 1e-4) / 2, within(1e-15));
        assertThat(s.learningRate(101, 0.1, NONE)).isCloseTo(1e-4, within(1e-18));
        assertThat(s.learningRate(500, 0.1, NONE)).isCloseTo(1e-4, within(1e-18));
        assertThatThrownBy(() -> new CosineDecay(10, 0)).hasMessage("minRate must be finite and > 0, got 0.0");
    }

    /** Validation losses 1.0, then flat: patience 2 halves the rate after epochs 3 and 5. */
    @Test
    void reduceOnPlateauCutsAfterPatienceEpochsWithoutImprovement() {
        ReduceOnPlateau s = new ReduceOnPlateau(Monitor.VALIDATION_LOSS, 0.5, 2, 1e-3, 0.01);
        List<EpochMetrics> history = new ArrayList<>();
        double[] losses = {1.0, 1.0, 0.9995, 1.2, 1.0, 0.5, 0.6};
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.025};
        for (int e = 1; e <= expected.length; e++) {
            assertThat(s.learningRate(e, 0.1, history)).as("epoch %d", e).isEqualTo(expected[e - 1]);
            if (e <= losses.length) {
                history.add(new EpochMetrics(e, 2.0, Double.NaN, losses[e - 1], Double.NaN, 0.1, Duration.ZERO));
            }
        }
        // never below the floor
        ReduceOnPlateau floor = new ReduceOnPlateau(Monitor.VALIDATION_LOSS, 0.1, 1, 0, 0.05);
        assertThat(floor.learningRate(8, 0.1, history)).isEqualTo(0.05);
        assertThat(s.needsValidation()).isTrue();
        assertThat(new ReduceOnPlateau(Monitor.TRAINING_LOSS, 0.5, 2, 0, 1e-6).needsValidation()).isFalse();
    }
}
