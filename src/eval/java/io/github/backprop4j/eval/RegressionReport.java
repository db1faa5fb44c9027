package io.github.backprop4j.eval;

import static io.github.backprop4j.eval.EvalChecks.checkArgument;
import static io.github.backprop4j.eval.EvalChecks.checkNotNull;

import io.github.backprop4j.math.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well predicted values match true ones, per target and averaged over targets with equal
 * weight, as scikit-learn's {@code multioutput="uniform_average"}: mean squared error
 * {@code MSE = (1/n) Σ (y − ŷ)²}, mean absolute error {@code MAE = (1/n) Σ |y − ŷ|},
 * {@code RMSE = √MSE} (the average of the per-target RMSEs), and
 * {@code R² = 1 − Σ (y − ŷ)² / Σ (y − ȳ)²} (1 for a perfect fit of a constant target, else 0
 * there).
 *
 * <pre>{@code
 * RegressionReport report = RegressionReport.of(yTest, net.predictValues(xTest), List.of("price"));
 * System.out.println(report.r2());
 * }</pre>
 */
public final class RegressionReport {

    private final List<String> targetNames;
    private final double[] mse;
    private final double[] mae;
    private final double[] r2;

    private RegressionReport(List<String> targetNames, double[] mse, double[] mae, double[] r2) {
        this.targetNames = targetNames;
        this.mse = mse;
        this.mae = mae;
        this.r2 = r2;
    }

    /**
     * A report of the predictions against the true values.
     *
     * @param actual      true values {@code [n × t]}, finite, not modified
     * @param predicted   predicted values, the same shape, finite, not modified
     * @param targetNames {@code t} names
     * @return the report
     */
    public static RegressionReport of(double[][] actual, double[][] predicted, List<String> targetNames) {
        Matrices.checkFinite(actual, "actual");
        Matrices.checkFinite(predicted, "predicted");
        checkNotNull(targetNames, "targetNames");
        checkArgument(Matrices.shape(actual).equals(Matrices.shape(predicted)),
                "actual is %s but predicted is %s", Matrices.shape(actual), Matrices.shape(predicted));
        int targets = actual[0].length;
        checkArgument(targetNames.size() == targets, "%d target names for %d targets", targetNames.size(), targets);
        double[] mse = new double[targets];
        double[] mae = new double[targets];
        double[] r2 = new double[targets];
        int n = actual.length;
        for (int t = 0; t < targets; t++) {
            double mean = 0;
            for (double[] row : actual) {
                mean += row[t] / n;
            }
            double squares = 0;
            double absolute = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double e = actual[i][t] - predicted[i][t];
                squares += e * e;
                absolute += Math.abs(e);
                total += (actual[i][t] - mean) * (actual[i][t] - mean);
            }
            mse[t] = squares / n;
            mae[t] = absolute / n;
            // R² = 1 − SS_res/SS_tot; a constant target scores 1 if fitted exactly, else 0
            r2[t] = total == 0 ? (squares == 0 ? 1 : 0) : 1 - squares / total;
        }
        return new RegressionReport(List.copyOf(targetNames), mse, mae, r2);
    }

    /**
     * Mean squared error, averaged over targets.
     *
     * @return the mean squared error
     */
    public double mse() {
        return mean(mse);
    }

    /**
     * Mean absolute error, averaged over targets.
     *
     * @return the mean absolute error
     */
    public double mae() {
        return mean(mae);
    }

    /**
     * Root mean squared error: the mean over targets of each target's {@code √MSE}.
     *
     * @return the root mean squared error
     */
    public double rmse() {
        double sum = 0;
        for (double m : mse) {
            sum += Math.sqrt(m);
        }
        return sum / mse.length;
    }

    /** {@return the coefficient of determination, averaged over targets} */
    public double r2() {
        return mean(r2);
    }

    /**
     * {MSE, MAE, RMSE, R²} of target {@code t}.
     *
     * @param t the target index, from 0
     * @return {MSE, MAE, RMSE, R²}
     */
    public double[] target(int t) {
        checkArgument(t >= 0 && t < mse.length, "target must be in [0, %d), got %d", mse.length, t);
        return new double[] {mse[t], mae[t], Math.sqrt(mse[t]), r2[t]};
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** A table: one row per target, then the average when there are several. */
    @Override
    public String toString() {
        int width = "average".length();
        for (String name : targetNames) {
            width = Math.max(width, name.length());
        }
        String row = "%" + width + "s  %10.4f %10.4f %10.4f %10.4f%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s  %10s %10s %10s %10s%n",
                "", "MSE", "MAE", "RMSE", "R2"));
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < mse.length; t++) {
            rows.add(target(t));
            s.append(String.format(Locale.ROOT, row, targetNames.get(t), mse[t], mae[t], Math.sqrt(mse[t]), r2[t]));
        }
        if (rows.size() > 1) {
            s.append(String.format(Locale.ROOT, row, "average", mse(), mae(), rmse(), r2()));
        }
        return s.toString();
    }
}
