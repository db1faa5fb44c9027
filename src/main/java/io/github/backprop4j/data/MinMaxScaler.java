package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.math.Matrices;

/**
 * Rescaling to {@code [0, 1]}, {@code x' = (x − min) / (max − min)} per column, with the minimum
 * and maximum of the data it was fitted on.
 *
 * <p>Fit on the training part only; values of other data outside the fitted range map outside
 * {@code [0, 1]}. A constant column ({@code max = min}) gets range 1, so it becomes 0 rather than
 * NaN. Immutable once fitted; the statistics are readable so they can be stored with a model.
 *
 * <pre>{@code
 * MinMaxScaler scaler = MinMaxScaler.fit(train.features());
 * double[][] xTest = scaler.transform(test.features());
 * }</pre>
 */
public final class MinMaxScaler {

    private final double[] min;
    private final double[] range;

    /**
     * A scaler with known statistics, e.g. read back from a saved model.
     *
     * @param min   the minimum per column, finite; copied
     * @param range {@code max − min} per column, finite and &gt; 0; copied
     */
    public MinMaxScaler(double[] min, double[] range) {
        checkNotNull(min, "min");
        checkNotNull(range, "range");
        checkArgument(min.length > 0 && min.length == range.length,
                "min and range must have the same, non-zero length, got %d and %d", min.length, range.length);
        for (int j = 0; j < min.length; j++) {
            checkArgument(Double.isFinite(min[j]), "min[%d] is %s, expected a finite number", j, min[j]);
            checkArgument(Double.isFinite(range[j]) && range[j] > 0,
                    "range[%d] is %s, expected a finite number > 0", j, range[j]);
        }
        this.min = min.clone();
        this.range = range.clone();
    }

    /**
     * Learns the minimum and range of each column of {@code x}.
     *
     * @param x training features {@code [n × d]}, finite; not modified
     */
    public static MinMaxScaler fit(double[][] x) {
        Matrices.checkMatrix(x, "MinMaxScaler.fit: x");
        Matrices.checkFinite(x, "MinMaxScaler.fit: x");
        int d = x[0].length;
        double[] min = new double[d];
        double[] range = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                lo = Math.min(lo, row[j]);
                hi = Math.max(hi, row[j]);
            }
            min[j] = lo;
            // a range that overflows (e.g. −1e308 to 1e308) or is zero falls back to 1
            double span = hi - lo;
            range[j] = span > 0 && Double.isFinite(span) ? span : 1.0;
        }
        return new MinMaxScaler(min, range);
    }

    /**
     * Applies {@code x' = (x − min) / range} to each column.
     *
     * @param x features {@code [m × d]} with the fitted column count; not modified
     * @return a new {@code [m × d]} matrix
     */
    public double[][] transform(double[][] x) {
        Matrices.checkMatrix(x, "MinMaxScaler.transform: x");
        checkArgument(x[0].length == min.length,
                "MinMaxScaler.transform: x is %s but the scaler was fitted on %d columns", Matrices.shape(x), min.length);
        double[][] out = new double[x.length][min.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < min.length; j++) {
                out[i][j] = (x[i][j] - min[j]) / range[j];
            }
        }
        return out;
    }

    /** A copy of the column minimums. */
    public double[] min() {
        return min.clone();
    }

    /** A copy of the column ranges, {@code max − min} (1 for constant columns). */
    public double[] range() {
        return range.clone();
    }
}
