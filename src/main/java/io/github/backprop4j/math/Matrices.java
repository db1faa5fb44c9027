package io.github.backprop4j.math;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.internal.Gemm;
import io.github.backprop4j.internal.Kernels;
import io.github.backprop4j.internal.Parallel;

/**
 * Shape-checked operations on plain {@code double[][]} matrices, rows first ({@code a[row][column]}).
 *
 * <p>Every method checks its arguments before it computes: a {@code null} matrix, a matrix with
 * no rows or no columns, rows of different lengths, or shapes that do not fit together raise
 * {@link IllegalArgumentException} naming the operation and both shapes, e.g.
 * {@code "multiply: 4x3 * 5x2, inner dimensions differ (3 vs 5)"}. Inputs are never modified.
 * The plain forms ({@code multiply}, {@code add}, ...) return a new array, so their output never
 * aliases an input; the {@code ...Into} forms write into an array the caller gives, and say in
 * their javadoc whether it may be one of the inputs.
 *
 * <pre>{@code
 * double[][] z = Matrices.addRowVector(Matrices.multiply(x, w), b);   // Z = X·W + b
 * }</pre>
 */
public final class Matrices {

    /** The product kernels: the Vector API ones when the JVM has the module, else the scalar ones. */
    private static final Gemm KERNELS = Kernels.selected();

    private Matrices() {
    }

    /**
     * The matrix-product kernels in use, chosen once at start-up: {@code "vector512"} or
     * {@code "vector256"} (the Vector API, when the JVM runs with
     * {@code --add-modules jdk.incubator.vector}), else {@code "scalar"}. Both give the same bits.
     *
     * @return the name of the kernel path
     */
    public static String kernels() {
        return KERNELS.name();
    }

    /**
     * Returns {@code "rows x columns"} of {@code a}, e.g. {@code "4x3"}; {@code "null"} for null.
     *
     * @param a the matrix, not modified
     * @return the shape
     */
    public static String shape(double[][] a) {
        if (a == null) {
            return "null";
        }
        return a.length + "x" + (a.length == 0 || a[0] == null ? 0 : a[0].length);
    }

    /**
     * Checks that {@code a} is a non-empty rectangular matrix and returns it.
     *
     * @param a    the matrix, not modified
     * @param name what to call it in the error message, e.g. {@code "features"}
     * @throws IllegalArgumentException naming the first row whose length differs from row 0
     * @return {@code a}
     */
    public static double[][] checkMatrix(double[][] a, String name) {
        if (a != null && a.length > 0 && a[0] != null && a[0].length > 0) {
            int columns = a[0].length;
            boolean rectangular = true;
            for (int i = 1; i < a.length && rectangular; i++) {
                rectangular = a[i] != null && a[i].length == columns;
            }
            if (rectangular) {
                return a;
            }
        }
        checkArgument(a != null, "%s must not be null", name);
        checkArgument(a.length > 0, "%s must have at least one row, got 0 rows", name);
        checkArgument(a[0] != null, "%s row 0 is null", name);
        int columns = a[0].length;
        checkArgument(columns > 0, "%s must have at least one column, got 0 columns", name);
        for (int i = 1; i < a.length; i++) {
            checkArgument(a[i] != null, "%s row %d is null", name, i);
            checkArgument(a[i].length == columns,
                    "%s rows differ in length: row 0 has %d columns, row %d has %d",
                    name, columns, i, a[i].length);
        }
        return a;
    }

    /**
     * Checks that every entry of {@code a} is finite (neither NaN nor infinite).
     *
     * @throws IllegalArgumentException naming the row and column of the first bad value (or the
     *                                  shape problem, as {@link #checkMatrix})
     * @param a    the matrix, not modified
     * @param name what to call it in the error message, e.g. {@code "features"}
     */
    public static void checkFinite(double[][] a, String name) {
        checkMatrix(a, name);
        int[] at = firstNonFinite(a);
        if (at != null) {
            throw new IllegalArgumentException(String.format("%s row %d, column %d is %s; every value must be finite",
                    name, at[0], at[1], a[at[0]][at[1]]));
        }
    }

    /**
     * The row and column of the first NaN or infinite entry of {@code a}, row by row, or null when
     * every entry is finite. Allocates nothing unless it finds one.
     *
     * @param a a matrix (rows may differ in length), not modified
     * @return {row, column}, or null when every entry is finite
     */
    public static int[] firstNonFinite(double[][] a) {
        return firstNonFinite(a, Parallel.defaultThreads());
    }

    /**
     * {@link #firstNonFinite(double[][])} with the rows shared among up to {@code threads}
     * threads when there are many values; the entry reported does not depend on {@code threads}.
     *
     * @param a       a matrix (rows may differ in length; null rows are skipped), not modified
     * @param threads at most this many threads, &gt;= 1
     * @return {row, column}, or null when every entry is finite
     */
    public static int[] firstNonFinite(double[][] a, int threads) {
        checkArgument(a != null, "firstNonFinite: matrix must not be null");
        checkArgument(threads > 0, "firstNonFinite: threads must be > 0, got %d", threads);
        if (allRowsFinite(a, threads)) {
            return null;
        }
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            if (row != null && !allFinite(row)) {
                for (int j = 0; j < row.length; j++) {
                    if (!Double.isFinite(row[j])) {
                        return new int[] {i, j};
                    }
                }
            }
        }
        return null;
    }

    private static final long EXPONENT = 0x7ff0000000000000L;
    private static final long EXPONENT_UNIT = 0x0010000000000000L;

    private static boolean allRowsFinite(double[][] a, int threads) {
        long values = 0;
        for (double[] row : a) {
            values += row == null ? 0 : row.length;
        }
        boolean[] bad = new boolean[1];
        // one pass over memory, reading values the update has just written (some of them in the
        // other threads' caches): a value costs about two multiply-adds
        Parallel.forRows(a.length, threads, 2 * values, (from, to) -> {
            for (int i = from; i < to && !bad[0]; i++) {
                if (a[i] != null && !allFinite(a[i])) {
                    bad[0] = true;
                }
            }
        });
        return !bad[0];
    }

    /**
     * Whether every value of {@code row} is finite: NaN and ±∞ are the doubles whose exponent bits
     * are all ones, and adding one unit to an all-ones exponent carries into the sign bit, so one
     * OR over the row (which the JIT vectorises) tells.
     */
    private static boolean allFinite(double[] row) {
        long carry = 0;
        for (double v : row) {
            carry |= (Double.doubleToRawLongBits(v) & EXPONENT) + EXPONENT_UNIT;
        }
        return carry >= 0;
    }

    /**
     * Returns a new {@code rows x columns} matrix of zeros.
     *
     * @param rows the number of rows
     * @param columns the number of columns
     * @return a new matrix
     */
    public static double[][] zeros(int rows, int columns) {
        checkArgument(rows > 0 && columns > 0, "zeros: shape must be positive, got %dx%d", rows, columns);
        return new double[rows][columns];
    }

    /**
     * Returns a deep copy of {@code a} (not modified).
     *
     * @param a the matrix, not modified
     * @return a new matrix
     */
    public static double[][] copy(double[][] a) {
        checkMatrix(a, "copy: argument");
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Matrix product {@code C = A·B}.
     *
     * @param a {@code [n×k]}, not modified
     * @param b {@code [k×m]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] multiply(double[][] a, double[][] b) {
        checkMatrix(a, "multiply: left operand");
        checkMatrix(b, "multiply: right operand");
        checkInner("multiply", " * ", a, b, a[0].length, b.length);
        double[][] c = new double[a.length][b[0].length];
        KERNELS.multiply(a, false, b, false, null, c, 1);
        return c;
    }

    /**
     * {@code C = A·B} into {@code c}, with the work shared among up to {@code threads} threads.
     * Each entry is computed by one thread, always with the same operations in the same order, so
     * the result does not depend on {@code threads}. Allocates nothing unless a check fails.
     *
     * <p>Every product here adds, for each entry, one fused multiply-add per term in increasing
     * order of the inner index ({@code c = fma(a_p, b_p, c)}), on the scalar kernels and on the
     * Vector API kernels alike (docs/performance.md), so both give the same bits.
     *
     * @param a       {@code [n×k]}, not modified
     * @param b       {@code [k×m]}, not modified
     * @param c       {@code [n×m]}, modified; must not be {@code a} or {@code b}
     * @param threads at most this many threads, &gt;= 1
     */
    public static void multiplyInto(double[][] a, double[][] b, double[][] c, int threads) {
        if (!fits(a, b, c, a.length, b.length, b.length > 0 ? b[0].length : -1) || a[0].length != b.length) {
            checkMatrix(a, "multiplyInto: left operand");
            checkMatrix(b, "multiplyInto: right operand");
            checkInner("multiplyInto", " * ", a, b, a[0].length, b.length);
            checkArgument(false, "multiplyInto: c is %s, expected %dx%d", shape(c), a.length, b[0].length);
        }
        KERNELS.multiply(a, false, b, false, null, c, threads);
    }

    /**
     * The affine map of a dense layer, {@code Z = X·W + 1·b} (the bias added to every row), into
     * {@code z}, with the work shared among up to {@code threads} threads as in
     * {@link #multiplyInto}. The bias is where each entry's sum starts, so it costs no pass of its
     * own. Allocates nothing unless a check fails.
     *
     * @param x       {@code X [n×k]}, not modified
     * @param w       {@code W [k×m]}, not modified
     * @param b       {@code b}, length {@code m}, not modified
     * @param z       {@code Z [n×m]}, modified; must not be {@code x} or {@code w}
     * @param threads at most this many threads, &gt;= 1
     */
    public static void affineInto(double[][] x, double[][] w, double[] b, double[][] z, int threads) {
        if (!fits(x, w, z, x.length, w.length, w.length > 0 ? w[0].length : -1) || x[0].length != w.length
                || b == null || b.length != w[0].length) {
            checkMatrix(x, "affineInto: X");
            checkMatrix(w, "affineInto: W");
            checkInner("affineInto", " * ", x, w, x[0].length, w.length);
            checkArgument(b != null, "affineInto: bias b must not be null");
            checkArgument(b.length == w[0].length, "affineInto: bias b has %d entries, expected %d (the columns of W)",
                    b.length, w[0].length);
            checkArgument(false, "affineInto: z is %s, expected %dx%d", shape(z), x.length, w[0].length);
        }
        KERNELS.multiply(x, false, w, false, b, z, threads);
    }

    /**
     * {@code C = Aᵀ·B} into {@code c} (the weight gradient {@code Xᵀ·dZ}), shared among up to
     * {@code threads} threads as in {@link #multiplyInto}. Allocates nothing unless a check fails.
     *
     * @param a {@code [k×n]}, not modified
     * @param b {@code [k×m]}, not modified
     * @param c {@code [n×m]}, modified; must not be {@code a} or {@code b}
     * @param threads at most this many threads, &gt;= 1
     */
    public static void multiplyTransAInto(double[][] a, double[][] b, double[][] c, int threads) {
        if (!fits(a, b, c, a.length > 0 && a[0] != null ? a[0].length : -1, a.length, b.length > 0 && b[0] != null ? b[0].length : -1)
                || a.length != b.length) {
            checkMatrix(a, "multiplyTransAInto: left operand");
            checkMatrix(b, "multiplyTransAInto: right operand");
            checkInner("multiplyTransAInto", "^T * ", a, b, a.length, b.length);
            checkArgument(false, "multiplyTransAInto: c is %s, expected %dx%d", shape(c), a[0].length, b[0].length);
        }
        KERNELS.multiply(a, true, b, false, null, c, threads);
    }

    /**
     * {@code C = A·Bᵀ} into {@code c} (the gradient {@code dZ·Wᵀ} for the layer below), shared
     * among up to {@code threads} threads as in {@link #multiplyInto}. Allocates nothing unless a
     * check fails.
     *
     * @param a       {@code [n×k]}, not modified
     * @param b       {@code [m×k]}, not modified
     * @param c       {@code [n×m]}, modified; must not be {@code a} or {@code b}
     * @param threads at most this many threads, &gt;= 1
     */
    public static void multiplyTransBInto(double[][] a, double[][] b, double[][] c, int threads) {
        if (!fitsTransB(a, b, c)) {
            checkMatrix(a, "multiplyTransBInto: left operand");
            checkMatrix(b, "multiplyTransBInto: right operand");
            checkInner("multiplyTransBInto", " * ", a, b, a[0].length, b[0].length);
            checkArgument(false, "multiplyTransBInto: c is %s, expected %dx%d", shape(c), a.length, b.length);
        }
        KERNELS.multiply(a, false, b, true, null, c, threads);
    }

    /**
     * {@code T = Aᵀ} into {@code t}. Allocates nothing unless a check fails.
     *
     * @param a {@code [n×m]}, not modified
     * @param t {@code [m×n]}, modified
     */
    public static void transposeInto(double[][] a, double[][] t) {
        if (a == null || t == null || a.length == 0 || a[0] == null || t.length != a[0].length || t[0] == null
                || t[0].length != a.length) {
            checkMatrix(a, "transposeInto: a");
            checkArgument(false, "transposeInto: t is %s, expected %dx%d", shape(t), a[0].length, a.length);
        }
        // 16 × 16 tiles, so the strided writes of a tile stay in cache
        int n = a.length;
        int m = a[0].length;
        for (int i0 = 0; i0 < n; i0 += 16) {
            int i1 = Math.min(n, i0 + 16);
            for (int j0 = 0; j0 < m; j0 += 16) {
                int j1 = Math.min(m, j0 + 16);
                for (int i = i0; i < i1; i++) {
                    double[] row = a[i];
                    for (int j = j0; j < j1; j++) {
                        t[j][i] = row[j];
                    }
                }
            }
        }
    }

    /** Whether a [n×k], b [m×k] and c [n×m] are rectangular and distinct; allocates nothing. */
    private static boolean fitsTransB(double[][] a, double[][] b, double[][] c) {
        if (a == null || b == null || c == null || a.length == 0 || b.length == 0 || c.length != a.length
                || a[0] == null || c == a || c == b) {
            return false;
        }
        int k = a[0].length;
        return k > 0 && rowsHaveLength(a, k) && rowsHaveLength(b, k) && rowsHaveLength(c, b.length);
    }

    private static boolean rowsHaveLength(double[][] rows, int length) {
        for (double[] row : rows) {
            if (row == null || row.length != length) {
                return false;
            }
        }
        return true;
    }

    /** Whether a, b, c are rectangular with a having {@code rowsA} rows, c {@code [cRows × cColumns]}; allocates nothing. */
    private static boolean fits(double[][] a, double[][] b, double[][] c, int cRows, int rowsB, int cColumns) {
        if (a == null || b == null || c == null || a.length == 0 || b.length == 0 || c.length != cRows || cColumns <= 0
                || b.length != rowsB || a[0] == null) {
            return false;
        }
        int ac = a[0].length;
        return ac > 0 && c != a && c != b && rowsHaveLength(a, ac) && rowsHaveLength(b, cColumns)
                && rowsHaveLength(c, cColumns);
    }

    /**
     * Product with the left operand transposed, {@code C = Aᵀ·B}, without building {@code Aᵀ}.
     *
     * @param a {@code [k×n]}, not modified
     * @param b {@code [k×m]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] multiplyTransA(double[][] a, double[][] b) {
        checkMatrix(a, "multiplyTransA: left operand");
        checkMatrix(b, "multiplyTransA: right operand");
        checkInner("multiplyTransA", "^T * ", a, b, a.length, b.length);
        double[][] c = new double[a[0].length][b[0].length];
        KERNELS.multiply(a, true, b, false, null, c, 1);
        return c;
    }

    /**
     * Product with the right operand transposed, {@code C = A·Bᵀ}, without building {@code Bᵀ}.
     *
     * @param a {@code [n×k]}, not modified
     * @param b {@code [m×k]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] multiplyTransB(double[][] a, double[][] b) {
        checkMatrix(a, "multiplyTransB: left operand");
        checkMatrix(b, "multiplyTransB: right operand");
        checkInner("multiplyTransB", " * ", a, b, a[0].length, b[0].length);
        double[][] c = new double[a.length][b.length];
        KERNELS.multiply(a, false, b, true, null, c, 1);
        return c;
    }

    /**
     * Adds a row vector to every row, {@code C = A + 1·r} (broadcast over rows).
     *
     * @param a {@code [n×m]}, not modified
     * @param r length {@code m}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] addRowVector(double[][] a, double[] r) {
        checkMatrix(a, "addRowVector: matrix");
        checkArgument(r != null, "addRowVector: row vector must not be null");
        checkArgument(r.length == a[0].length,
                "addRowVector: %s + 1x%d, the row vector must have %d entries", shape(a), r.length, a[0].length);
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                ci[j] = ai[j] + r[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * Element-wise sum {@code C = A + B}; both {@code [n×m]}, not modified.
     *
     * @param a {@code A [n×m]}, not modified
     * @param b {@code B [n×m]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] add(double[][] a, double[][] b) {
        checkSameShape("add", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    /**
     * Element-wise difference {@code C = A − B}; both {@code [n×m]}, not modified.
     *
     * @param a {@code A [n×m]}, not modified
     * @param b {@code B [n×m]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] subtract(double[][] a, double[][] b) {
        checkSameShape("subtract", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }

    /**
     * Element-wise (Hadamard) product {@code C = A ⊙ B}; both {@code [n×m]}, not modified.
     *
     * @param a {@code A [n×m]}, not modified
     * @param b {@code B [n×m]}, not modified
     * @return a new {@code [n×m]} matrix
     */
    public static double[][] hadamard(double[][] a, double[][] b) {
        checkSameShape("hadamard", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = a[i][j] * b[i][j];
            }
        }
        return c;
    }

    /**
     * Scalar multiple {@code C = s·A}; {@code a} not modified.
     *
     * @param s the scalar
     * @param a {@code A}, not modified
     * @return a new matrix
     */
    public static double[][] scale(double s, double[][] a) {
        checkMatrix(a, "scale: matrix");
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = s * a[i][j];
            }
        }
        return c;
    }

    /**
     * Column sums, {@code s[j] = Σ_i A[i][j]} (the bias gradient {@code db = 1ᵀ·dZ}).
     *
     * @param a {@code [n×m]}, not modified
     * @return a new array of length {@code m}
     */
    public static double[] sumColumns(double[][] a) {
        checkMatrix(a, "sumColumns: matrix");
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    /**
     * Index of the largest entry of each row; the first one wins a tie.
     *
     * @param a {@code [n×m]}, not modified
     * @return a new array of length {@code n}
     */
    public static int[] argmaxRows(double[][] a) {
        checkMatrix(a, "argmaxRows: matrix");
        int[] best = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            int arg = 0;
            for (int j = 1; j < row.length; j++) {
                if (row[j] > row[arg]) {
                    arg = j;
                }
            }
            best[i] = arg;
        }
        return best;
    }

    /**
     * One-hot encoding: row {@code i} has a 1 in column {@code labels[i]} and 0 elsewhere.
     *
     * @param labels  class indices in {@code [0, classes)}, not modified
     * @param classes number of columns
     * @return a new {@code [labels.length × classes]} matrix
     */
    public static double[][] oneHot(int[] labels, int classes) {
        checkArgument(labels != null, "oneHot: labels must not be null");
        checkArgument(labels.length > 0, "oneHot: labels must not be empty");
        checkArgument(classes > 0, "oneHot: classes must be > 0, got %d", classes);
        double[][] y = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            checkArgument(labels[i] >= 0 && labels[i] < classes,
                    "oneHot: label at index %d is %d, expected a class index in [0, %d)", i, labels[i], classes);
            y[i][labels[i]] = 1.0;
        }
        return y;
    }

    /**
     * Gathers rows {@code indices[from..to)} of {@code a} into a new matrix. The rows are shared,
     * not copied: treat the result as read-only.
     *
     * @param a       {@code [n×m]}, not modified
     * @param indices row indices in {@code [0, n)}, not modified
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return a new matrix of the selected rows (copied)
     */
    public static double[][] selectRows(double[][] a, int[] indices, int from, int to) {
        checkArgument(a != null && indices != null, "selectRows: matrix and indices must not be null");
        checkArgument(from >= 0 && from < to && to <= indices.length,
                "selectRows: range [%d, %d) is not a non-empty part of %d indices", from, to, indices.length);
        double[][] rows = new double[to - from][];
        for (int i = from; i < to; i++) {
            checkArgument(indices[i] >= 0 && indices[i] < a.length,
                    "selectRows: index %d is out of range for %d rows", indices[i], a.length);
            rows[i - from] = a[indices[i]];
        }
        return rows;
    }

    private static void checkInner(String op, String symbol, double[][] a, double[][] b, int left, int right) {
        checkArgument(left == right, "%s: %s%s%s, inner dimensions differ (%d vs %d)",
                op, shape(a), symbol, shape(b), left, right);
    }

    private static void checkSameShape(String op, double[][] a, double[][] b) {
        checkMatrix(a, op + ": left operand");
        checkMatrix(b, op + ": right operand");
        checkArgument(a.length == b.length && a[0].length == b[0].length,
                "%s: %s and %s, shapes differ", op, shape(a), shape(b));
    }
}
