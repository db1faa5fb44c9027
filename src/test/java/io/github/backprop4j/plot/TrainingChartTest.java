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

    // The edges: each test renders one case and checks the pixels it is about.

    private static History of(double[] losses, double[] accuracies, String stopReason) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= losses.length; e++) {
            epochs.add(new EpochMetrics(e, losses[e - 1], accuracies == null ? Double.NaN : accuracies[e - 1],
                    Double.NaN, Double.NaN, 0.01, Duration.ofMillis(e)));
        }
        return new History(epochs, stopReason);
    }

    /** A one-epoch history: a marker (a filled circle) in each panel, where a line of one point shows nothing. */
    @Test
    void aOneEpochHistoryShowsAMarkerInEachPanelAndWholeEpochTicks() {
        BufferedImage image = TrainingChart.render(of(new double[] {0.7}, new double[] {0.6}, null), 1200, 500);
        assertThat(pixelsOf(image, TrainingChart.TRAINING, 0, 560, 37, 447)).as("loss marker").isGreaterThan(40);
        assertThat(pixelsOf(image, TrainingChart.TRAINING, 640, 1180, 37, 447)).as("accuracy marker").isGreaterThan(40);
        Ticks epochs = Ticks.covering(1, 1, 6, true);
        for (double v : epochs.values()) {
            assertThat(v).isEqualTo(Math.rint(v));
            assertThat(epochs.label(v)).matches("-?\\d+");
        }
    }

    /**
     * A 1e12 spike on a linear axis: labels like 2e11, a margin that fits them, nothing cut at the
     * image's edge, and a clear column between the axis title and the labels.
     */
    @Test
    void hugeValuesGetCompactTickLabelsThatFitInsideTheImage() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i + 1;
            y[i] = i == 14 ? 1e12 : 0.5;
        }
        Ticks ticks = Ticks.covering(0.5, 1e12 * 1.05, 5);
        for (double v : ticks.values()) {
            assertThat(ticks.label(v)).hasSizeLessThanOrEqualTo(6);
        }
        assertThat(ticks.label(4e11)).isEqualTo("4e11");
        BufferedImage image = new LineChart("spike", "epoch", "loss").with(new Series("loss", Color.BLUE, x, y)).withWholeX()
                .render(600, 400);
        int dark = new Color(40, 40, 40).getRGB();
        int leftmost = Integer.MAX_VALUE;
        for (int px = 0; px < 200 && leftmost == Integer.MAX_VALUE; px++) {
            for (int py = 40; py < 340; py++) {
                if (pixelsOf(image, new Color(dark), px, px + 1, py, py + 1) > 0) {
                    leftmost = px;
                    break;
                }
            }
        }
        assertThat(leftmost).as("the first dark column (the axis title)").isBetween(3, 40);
        boolean gap = false;
        for (int px = leftmost + 12; px < leftmost + 40 && !gap; px++) {
            gap = pixelsOf(image, new Color(dark), px, px + 1, 40, 340) == 0;
        }
        assertThat(gap).as("a clear column between the axis title and the tick labels").isTrue();
    }

    /** A loss over four decades goes on a log axis, so the late epochs still rise and fall visibly. */
    @Test
    void aLossSpanningFourDecadesIsDrawnOnALogAxis() {
        double[] losses = new double[60];
        for (int e = 0; e < 60; e++) {
            // from 10 down to 1e-3, with a wiggle in the last ten epochs
            losses[e] = 10 * Math.pow(10, -4.0 * e / 59) * (e >= 50 ? (e % 2 == 0 ? 2 : 0.5) : 1);
        }
        BufferedImage image = TrainingChart.render(of(losses, null, null), 800, 400);
        // the last tenth of the plot: on a linear axis all of it would sit within a pixel or two of the bottom
        int top = Integer.MAX_VALUE;
        int bottom = 0;
        for (int py = 37; py < 347; py++) {
            if (pixelsOf(image, TrainingChart.TRAINING, 700, 775, py, py + 1) > 0) {
                top = Math.min(top, py);
                bottom = Math.max(bottom, py);
            }
        }
        assertThat(bottom - top).as("vertical extent of the last epochs' curve, in pixels").isGreaterThan(30);
    }

    /** A history whose last epoch's loss is NaN ends with a red mark there, not with a shorter axis. */
    @Test
    void aHistoryThatStopsOnANonFiniteLossIsMarked() {
        double[] losses = {1.0, 0.8, 0.7, 0.65, 0.6, 0.6, 0.7, 2.0, 40.0, Double.NaN};
        BufferedImage image = TrainingChart.render(of(losses, null, "diverged"), 800, 400);
        assertThat(pixelsOf(image, TrainingChart.STOPPED, 700, 800, 37, 347)).as("the red mark at epoch 10").isGreaterThan(100);
        assertThat(pixelsOf(image, TrainingChart.STOPPED, 71, 600, 37, 347)).isZero();
    }

    /** An accuracy of 1.0 stays below the frame: 5% headroom above the largest value. */
    @Test
    void theLargestValueStaysBelowTheFrame() {
        double[] accuracies = new double[20];
        double[] losses = new double[20];
        for (int e = 0; e < 20; e++) {
            accuracies[e] = Math.min(1.0, 0.5 + e * 0.05);
            losses[e] = 1.0 / (e + 1);
        }
        BufferedImage image = TrainingChart.render(of(losses, accuracies, null), 1200, 500);
        int top = Integer.MAX_VALUE;
        for (int py = 30; py < 447; py++) {
            if (pixelsOf(image, TrainingChart.TRAINING, 700, 1170, py, py + 1) > 0) {
                top = py;
                break;
            }
        }
        assertThat(top).as("topmost row of the accuracy curve; the frame is at row 36").isGreaterThan(36 + 8);
    }

    /** Early stopping's restored epoch gets a dashed green line in both panels. */
    @Test
    void theRestoredBestEpochIsMarked() {
        double[] losses = new double[30];
        double[] accuracies = new double[30];
        for (int e = 0; e < 30; e++) {
            losses[e] = 1.0 / (e + 1);
            accuracies[e] = 0.9;
        }
        History h = of(losses, accuracies, "early stopping at epoch 30: validation loss did not improve on 0.1 (epoch 20)"
                + " for 10 epochs; restored the weights of epoch 20");
        BufferedImage image = TrainingChart.render(h, 1200, 500);
        assertThat(pixelsOf(image, TrainingChart.RESTORED, 0, 600, 37, 447)).as("loss panel").isGreaterThan(100);
        assertThat(pixelsOf(image, TrainingChart.RESTORED, 600, 1200, 37, 447)).as("accuracy panel").isGreaterThan(100);
        BufferedImage none = TrainingChart.render(of(losses, accuracies, null), 1200, 500);
        assertThat(pixelsOf(none, TrainingChart.RESTORED, 0, 1200, 0, 500)).as("no restore, no mark").isZero();
    }
}
