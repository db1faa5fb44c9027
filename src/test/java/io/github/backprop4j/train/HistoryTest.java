package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static EpochMetrics epoch(int e, double loss, double validationLoss) {
        return new EpochMetrics(e, loss, 0.5 + e / 10.0, validationLoss, 0.4, 0.01 / e, Duration.ofMillis(10L * e));
    }

    @Test
    void accessors() {
        History h = new History(List.of(epoch(1, 0.9, 1.0), epoch(2, 0.7, 0.8)), "stopped by a listener");
        assertThat(h.epochs()).isEqualTo(2);
        assertThat(h.losses()).containsExactly(0.9, 0.7);
        assertThat(h.validationLosses()).containsExactly(1.0, 0.8);
        assertThat(h.accuracies()).containsExactly(0.6, 0.7);
        assertThat(h.validationAccuracies()).containsExactly(0.4, 0.4);
        assertThat(h.learningRates()).containsExactly(0.01, 0.005);
        assertThat(h.loss(2)).isEqualTo(0.7);
        assertThat(h.finalLoss()).isEqualTo(0.7);
        assertThat(h.last().elapsed()).isEqualTo(Duration.ofMillis(20));
        assertThat(h.stopReason()).contains("stopped by a listener");
        assertThat(h.epochMetrics()).hasSize(2);
        assertThat(h).hasToString("History(epochs=2, final loss=0.7, final validation loss=0.8, stopped: stopped by a listener)");
    }

    @Test
    void rejectsEpochsOutOfOrderAndBadIndices() {
        assertThatThrownBy(() -> new History(List.of(epoch(2, 1, 1)), null)).hasMessage("epochs[0] must be the metrics of epoch 1");
        // an empty history is what training that stopped inside its first epoch leaves
        History empty = new History(List.of(), "interrupted before epoch 1, batch 2");
        assertThat(empty.epochs()).isZero();
        assertThatThrownBy(empty::last).hasMessage("the history has no epoch: training stopped inside its first"
                + " (interrupted before epoch 1, batch 2)");
        History h = new History(List.of(epoch(1, 1, Double.NaN)), null);
        assertThatThrownBy(() -> h.loss(2)).hasMessage("epoch must be in [1, 1], got 2");
        assertThat(h.stopReason()).isEmpty();
        assertThat(h.last().hasValidation()).isFalse();
    }

    @Test
    void toCsvWritesEveryEpochExactlyAndEmptyCellsForMissingMetrics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        History h = new History(List.of(epoch(1, 0.1 + 0.2, 1.0), epoch(2, 0.7, Double.NaN)), null);
        java.nio.file.Path file = dir.resolve("out").resolve("history.csv");
        h.toCsv(file);
        assertThat(java.nio.file.Files.readAllLines(file)).containsExactly(
                "epoch,loss,accuracy,validation_loss,validation_accuracy,learning_rate,elapsed_seconds",
                "1,0.30000000000000004,0.6,1.0,0.4,0.01,0.01",
                "2,0.7,0.7,,0.4,0.005,0.02");
    }
}
