package io.github.backprop4j.internal;

import java.util.Arrays;

/**
 * A matrix product, {@code C = 1·bias + op(A)·op(B)} with {@code op} the identity or the
 * transpose: the three products backpropagation needs ({@code X·W}, {@code Xᵀ·dZ},
 * {@code dZ·Wᵀ}) with one entry point. This class shares the work among threads; a subclass
 * computes a block of {@code C}.
 *
 * <p>The contract of a subclass: every entry of {@code C} starts from its bias (or zero) and adds
 * its products one fused multiply-add at a time, {@code c = fma(a_p, b_p, c)}, in increasing order
 * of the inner index {@code p}, wherever the entry lies in {@code C} and however the work is
 * shared. So a product is bit-identical whatever the thread count, and the scalar and the Vector
 * API kernels give the same bits. Products of few rows (one sample) skip the blocking and go
 * through {@link #addRowTimesColumns}, which keeps the same contract.
 *
 * <p>Shapes are checked by the caller ({@code Matrices}); this class trusts them. Not part of the
 * public API.
 */
public abstract class Gemm {

    /** Below this many rows of C, a product {@code A·B} runs row by row from the unpacked operands. */
    static final int FEW_ROWS = 4;

    private final int rowUnit;
    private final int columnUnit;

    /**
     * @param rowUnit    the rows of C a thread's share is a multiple of
     * @param columnUnit the columns of C a thread's share is a multiple of
     */
    protected Gemm(int rowUnit, int columnUnit) {
        this.rowUnit = rowUnit;
        this.columnUnit = columnUnit;
    }

    /** A short name of this kernel path, e.g. {@code "scalar"}. */
    public abstract String name();

    /** {@code C[i0..i1)[j0..j1) += op(A)·op(B)}, on the calling thread. */
    protected abstract void multiplyBlock(double[][] a, boolean transA, double[][] b, boolean transB, double[][] c,
            int k, int i0, int i1, int j0, int j1);

    /**
     * {@code c[j] = fma(a[p], b[p][j], c[j])} for {@code p} = 0, 1, ..., k − 1 and columns
     * {@code j} in {@code [from, to)}.
     */
    protected abstract void addRowTimesColumns(double[] a, double[][] b, double[] c, int k, int from, int to);

    /**
     * {@code C = 1·bias + op(A)·op(B)}, shared among up to {@code threads} threads.
     *
     * @param a       {@code A}, {@code [n×k]}, or {@code [k×n]} when {@code transA}
     * @param transA  whether {@code op(A) = Aᵀ}
     * @param b       {@code B}, {@code [k×m]}, or {@code [m×k]} when {@code transB}
     * @param transB  whether {@code op(B) = Bᵀ}
     * @param bias    length {@code m}, or null for zero
     * @param c       {@code [n×m]}, overwritten; must not be {@code a} or {@code b}
     * @param threads at most this many threads, &gt;= 1
     */
    public final void multiply(double[][] a, boolean transA, double[][] b, boolean transB, double[] bias, double[][] c,
            int threads) {
        int n = c.length;
        int m = c[0].length;
        int k = transA ? a.length : a[0].length;
        long work = (long) n * k * m;
        if (n < FEW_ROWS && !transA && !transB) {
            // one sample or a few: stream the rows of B once per row of C
            Parallel.forRows(m, threads, work, (from, to) -> {
                for (int i = 0; i < n; i++) {
                    initRow(c[i], bias, from, to);
                    addRowTimesColumns(a[i], b, c[i], k, from, to);
                }
            });
        } else if (m > n) {
            // a batch times wide weights: share the columns, so each thread reads only its part of B
            Parallel.forRows((m + columnUnit - 1) / columnUnit, threads, work, (from, to) -> {
                int j0 = from * columnUnit;
                int j1 = Math.min(m, to * columnUnit);
                for (int i = 0; i < n; i++) {
                    initRow(c[i], bias, j0, j1);
                }
                multiplyBlock(a, transA, b, transB, c, k, 0, n, j0, j1);
            });
        } else {
            Parallel.forRows((n + rowUnit - 1) / rowUnit, threads, work, (from, to) -> {
                int i0 = from * rowUnit;
                int i1 = Math.min(n, to * rowUnit);
                for (int i = i0; i < i1; i++) {
                    initRow(c[i], bias, 0, m);
                }
                multiplyBlock(a, transA, b, transB, c, k, i0, i1, 0, m);
            });
        }
    }

    /**
     * Rows {@code [i0, i1)} of {@code C = 1·bias + op(A)·op(B)}, on the calling thread: one
     * thread's share of a product whose rows a caller hands out itself (the training step shares a
     * layer's rows, and with them the activation's work, in one hand-over). The other rows of
     * {@code C} are not touched; the rows computed are the bits {@link #multiply} gives them.
     *
     * @param a      {@code A}, {@code [n×k]}, or {@code [k×n]} when {@code transA}
     * @param transA whether {@code op(A) = Aᵀ}
     * @param b      {@code B}, {@code [k×m]}, or {@code [m×k]} when {@code transB}
     * @param transB whether {@code op(B) = Bᵀ}
     * @param bias   length {@code m}, or null for zero
     * @param c      {@code [n×m]}; rows {@code [i0, i1)} overwritten
     * @param i0     the first row, inclusive
     * @param i1     the last row, exclusive
     */
    public final void multiplyRows(double[][] a, boolean transA, double[][] b, boolean transB, double[] bias,
            double[][] c, int i0, int i1) {
        int m = c[0].length;
        int k = transA ? a.length : a[0].length;
        for (int i = i0; i < i1; i++) {
            initRow(c[i], bias, 0, m);
        }
        if (i1 - i0 < FEW_ROWS && !transA && !transB) {
            for (int i = i0; i < i1; i++) {
                addRowTimesColumns(a[i], b, c[i], k, 0, m);
            }
        } else if (i1 > i0) {
            multiplyBlock(a, transA, b, transB, c, k, i0, i1, 0, m);
        }
    }

    /** The rows of C a thread's share should be a multiple of, for the micro-kernel's tiles. */
    public final int rowUnit() {
        return rowUnit;
    }

    private static void initRow(double[] row, double[] bias, int from, int to) {
        if (bias == null) {
            Arrays.fill(row, from, to, 0.0);
        } else {
            System.arraycopy(bias, from, row, from, to - from);
        }
    }
}
