package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.optim.Sgd;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void sgd() {
        TrainingConfig config = TrainingConfig.sgd(0.05, 10, 16, 3L);
        assertThat(((Sgd) config.optimizer()).learningRate()).isEqualTo(0.05);
        assertThat(config.epochs()).isEqualTo(10);
        assertThat(config.batchSize()).isEqualTo(16);
        assertThat(config.seed()).isEqualTo(3L);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> TrainingConfig.sgd(0, 10, 16, 3L)).hasMessage("learning rate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> TrainingConfig.sgd(Double.NaN, 10, 16, 3L)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> TrainingConfig.sgd(0.1, 0, 16, 3L)).hasMessage("epochs must be > 0, got 0");
        assertThatThrownBy(() -> TrainingConfig.sgd(0.1, 1, -2, 3L)).hasMessage("batch size must be > 0, got -2");
        assertThatThrownBy(() -> new TrainingConfig(null, 1, 1, 3L)).hasMessage("optimizer must not be null");
    }
}
