package io.github.backprop4j.plot;

import static io.github.backprop4j.plot.PlotChecks.checkArgument;
import static io.github.backprop4j.plot.PlotChecks.checkNotNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart: curves over a shared pair of axes, with nice tick labels, axis titles, a title
 * and a legend. Immutable; {@link #with} returns a chart with one more series.
 *
 * <p>At the edges: a point with no neighbour is drawn as a marker; tick labels beyond
 * {@code 1e5} (or below {@code 1e-4}) are written {@code 2e11}, and the margin grows to fit the
 * widest; the y axis leaves 5% of headroom above the largest value; {@link #withWholeX()} keeps x
 * ticks on whole numbers (epochs), {@link #withLogY()} draws y on a logarithmic scale, and
 * {@link #withMark} draws a labelled vertical line.
 *
 * <pre>{@code
 * LineChart chart = new LineChart("Loss", "epoch", "loss")
 *         .with(new Series("train", Color.BLUE, epochs, losses)).withWholeX().withLogY();
 * Png.write(chart.render(800, 500), Path.of("loss.png"));
 * }</pre>
 */
public final class LineChart {

    /** A labelled vertical line at {@code x}: dashed, or solid with a cross at its top. */
    private record Mark(double x, String label, Color color, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean wholeX;
    private final boolean logY;
    private final List<Mark> marks;

    /**
     * An empty chart with its title and axis titles.
     *
     * @param title the title above the picture
     * @param xLabel the x axis' title
     * @param yLabel the y axis' title
     */
    public LineChart(String title, String xLabel, String yLabel) {
        this(checkNotNull(title, "title"), checkNotNull(xLabel, "xLabel"), checkNotNull(yLabel, "yLabel"), List.of(),
                false, false, List.of());
    }

    private LineChart(String title, String xLabel, String yLabel, List<Series> series, boolean wholeX, boolean logY,
            List<Mark> marks) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = series;
        this.wholeX = wholeX;
        this.logY = logY;
        this.marks = marks;
    }

    /**
     * A chart with one more series.
     *
     * @param s the series
     * @return a new chart
     */
    public LineChart with(Series s) {
        checkNotNull(s, "series");
        List<Series> more = new ArrayList<>(series);
        more.add(s);
        return new LineChart(title, xLabel, yLabel, List.copyOf(more), wholeX, logY, marks);
    }

    /** {@return this chart with x ticks on whole numbers only, one apart or more: for epochs} */
    public LineChart withWholeX() {
        return new LineChart(title, xLabel, yLabel, series, true, logY, marks);
    }

    /** {@return this chart with a logarithmic y axis (powers of ten); values of 0 or less are left out} */
    public LineChart withLogY() {
        return new LineChart(title, xLabel, yLabel, series, wholeX, true, marks);
    }

    /**
     * This chart with a labelled vertical line at {@code x}.
     *
     * @param x      where, in data units
     * @param label  the text beside the line's top
     * @param color  its colour
     * @param dashed dashed (e.g. an epoch of note), or solid with a cross at the top (e.g. where a
     *               curve stopped on a non-finite value)
     * @return a new chart
     */
    public LineChart withMark(double x, String label, Color color, boolean dashed) {
        checkArgument(Double.isFinite(x), "a mark needs a finite x, got %s", x);
        List<Mark> more = new ArrayList<>(marks);
        more.add(new Mark(x, checkNotNull(label, "label"), checkNotNull(color, "color"), dashed));
        return new LineChart(title, xLabel, yLabel, series, wholeX, logY, List.copyOf(more));
    }

    /** {@return the series, in drawing order} */
    public List<Series> series() {
        return series;
    }

    /**
     * {@return a new {@code width × height} image of the chart}
     *
     * @param width the width in pixels, at least 200
     * @param height the height in pixels, at least 150
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
     * Writes the chart as a PNG.
     *
     * @param file the file
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public void writePng(Path file, int width, int height) {
        Png.write(render(width, height), file);
    }

    /**
     * Draws the chart into {@code bounds} of {@code g}.
     *
     * @param g where to draw
     * @param bounds the chart's rectangle
     */
    public void draw(Graphics2D g, Rectangle bounds) {
        double[] r = range();
        Ticks xTicks = Ticks.covering(r[0], r[1], 6, wholeX);
        Ticks yTicks = logY ? Ticks.logCovering(r[2], r[3]) : Ticks.covering(r[2], r[3], 5);
        FontMetrics tick = g.getFontMetrics(PlotArea.TICK_FONT);
        PlotArea area = new PlotArea(bounds, xTicks, yTicks, tick);
        area.drawFrame(g, title, xLabel, yLabel);
        g.setClip(area.plot);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Series s : series) {
            g.setColor(s.color());
            g.draw(path(area, s));
            markLonePoints(g, area, s);
        }
        g.setClip(null);
        for (Mark m : marks) {
            area.drawMark(g, m.x(), m.label(), m.color(), m.dashed());
        }
        if (!series.isEmpty()) {
            area.drawLegend(g, series.stream().map(Series::name).toArray(String[]::new),
                    series.stream().map(Series::color).toArray(Color[]::new), pixels(area, true));
        }
    }

    private boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    private Path2D path(PlotArea area, Series s) {
        Path2D.Double path = new Path2D.Double();
        double[] x = s.x();
        double[] y = s.y();
        boolean drawing = false;
        for (int i = 0; i < x.length; i++) {
            if (!drawable(x[i], y[i])) {
                drawing = false;
                continue;
            }
            if (drawing) {
                path.lineTo(area.x(x[i]), area.y(y[i]));
            } else {
                path.moveTo(area.x(x[i]), area.y(y[i]));
                drawing = true;
            }
        }
        return path;
    }

    /** A point with no drawable neighbour has no line through it: a filled circle shows it. */
    private void markLonePoints(Graphics2D g, PlotArea area, Series s) {
        double[] x = s.x();
        double[] y = s.y();
        for (int i = 0; i < x.length; i++) {
            boolean before = i > 0 && drawable(x[i - 1], y[i - 1]);
            boolean after = i + 1 < x.length && drawable(x[i + 1], y[i + 1]);
            if (drawable(x[i], y[i]) && !before && !after) {
                g.fill(new Ellipse2D.Double(area.x(x[i]) - 4.5, area.y(y[i]) - 4.5, 9, 9));
            }
        }
    }

    /** The pixels of every drawable point and, with {@code marks}, of the marks' lines: what the legend should not cover. */
    private double[] pixels(PlotArea area, boolean withMarks) {
        java.util.stream.DoubleStream.Builder out = java.util.stream.DoubleStream.builder();
        for (int i = 0; withMarks && i < marks.size(); i++) {
            for (int step = 0; step <= 20; step++) {
                out.add(area.x(marks.get(i).x())).add(area.plot.y + area.plot.height * step / 20.0);
            }
        }
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (drawable(x[i], y[i])) {
                    out.add(area.x(x[i])).add(area.y(y[i]));
                }
            }
        }
        return out.build().toArray();
    }

    /** {xMin, xMax, yMin, yMax} of the drawable points and the marks, with 5% headroom above yMax. */
    private double[] range() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (drawable(x[i], y[i])) {
                    r[0] = Math.min(r[0], x[i]);
                    r[1] = Math.max(r[1], x[i]);
                    r[2] = Math.min(r[2], y[i]);
                    r[3] = Math.max(r[3], y[i]);
                }
            }
        }
        for (Mark m : marks) {
            r[0] = Math.min(r[0], m.x());
            r[1] = Math.max(r[1], m.x());
        }
        if (r[2] > r[3]) {
            r[2] = logY ? 0.1 : 0;
            r[3] = logY ? 10 : 1;
        } else if (r[2] == r[3]) {
            // a flat curve sits in the middle, not on the frame
            double pad = logY ? r[2] * 9 : r[2] == 0 ? 1 : Math.abs(r[2]) * 0.1;
            r[2] = logY ? r[2] / 10 : r[2] - pad;
            r[3] = r[3] + pad;
        }
        if (r[0] > r[1]) {
            r[0] = 0;
            r[1] = 1;
        }
        if (logY) {
            // headroom: 5% of the decades spanned, at least a twentieth of one
            double decades = Math.max(Math.log10(r[3] / r[2]), 1);
            r[3] *= Math.pow(10, 0.05 * decades);
        } else {
            double span = r[3] > r[2] ? r[3] - r[2] : Math.max(Math.abs(r[3]), 1) * 0.1;
            r[3] += 0.05 * span;
        }
        return r;
    }
}
