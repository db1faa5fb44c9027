package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void lineShowsMetricsLearningRateTimeAndEta() {
        EpochMetrics m = new EpochMetrics(40, 0.11834, 0.96, 0.10321, 1.0, 0.001, Duration.ofMillis(300));
        assertThat(ConsoleProgress.line(m, 200)).isEqualTo(
                "epoch  40/200  loss 0.1183  acc 0.9600  val_loss 0.1032  val_acc 1.0000  lr 1.0e-03  0.3s  ETA 1.2s");
        EpochMetrics regression = new EpochMetrics(3, 2.5, Double.NaN, Double.NaN, Double.NaN, 0.01, Duration.ofSeconds(3));
        assertThat(ConsoleProgress.line(regression, 5)).isEqualTo("epoch 3/5  loss 2.5000  lr 1.0e-02  3.0s  ETA 2.0s");
    }

    @Test
    void printsEveryKthEpochTheLastAndWhyItStopped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
        progress.onTrainStart(new TrainingPlan(100, 90, 10, 3));
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= 25; e++) {
            EpochMetrics m = new EpochMetrics(e, 1.0 / e, 0.5, 1.0, 0.5, 0.01, Duration.ofMillis(e));
            epochs.add(m);
            progress.onEpochEnd(m, reason -> { });
        }
        progress.onTrainEnd(new History(epochs, "early stopping at epoch 25"));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("training on 90 rows (3 batches per epoch), validating on 10, at most 100 epochs");
        assertThat(lines.get(1)).startsWith("epoch   1/100");
        assertThat(lines.get(2)).startsWith("epoch  10/100");
        assertThat(lines.get(3)).startsWith("epoch  20/100");
        assertThat(lines.get(4)).startsWith("epoch  25/100");
        assertThat(lines.get(5)).isEqualTo("early stopping at epoch 25");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).matches("\\p{ASCII}*");
        assertThatThrownBy(() -> new ConsoleProgress(System.err, 0)).hasMessage("every must be > 0, got 0");
    }
}
