package io.github.backprop4j.plot;

import static io.github.backprop4j.plot.PlotChecks.checkArgument;
import static io.github.backprop4j.plot.PlotChecks.checkNotNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The decision regions of a classifier of two features: the plane coloured by predicted class,
 * with the labelled points on top in the darker shade of their class, axes, a title and a legend.
 *
 * <pre>{@code
 * BufferedImage map = DecisionMap.render(net::predict, x, labels, List.of("a", "b"), "Moons", 800, 600);
 * Png.write(map, Path.of("moons.png"));
 * }</pre>
 */
public final class DecisionMap {

    /** Class colours (matplotlib's tab10); class {@code k} uses {@code PALETTE[k % 10]}. */
    public static final List<Color> PALETTE = List.of(new Color(31, 119, 180), new Color(255, 127, 14),
            new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
            new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207));

    private static final int CELL = 3;      // pixels per side of a coloured cell

    private DecisionMap() {
    }

    /**
     * A new {@code width × height} image.
     *
     * @param classify   the class of each row of a batch of points {@code [m × 2]}, e.g. {@code net::predict}
     * @param points     the points to draw {@code [n × 2]}, not modified
     * @param labels     their classes, indices into {@code classNames}
     * @param classNames the legend's names
     * @param title the title above the picture
     * @param width the width in pixels
     * @param height the height in pixels
     * @return a new image
     */
    public static BufferedImage render(Function<double[][], int[]> classify, double[][] points, int[] labels,
            List<String> classNames, String title, int width, int height) {
        checkNotNull(classify, "classify");
        checkNotNull(points, "points");
        checkNotNull(labels, "labels");
        checkNotNull(classNames, "classNames");
        checkArgument(points.length > 0 && points.length == labels.length,
                "%d points but %d labels; give at least one point and a label for each", points.length, labels.length);
        checkArgument(width >= 200 && height >= 150, "a map needs at least 200x150 pixels, got %dx%d", width, height);
        double[] range = range(points);
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        PlotArea area = new PlotArea(new Rectangle(0, 0, width, height), range[0], range[1], range[2], range[3]);
        area.drawFrame(g, title, "feature 0", "feature 1");
        regions(g, area, classify);
        dots(g, area, points, labels);
        String[] names = classNames.toArray(String[]::new);
        Color[] colors = new Color[names.length];
        for (int k = 0; k < names.length; k++) {
            colors[k] = PALETTE.get(k % PALETTE.size());
        }
        g.setClip(null);
        g.setColor(PlotArea.AXIS);
        g.drawRect(area.plot.x, area.plot.y, area.plot.width, area.plot.height);
        area.drawLegend(g, names, colors, new double[0]);
        g.dispose();
        return image;
    }

    /**
     * Writes {@link #render} as a PNG.
     *
     * @param classify the class of each row of a batch of points {@code [m × 2]}
     * @param points the points {@code [n × 2]}, not modified
     * @param labels one class label per row; not modified
     * @param classNames the classes' names, in label order
     * @param title the title above the picture
     * @param file the file
     */
    public static void writePng(Function<double[][], int[]> classify, double[][] points, int[] labels,
            List<String> classNames, String title, Path file) {
        Png.write(render(classify, points, labels, classNames, title, 800, 600), file);
    }

    private static void regions(Graphics2D g, PlotArea area, Function<double[][], int[]> classify) {
        Rectangle plot = area.plot;
        int columns = (plot.width + CELL - 1) / CELL;
        int rows = (plot.height + CELL - 1) / CELL;
        double[][] centres = new double[columns * rows][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                centres[r * columns + c] = new double[] {area.xValue(plot.x + c * CELL + CELL / 2.0),
                    area.yValue(plot.y + r * CELL + CELL / 2.0)};
            }
        }
        int[] predicted = classify.apply(centres);
        checkArgument(predicted != null && predicted.length == centres.length,
                "the classifier must return one class per point: %d points, got %s", centres.length,
                predicted == null ? "null" : predicted.length + " classes");
        g.setClip(plot);
        for (int i = 0; i < predicted.length; i++) {
            checkArgument(predicted[i] >= 0, "the classifier returned class %d; classes count from 0", predicted[i]);
            g.setColor(light(PALETTE.get(predicted[i] % PALETTE.size())));
            g.fillRect(plot.x + (i % columns) * CELL, plot.y + (i / columns) * CELL, CELL, CELL);
        }
    }

    private static void dots(Graphics2D g, PlotArea area, double[][] points, int[] labels) {
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < points.length; i++) {
            Ellipse2D dot = new Ellipse2D.Double(area.x(points[i][0]) - 3.5, area.y(points[i][1]) - 3.5, 7, 7);
            g.setColor(PALETTE.get(labels[i] % PALETTE.size()));
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        }
    }

    /** The colour mixed 70% with white, for the regions. */
    static Color light(Color c) {
        return new Color(255 - (255 - c.getRed()) * 3 / 10, 255 - (255 - c.getGreen()) * 3 / 10, 255 - (255 - c.getBlue()) * 3 / 10);
    }

    /** {xMin, xMax, yMin, yMax} of the points, padded by a tenth on each side. */
    private static double[] range(double[][] points) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] p : points) {
            checkArgument(p != null && p.length == 2 && Double.isFinite(p[0]) && Double.isFinite(p[1]),
                    "every point needs two finite coordinates");
            r[0] = Math.min(r[0], p[0]);
            r[1] = Math.max(r[1], p[0]);
            r[2] = Math.min(r[2], p[1]);
            r[3] = Math.max(r[3], p[1]);
        }
        double padX = Math.max(r[1] - r[0], 1e-9) / 10;
        double padY = Math.max(r[3] - r[2], 1e-9) / 10;
        return new double[] {r[0] - padX, r[1] + padX, r[2] - padY, r[3] + padY};
    }
}
