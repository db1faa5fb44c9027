package io.github.backprop4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;

/**
 * The frame every chart shares: a title, two axes with nice ticks and tick labels, axis titles,
 * and the mapping from data coordinates to pixels inside the frame. Charts draw their data with
 * {@link #x(double)} and {@link #y(double)} between {@link #drawFrame} and nothing else.
 */
final class PlotArea {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color AXIS = new Color(40, 40, 40);
    static final Color GRID = new Color(225, 225, 225);

    final Rectangle plot;       // the data region in pixels
    final Ticks xTicks;
    final Ticks yTicks;
    private final int yLabelWidth;    // the widest y tick label, in pixels

    /** Lays out a chart in {@code bounds} for data in {@code [xMin, xMax] × [yMin, yMax]}. */
    PlotArea(Rectangle bounds, double xMin, double xMax, double yMin, double yMax) {
        this(bounds, Ticks.covering(xMin, xMax, 6), Ticks.covering(yMin, yMax, 5), 34);
    }

    /** Axes with these ticks in {@code bounds}; the left margin fits the widest y tick label and the axis title. */
    PlotArea(Rectangle bounds, Ticks xTicks, Ticks yTicks, FontMetrics tick) {
        this(bounds, xTicks, yTicks, widest(yTicks, tick));
    }

    private static int widest(Ticks ticks, FontMetrics tick) {
        int widest = 0;
        for (double v : ticks.values()) {
            widest = Math.max(widest, tick.stringWidth(ticks.label(v)));
        }
        return widest;
    }

    private PlotArea(Rectangle bounds, Ticks xTicks, Ticks yTicks, int yLabelWidth) {
        this.xTicks = xTicks;
        this.yTicks = yTicks;
        this.yLabelWidth = yLabelWidth;
        // tick mark 5, gap 3, the labels, a gap of 10, the rotated axis title (about 14), a margin of 6
        int left = bounds.x + Math.max(70, yLabelWidth + 38);
        int top = bounds.y + 36;
        int right = bounds.x + bounds.width - 20;
        int bottom = bounds.y + bounds.height - 52;
        this.plot = new Rectangle(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    /** The pixel column of data value {@code v}. */
    double x(double v) {
        return plot.x + (xTicks.position(v) - xTicks.low) / (xTicks.high - xTicks.low) * plot.width;
    }

    /** The pixel row of data value {@code v} (up is larger). */
    double y(double v) {
        return plot.y + plot.height - (yTicks.position(v) - yTicks.low) / (yTicks.high - yTicks.low) * plot.height;
    }

    /** The data value at pixel column {@code px}. */
    double xValue(double px) {
        return xTicks.low + (px - plot.x) / plot.width * (xTicks.high - xTicks.low);
    }

    /** The data value at pixel row {@code py}. */
    double yValue(double py) {
        return yTicks.low + (plot.y + plot.height - py) / plot.height * (yTicks.high - yTicks.low);
    }

    /** Background, grid, axes, ticks with labels, axis titles and the title. */
    void drawFrame(Graphics2D g, String title, String xLabel, String yLabel) {
        g.setColor(Color.WHITE);
        g.fill(plot);
        g.setStroke(new BasicStroke(1f));
        g.setFont(TICK_FONT);
        FontMetrics tick = g.getFontMetrics();
        for (double v : xTicks.values()) {
            int px = (int) Math.round(x(v));
            g.setColor(GRID);
            g.drawLine(px, plot.y, px, plot.y + plot.height);
            g.setColor(AXIS);
            g.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + 5);
            String s = xTicks.label(v);
            g.drawString(s, px - tick.stringWidth(s) / 2, plot.y + plot.height + 7 + tick.getAscent());
        }
        for (double v : yTicks.values()) {
            int py = (int) Math.round(y(v));
            g.setColor(GRID);
            g.drawLine(plot.x, py, plot.x + plot.width, py);
            g.setColor(AXIS);
            g.drawLine(plot.x - 5, py, plot.x, py);
            String s = yTicks.label(v);
            g.drawString(s, plot.x - 8 - tick.stringWidth(s), py + tick.getAscent() / 2 - 1);
        }
        g.setColor(AXIS);
        g.drawRect(plot.x, plot.y, plot.width, plot.height);
        g.setFont(LABEL_FONT);
        FontMetrics label = g.getFontMetrics();
        g.drawString(xLabel, plot.x + (plot.width - label.stringWidth(xLabel)) / 2, plot.y + plot.height + 44);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(plot.y + (plot.height + label.stringWidth(yLabel)) / 2), plot.x - yLabelWidth - 18);
        g.setTransform(saved);
        g.setFont(TITLE_FONT);
        g.drawString(title, plot.x + (plot.width - g.getFontMetrics().stringWidth(title)) / 2, plot.y - 12);
    }

    /**
     * A vertical line at {@code xValue} across the plot, labelled at its top: dashed, or solid with
     * a cross at the top (where a curve stopped).
     */
    void drawMark(Graphics2D g, double xValue, String text, Color color, boolean dashed) {
        int px = (int) Math.round(x(xValue));
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(1.6f));
        g.drawLine(px, plot.y, px, plot.y + plot.height);
        if (!dashed) {
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(px - 6, plot.y + 4, px + 6, plot.y + 16);
            g.drawLine(px - 6, plot.y + 16, px + 6, plot.y + 4);
        }
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        int width = fm.stringWidth(text);
        // beside the line, inside the plot, a third of the way down (the legend sits in a corner):
        // to its right, or to its left near the right edge, on a white box
        int tx = Math.max(plot.x + 2, px + 8 + width <= plot.x + plot.width - 2 ? px + 8 : px - 8 - width);
        int ty = plot.y + plot.height / 3;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(tx - 2, ty - fm.getAscent() - 1, width + 4, fm.getHeight() + 2);
        g.setColor(color);
        g.drawString(text, tx, ty);
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * A legend box, one colour swatch and name per entry, in whichever corner of the plot covers
     * the fewest of {@code points} (pixel positions, {x0, y0, x1, y1, ...}); top right on a tie.
     */
    void drawLegend(Graphics2D g, String[] names, Color[] colors, double[] points) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int width = 0;
        for (String name : names) {
            width = Math.max(width, fm.stringWidth(name));
        }
        int rowHeight = fm.getHeight();
        int boxWidth = width + 40;
        int boxHeight = rowHeight * names.length + 8;
        Rectangle box = quietestCorner(boxWidth, boxHeight, points);
        int x0 = box.x;
        int y0 = box.y;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x0, y0, boxWidth, boxHeight);
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, boxWidth, boxHeight);
        for (int i = 0; i < names.length; i++) {
            int baseline = y0 + 4 + rowHeight * i + fm.getAscent();
            g.setColor(colors[i]);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x0 + 6, baseline - fm.getAscent() / 2 + 1, x0 + 28, baseline - fm.getAscent() / 2 + 1);
            g.setColor(AXIS);
            g.drawString(names[i], x0 + 34, baseline);
        }
    }

    private Rectangle quietestCorner(int width, int height, double[] points) {
        int left = plot.x + 8;
        int right = plot.x + plot.width - width - 8;
        int top = plot.y + 8;
        int bottom = plot.y + plot.height - height - 8;
        Rectangle[] corners = {new Rectangle(right, top, width, height), new Rectangle(right, bottom, width, height),
            new Rectangle(left, top, width, height), new Rectangle(left, bottom, width, height)};
        Rectangle best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (Rectangle corner : corners) {
            int inside = 0;
            for (int i = 0; i + 1 < points.length; i += 2) {
                inside += corner.contains(points[i], points[i + 1]) ? 1 : 0;
            }
            if (inside < fewest) {
                fewest = inside;
                best = corner;
            }
        }
        return best;
    }
}
