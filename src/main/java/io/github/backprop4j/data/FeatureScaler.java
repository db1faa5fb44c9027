package io.github.backprop4j.data;

/**
 * A fitted per-column map applied to features before they reach a network, such as
 * {@link StandardScaler} or {@link MinMaxScaler}, so a saved model can replay it on raw rows.
 * Implementations are immutable and safe to share between threads.
 */
public interface FeatureScaler {

    /** {@return number of columns it was fitted on} */
    int columns();

    /**
     * Maps every row of {@code x}.
     *
     * @param x features {@code [m × columns()]}; not modified
     * @return a new {@code [m × columns()]} matrix
     */
    double[][] transform(double[][] x);

    /**
     * Maps one row into {@code out}, allocating nothing.
     *
     * @param row {@code columns()} values; not modified
     * @param out {@code columns()} values, modified; may be {@code row}
     * @throws IllegalArgumentException if a length differs from {@code columns()}
     */
    void transformRow(double[] row, double[] out);
}
