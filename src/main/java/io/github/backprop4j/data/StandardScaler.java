package io.github.backprop4j.data;

/**
 * Standardisation, {@code x' = (x − μ) / σ} per column, with the mean {@code μ} and the
 * population standard deviation {@code σ} of the data it was fitted on.
 *
 * <p>Fit on the training part only, then transform both parts with the same statistics: fitting
 * on all the data lets the test part leak into training. A constant column ({@code σ = 0}) gets
 * {@code σ = 1}, so it becomes 0 rather than NaN. Immutable once fitted; the statistics are
 * readable so they can be stored with a model.
 *
 * <pre>{@code
 * StandardScaler scaler = StandardScaler.fit(train.features());
 * double[][] xTrain = scaler.transform(train.features());
 * double[][] xTest  = scaler.transform(test.features());
 * }</pre>
 */
public final class StandardScaler implements FeatureScaler {

    private final ColumnTransform transform;

    /**
     * A scaler with known statistics, e.g. read back from a saved model.
     *
     * @param mean  {@code μ} per column, finite; copied
     * @param scale {@code σ} per column, finite and &gt; 0; copied
     */
    public StandardScaler(double[] mean, double[] scale) {
        this.transform = new ColumnTransform("StandardScaler", "mean", mean, "scale", scale);
    }

    /**
     * Learns {@code μ} and {@code σ} of each column of {@code x}.
     *
     * @param x training features {@code [n × d]}, finite; not modified
     * @return the fitted scaler
     */
    public static StandardScaler fit(double[][] x) {
        ColumnTransform.checkFitInput("StandardScaler", x);
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            // μ_j = (1/n) Σ_i x_ij
            double sum = 0.0;
            for (double[] row : x) {
                sum += row[j];
            }
            mean[j] = sum / n;
            // σ_j = sqrt((1/n) Σ_i (x_ij − μ_j)²), two-pass for accuracy
            double squares = 0.0;
            for (double[] row : x) {
                double centred = row[j] - mean[j];
                squares += centred * centred;
            }
            double std = Math.sqrt(squares / n);
            scale[j] = std > 0 ? std : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /**
     * Applies {@code x' = (x − μ) / σ} to each column.
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

    /** {@return a copy of the column means {@code μ}} */
    public double[] mean() {
        return transform.offset();
    }

    /** {@return a copy of the column scales {@code σ} (1 for constant columns)} */
    public double[] scale() {
        return transform.scale();
    }
}
