package io.github.backprop4j.plot;

import static io.github.backprop4j.plot.PlotChecks.checkArgument;
import static io.github.backprop4j.plot.PlotChecks.checkNotNull;

import java.awt.Color;

/**
 * One named curve of a {@link LineChart}: points {@code (x[i], y[i])} joined in order, in one
 * colour. NaN values leave a gap. The arrays are copied.
 *
 * @param name  the legend entry
 * @param color the line colour
 * @param x     the x values
 * @param y     the y values, as many as {@code x}
 */
public record Series(String name, Color color, double[] x, double[] y) {

    /**
     * Validates and copies.
     *
     * @param name the legend entry
     * @param color the line colour
     * @param x the x values
     * @param y the y values, as many as {@code x}
     */
    public Series {
        checkNotNull(name, "name");
        checkNotNull(color, "color");
        checkNotNull(x, "x");
        checkNotNull(y, "y");
        checkArgument(x.length == y.length, "series '%s' has %d x values but %d y values", name, x.length, y.length);
        x = x.clone();
        y = y.clone();
    }

    /** {@return a copy of the x values} */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** {@return a copy of the y values} */
    @Override
    public double[] y() {
        return y.clone();
    }
}
