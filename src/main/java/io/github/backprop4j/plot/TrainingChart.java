package io.github.backprop4j.plot;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * The learning curves of a {@link History}: the loss per epoch on the left, the accuracy on the
 * right (left panel only for regression), training in blue and validation in orange.
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
        panelOf("Loss", "loss", epochs, history.losses(), history.validationLosses())
                .draw(g, new Rectangle(0, 0, panel, height));
        if (accuracy) {
            panelOf("Accuracy", "accuracy", epochs, history.accuracies(), history.validationAccuracies())
                    .draw(g, new Rectangle(panel, 0, width - panel, height));
        }
        g.dispose();
        return image;
    }

    private static LineChart panelOf(String title, String yLabel, double[] epochs, double[] train, double[] validation) {
        LineChart chart = new LineChart(title, "epoch", yLabel).with(new Series("training", TRAINING, epochs, train));
        return allNaN(validation) ? chart : chart.with(new Series("validation", VALIDATION, epochs, validation));
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
