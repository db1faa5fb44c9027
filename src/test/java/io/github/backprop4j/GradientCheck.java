package io.github.backprop4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Finite-difference gradient checking for tests: central differences in double precision,
 * compared entry by entry with relative error {@code |a − n| / (|a| + |n|)}.
 */
public final class GradientCheck {

    /** Step of the central difference {@code (f(x + h) − f(x − h)) / 2h}; error O(h²) ≈ 1e-10. */
    public static final double STEP = 1e-5;
    /** Largest relative error accepted between an analytic and a numerical gradient entry. */
    public static final double TOLERANCE = 1e-6;
    /** Entries with {@code |a| + |n|} below this are both zero for our purposes (rounding noise). */
    public static final double ABSOLUTE_FLOOR = 1e-9;

    private GradientCheck() {
    }

    /**
     * The numerical gradient of {@code f} at {@code point}: each entry is perturbed by ±STEP in
     * turn (and restored), {@code ∂f/∂x_ij ≈ (f(x + h·e_ij) − f(x − h·e_ij)) / 2h}.
     */
    public static double[][] numerical(double[][] point, ToDoubleFunction<double[][]> f) {
        double[][] grad = new double[point.length][point[0].length];
        for (int i = 0; i < point.length; i++) {
            for (int j = 0; j < point[i].length; j++) {
                double saved = point[i][j];
                point[i][j] = saved + STEP;
                double plus = f.applyAsDouble(point);
                point[i][j] = saved - STEP;
                double minus = f.applyAsDouble(point);
                point[i][j] = saved;
                grad[i][j] = (plus - minus) / (2 * STEP);
            }
        }
        return grad;
    }

    /** Throws {@link AssertionError} listing every entry whose relative error exceeds TOLERANCE. */
    public static void assertClose(double[][] analytic, double[][] numerical, String what) {
        List<String> failures = mismatches(analytic, numerical, what);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " gradient entries differ:\n" + String.join("\n", failures));
        }
    }

    /**
     * Every entry where the analytic and numerical gradients disagree: relative error above
     * TOLERANCE, or either value NaN or infinite (a NaN compares false with everything, so it
     * must be caught explicitly).
     */
    public static List<String> mismatches(double[][] analytic, double[][] numerical, String what) {
        if (analytic.length != numerical.length || analytic[0].length != numerical[0].length) {
            return List.of(what + ": analytic gradient is " + analytic.length + "x" + analytic[0].length
                    + " but numerical is " + numerical.length + "x" + numerical[0].length);
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < analytic.length; i++) {
            for (int j = 0; j < analytic[i].length; j++) {
                double a = analytic[i][j];
                double n = numerical[i][j];
                double scale = Math.abs(a) + Math.abs(n);
                double error = Math.abs(a - n) / scale;
                boolean finite = Double.isFinite(a) && Double.isFinite(n);
                if (!finite || (scale > ABSOLUTE_FLOOR && error > TOLERANCE)) {
                    failures.add(String.format("%s[%d][%d]: analytic %.12g vs numerical %.12g, relative error %.3g > %.0g",
                            what, i, j, a, n, error, TOLERANCE));
                }
            }
        }
        return failures;
    }

    /** {@code Σ_ij G_ij · A_ij}: a scalar whose gradient with respect to {@code A} is {@code G}. */
    public static double weightedSum(double[][] a, double[][] g) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += g[i][j] * a[i][j];
            }
        }
        return s;
    }

    /** A {@code rows × columns} matrix of N(0, 1) draws. */
    public static double[][] gaussian(int rows, int columns, Random random) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    /** Like {@link #gaussian} but every entry at least {@code margin} away from 0 (off ReLU's kink). */
    public static double[][] awayFromZero(int rows, int columns, double margin, Random random) {
        double[][] m = gaussian(rows, columns, random);
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] += Math.copySign(margin, row[j]);
            }
        }
        return m;
    }
}
