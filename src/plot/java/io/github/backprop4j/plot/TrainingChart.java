package io.github.backprop4j.plot;

import static io.github.backprop4j.plot.PlotChecks.checkArgument;
import static io.github.backprop4j.plot.PlotChecks.checkNotNull;

import io.github.backprop4j.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The learning curves of a {@link History}: the loss per epoch on the left, the accuracy on the
 * right (left panel only for regression), training in blue and validation in orange.
 *
 * <p>The x axis shows whole epochs. A loss whose finite values span more than three decades is
 * drawn on a logarithmic axis ({@value #LOG_DECADES} decades or more). The epoch whose weights
 * early stopping restored is marked with a dashed green line; an epoch whose loss is not finite
 * (where training stopped) with a red line and a cross, labelled with the value.
 *
 * <pre>{@code
 * History history = net.fit(x, labels);
 * TrainingChart.writePng(history, Path.of("training.png"));   // 1200 × 500
 * }</pre>
 */
public final class TrainingChart {

    /** The colour of the training curves. */
    public static final Color TRAINING = new Color(31, 119, 180);
    /** The colour of the validation curves. */
    public static final Color VALIDATION = new Color(255, 127, 14);
    /** The colour of the mark at the restored best epoch. */
    public static final Color RESTORED = new Color(44, 160, 44);
    /** The colour of the mark where a loss stopped being finite. */
    public static final Color STOPPED = new Color(214, 39, 40);
    /** A loss spanning more decades than this (max/min over 10³) is drawn on a logarithmic axis. */
    public static final int LOG_DECADES = 3;

    private TrainingChart() {
    }

    /**
     * Writes the chart, 1200 × 500 pixels, as a PNG.
     *
     * @param history the training's history
     * @param file the file
     */
    public static void writePng(History history, Path file) {
        Png.write(render(history, 1200, 500), file);
    }

    /**
     * {@return a new {@code width × height} image of the chart}
     *
     * @param history the training's history
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public static BufferedImage render(History history, int width, int height) {
        checkNotNull(history, "history");
        checkArgument(width >= 400 && height >= 150, "a training chart needs at least 400x150 pixels, got %dx%d", width, height);
        double[] epochs = IntStream.rangeClosed(1, history.epochs()).asDoubleStream().toArray();
        boolean accuracy = !allNaN(history.accuracies());
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        int panel = accuracy ? width / 2 : width;
        LineChart loss = marked(panelOf("Loss", "loss", epochs, history.losses(), history.validationLosses()), history);
        if (spansDecades(history.losses(), history.validationLosses())) {
            loss = loss.withLogY();
        }
        loss.draw(g, new Rectangle(0, 0, panel, height));
        if (accuracy) {
            marked(panelOf("Accuracy", "accuracy", epochs, history.accuracies(), history.validationAccuracies()), history)
                    .draw(g, new Rectangle(panel, 0, width - panel, height));
        }
        g.dispose();
        return image;
    }

    private static LineChart panelOf(String title, String yLabel, double[] epochs, double[] train, double[] validation) {
        LineChart chart = new LineChart(title, "epoch", yLabel).with(new Series("training", TRAINING, epochs, train))
                .withWholeX();
        return allNaN(validation) ? chart : chart.with(new Series("validation", VALIDATION, epochs, validation));
    }

    /** The restored best epoch, and an epoch whose loss is not finite, as marks. */
    private static LineChart marked(LineChart chart, History history) {
        Matcher restored = Pattern.compile("restored the weights of epoch (\\d+)").matcher(history.stopReason().orElse(""));
        if (restored.find()) {
            int epoch = Integer.parseInt(restored.group(1));
            chart = chart.withMark(epoch, "restored: epoch " + epoch, RESTORED, true);
        }
        for (int e = history.epochs(); e >= 1; e--) {
            double loss = history.epoch(e).loss();
            double validation = history.epoch(e).validationLoss();
            if (Double.isInfinite(loss) || Double.isNaN(loss) || Double.isInfinite(validation)) {
                double bad = !Double.isFinite(loss) ? loss : validation;
                chart = chart.withMark(e, "stopped: loss " + bad, STOPPED, false);
                break;
            }
        }
        return chart;
    }

    /** Whether the finite, positive losses span more than {@link #LOG_DECADES} decades. */
    private static boolean spansDecades(double[] train, double[] validation) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] values : new double[][] {train, validation}) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && max / min > Math.pow(10, LOG_DECADES);
    }

    private static boolean allNaN(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
