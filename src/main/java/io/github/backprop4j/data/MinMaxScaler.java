package io.github.backprop4j.data;

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
public final class MinMaxScaler implements FeatureScaler {

    private final ColumnTransform transform;

    /**
     * A scaler with known statistics, e.g. read back from a saved model.
     *
     * @param min   the minimum per column, finite; copied
     * @param range {@code max − min} per column, finite and &gt; 0; copied
     */
    public MinMaxScaler(double[] min, double[] range) {
        this.transform = new ColumnTransform("MinMaxScaler", "min", min, "range", range);
    }

    /**
     * Learns the minimum and range of each column of {@code x}.
     *
     * @param x training features {@code [n × d]}, finite; not modified
     * @return the fitted scaler
     */
    public static MinMaxScaler fit(double[][] x) {
        ColumnTransform.checkFitInput("MinMaxScaler", x);
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
    @Override
    public double[][] transform(double[][] x) {
        return transform.apply(x);
    }

    @Override
    public void transformRow(double[] row, double[] out) {
        transform.applyRow(row, out);
    }

    @Override
    public int columns() {
        return transform.columns();
    }

    /** {@return a copy of the column minimums} */
    public double[] min() {
        return transform.offset();
    }

    /** {@return a copy of the column ranges, {@code max − min} (1 for constant columns)} */
    public double[] range() {
        return transform.scale();
    }
}
