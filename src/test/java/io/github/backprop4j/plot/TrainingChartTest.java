package io.github.backprop4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingChartTest {

    @TempDir
    Path dir;

    private static History history(boolean classification, boolean validation) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= 60; e++) {
            double loss = 1.0 / Math.sqrt(e);
            epochs.add(new EpochMetrics(e, loss, classification ? 1 - loss / 2 : Double.NaN,
                    validation ? loss * 1.2 : Double.NaN, validation && classification ? 1 - loss / 1.5 : Double.NaN,
                    0.001, Duration.ofMillis(e)));
        }
        return new History(epochs, null);
    }

    /** Pixels within a small distance of {@code color} inside {@code [x0, x1) × [y0, y1)}. */
    private static int pixelsOf(BufferedImage image, Color color, int x0, int x1, int y0, int y1) {
        int count = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                Color c = new Color(image.getRGB(x, y));
                int d = Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                        + Math.abs(c.getBlue() - color.getBlue());
                count += d < 40 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void thePngDecodesAtItsSizeWithBothCurvesInBothPanels() throws IOException {
        Path file = dir.resolve("training.png");
        TrainingChart.writePng(history(true, true), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(500);
        // inside each panel's plot area (margins: 70 left, 36 top, 20 right, 52 bottom)
        for (int panel = 0; panel < 2; panel++) {
            int x0 = panel * 600 + 71;
            int x1 = panel * 600 + 579;
            assertThat(pixelsOf(image, TrainingChart.TRAINING, x0, x1, 37, 447)).as("training, panel %d", panel).isGreaterThan(300);
            assertThat(pixelsOf(image, TrainingChart.VALIDATION, x0, x1, 37, 447)).as("validation, panel %d", panel).isGreaterThan(300);
        }
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void regressionWithoutValidationHasOneLossPanelAndOneCurve() {
        BufferedImage image = TrainingChart.render(history(false, false), 800, 400);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(pixelsOf(image, TrainingChart.TRAINING, 71, 779, 37, 347)).isGreaterThan(300);
        assertThat(pixelsOf(image, TrainingChart.VALIDATION, 0, 800, 0, 400)).isZero();
        assertThatThrownBy(() -> TrainingChart.render(history(true, true), 100, 100))
                .hasMessage("a training chart needs at least 400x150 pixels, got 100x100");
    }

    @Test
    void lineChartDrawsEachSeriesInItsColour() {
        Color red = new Color(200, 30, 30);
        LineChart chart = new LineChart("t", "x", "y")
                .with(new Series("line", red, new double[] {0, 1, 2}, new double[] {0, 1, 4}));
        BufferedImage image = chart.render(400, 300);
        assertThat(pixelsOf(image, red, 71, 379, 37, 247)).isGreaterThan(100);
        assertThatThrownBy(() -> new Series("bad", red, new double[] {1}, new double[] {1, 2}))
                .hasMessage("series 'bad' has 1 x values but 2 y values");
    }

    @Test
    void ticksAreNiceNumbers() {
        Ticks t = Ticks.covering(0.13, 0.97, 5);
        assertThat(t.low).isEqualTo(0.0);
        assertThat(t.high).isEqualTo(1.0);
        assertThat(t.step).isEqualTo(0.2);
        assertThat(t.label(0.6000000000000001)).isEqualTo("0.6");
        assertThat(Ticks.covering(1, 1000, 5).step).isEqualTo(200.0);
        assertThat(Ticks.covering(3, 3, 5).values()).isNotEmpty();
    }
}
