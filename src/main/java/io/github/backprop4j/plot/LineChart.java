package io.github.backprop4j.plot;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart: curves over a shared pair of axes, with nice tick labels, axis titles, a title
 * and a legend. Immutable; {@link #with} returns a chart with one more series.
 *
 * <pre>{@code
 * LineChart chart = new LineChart("Loss", "epoch", "loss")
 *         .with(new Series("train", Color.BLUE, epochs, losses));
 * Png.write(chart.render(800, 500), Path.of("loss.png"));
 * }</pre>
 */
public final class LineChart {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;

    /**
     * An empty chart with its title and axis titles.
     *
     * @param title the title above the picture
     * @param xLabel the x axis' title
     * @param yLabel the y axis' title
     */
    public LineChart(String title, String xLabel, String yLabel) {
        this(checkNotNull(title, "title"), checkNotNull(xLabel, "xLabel"), checkNotNull(yLabel, "yLabel"), List.of());
    }

    private LineChart(String title, String xLabel, String yLabel, List<Series> series) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = series;
    }

    /**
     * {@return this chart with {@code s} added on top}
     *
     * @param s the series
     */
    public LineChart with(Series s) {
        checkNotNull(s, "series");
        List<Series> more = new ArrayList<>(series);
        more.add(s);
        return new LineChart(title, xLabel, yLabel, List.copyOf(more));
    }

    /** {@return the series, in drawing order} */
    public List<Series> series() {
        return series;
    }

    /**
     * {@return a new {@code width × height} RGB image of the chart on white}
     *
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public BufferedImage render(int width, int height) {
        checkArgument(width >= 200 && height >= 150, "a chart needs at least 200x150 pixels, got %dx%d", width, height);
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        draw(g, new Rectangle(0, 0, width, height));
        g.dispose();
        return image;
    }

    /**
     * Writes {@link #render} as a PNG file, replacing any file there.
     *
     * @param file the file
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public void writePng(Path file, int width, int height) {
        Png.write(render(width, height), file);
    }

    /**
     * Draws the chart into {@code bounds} of {@code g}, e.g. as one panel of a larger picture.
     *
     * @param g the graphics to draw with
     * @param bounds the region to draw in
     */
    public void draw(Graphics2D g, Rectangle bounds) {
        double[] range = range();
        PlotArea area = new PlotArea(bounds, range[0], range[1], range[2], range[3]);
        area.drawFrame(g, title, xLabel, yLabel);
        g.setClip(area.plot);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Series s : series) {
            g.setColor(s.color());
            g.draw(path(area, s));
        }
        g.setClip(null);
        if (!series.isEmpty()) {
            area.drawLegend(g, series.stream().map(Series::name).toArray(String[]::new),
                    series.stream().map(Series::color).toArray(Color[]::new), pixels(area));
        }
    }

    private static Path2D path(PlotArea area, Series s) {
        Path2D.Double path = new Path2D.Double();
        double[] x = s.x();
        double[] y = s.y();
        boolean drawing = false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                drawing = false;
                continue;
            }
            if (drawing) {
                path.lineTo(area.x(x[i]), area.y(y[i]));
            } else {
                path.moveTo(area.x(x[i]), area.y(y[i]));
                // a lone point still shows: a zero-length segment with a round cap
                path.lineTo(area.x(x[i]), area.y(y[i]));
                drawing = true;
            }
        }
        return path;
    }

    /** Every finite point of every series in pixels, {x0, y0, x1, y1, ...}. */
    private double[] pixels(PlotArea area) {
        java.util.stream.DoubleStream.Builder out = java.util.stream.DoubleStream.builder();
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    out.add(area.x(x[i])).add(area.y(y[i]));
                }
            }
        }
        return out.build().toArray();
    }

    /** {xMin, xMax, yMin, yMax} over every finite point, or the unit square for none. */
    private double[] range() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    r[0] = Math.min(r[0], x[i]);
                    r[1] = Math.max(r[1], x[i]);
                    r[2] = Math.min(r[2], y[i]);
                    r[3] = Math.max(r[3], y[i]);
                }
            }
        }
        return r[0] > r[1] ? new double[] {0, 1, 0, 1} : r;
    }
}
