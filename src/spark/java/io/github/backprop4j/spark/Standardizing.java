package io.github.backprop4j.spark;

import io.github.backprop4j.data.StandardScaler;
import org.apache.spark.api.java.JavaRDD;

/**
 * Fits the library's {@link StandardScaler} on distributed rows, with the same two passes and the
 * same formulas as {@link StandardScaler#fit}: {@code μ = Σx / n}, then
 * {@code σ = sqrt(Σ(x − μ)² / n)}, and 1 for a constant column.
 */
final class Standardizing {

    private Standardizing() {
    }

    /** The scaler of {@code rows}' features. */
    static StandardScaler fit(JavaRDD<IndexedRow> rows) {
        int d = rows.first().features().length;
        // pass 1: [n, Σx_0, ..., Σx_(d−1)]
        double[] sums = rows.treeAggregate(new double[d + 1], (acc, row) -> {
            acc[0] += 1;
            double[] x = row.features();
            for (int j = 0; j < d; j++) {
                acc[j + 1] += x[j];
            }
            return acc;
        }, NetworkArrays::add);
        double n = sums[0];
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sums[j + 1] / n;
        }
        // pass 2: Σ(x_j − μ_j)²
        double[] squares = rows.treeAggregate(new double[d], (acc, row) -> {
            double[] x = row.features();
            for (int j = 0; j < d; j++) {
                double centred = x[j] - mean[j];
                acc[j] += centred * centred;
            }
            return acc;
        }, NetworkArrays::add);
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(squares[j] / n);
            scale[j] = std > 0 ? std : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /** {@code rows} with features {@code (x − μ) / σ}. */
    static JavaRDD<IndexedRow> apply(JavaRDD<IndexedRow> rows, double[] mean, double[] scale) {
        return rows.map(row -> {
            double[] x = row.features().clone();
            for (int j = 0; j < x.length; j++) {
                x[j] = (x[j] - mean[j]) / scale[j];
            }
            return new IndexedRow(row.index(), x, row.label());
        });
    }
}
