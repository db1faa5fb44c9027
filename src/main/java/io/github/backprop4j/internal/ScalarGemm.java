package io.github.backprop4j.internal;

/**
 * The portable kernels: plain Java loops that the JIT compiler vectorises on its own. The kernel
 * adds four rows of B per pass over a row of C with fused multiply-adds,
 * {@code c[j] = fma(a₃, b₃[j], fma(a₂, b₂[j], fma(a₁, b₁[j], fma(a₀, b₀[j], c[j]))))}, so C is
 * loaded and stored once per four of them, over small blocks of B that stay in cache while every
 * row of A passes over them. The loops index B and C alike, which is what the JIT needs to
 * vectorise them, so B is read in place; only {@code Bᵀ} is copied, a block at a time.
 *
 * <p>Each entry gets one {@link Math#fma} per product, in increasing order of the inner index,
 * exactly as in the Vector API kernels, so the two paths give the same bits. {@code Math.fma} is
 * one instruction on x86-64 processors since 2013 and on 64-bit ARM; a processor without it
 * (some low-power Atom and Celeron models) emulates it, much more slowly. Not part of the public
 * API.
 */
public final class ScalarGemm extends Gemm {

    /** The columns of C per pass. */
    private static final int NC = 1024;
    /**
     * The rows of B per pass: a {@code SLICE × NC} block of B (128 KiB) stays close while every
     * row of A passes over it. Sixteen measured best between 16 and 256 (docs/performance.md).
     */
    private static final int SLICE = 16;

    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** The portable kernels. */
    public ScalarGemm() {
        super(4, 64);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    protected void multiplyBlock(double[][] a, boolean transA, double[][] b, boolean transB, double[][] c, int k,
            int i0, int i1, int j0, int j1) {
        Buffers buf = buffers.get();
        double[] column = transA ? buf.column(SLICE) : null;
        double[][] bt = transB ? buf.transposed(SLICE, c[0].length) : null;
        for (int jc = j0; jc < j1; jc += NC) {
            int jEnd = Math.min(j1, jc + NC);
            for (int pc = 0; pc < k; pc += SLICE) {
                int kc = Math.min(SLICE, k - pc);
                // the rows of op(B) for this slice, indexed like the columns of C
                double[][] rows = b;
                int r0 = pc;
                if (transB) {
                    for (int p = 0; p < kc; p++) {
                        double[] row = bt[p];
                        for (int j = jc; j < jEnd; j++) {
                            row[j] = b[j][pc + p];
                        }
                    }
                    rows = bt;
                    r0 = 0;
                }
                for (int i = i0; i < i1; i++) {
                    if (transA) {
                        for (int p = 0; p < kc; p++) {
                            column[p] = a[pc + p][i];
                        }
                        addSlice(column, 0, rows, r0, kc, c[i], jc, jEnd);
                    } else {
                        addSlice(a[i], pc, rows, r0, kc, c[i], jc, jEnd);
                    }
                }
            }
        }
    }

    @Override
    protected void addRowTimesColumns(double[] a, double[][] b, double[] c, int k, int from, int to) {
        addSlice(a, 0, b, 0, k, c, from, to);
    }

    /**
     * {@code c[j] = fma(a[a0 + p], rows[r0 + p][j], c[j])} for {@code p} = 0, 1, ..., kc − 1 and
     * {@code j} in {@code [from, to)}, four rows per pass.
     */
    private static void addSlice(double[] a, int a0, double[][] rows, int r0, int kc, double[] c, int from, int to) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            double s0 = a[a0 + p];
            double s1 = a[a0 + p + 1];
            double s2 = a[a0 + p + 2];
            double s3 = a[a0 + p + 3];
            double[] x0 = rows[r0 + p];
            double[] x1 = rows[r0 + p + 1];
            double[] x2 = rows[r0 + p + 2];
            double[] x3 = rows[r0 + p + 3];
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(s3, x3[j], Math.fma(s2, x2[j], Math.fma(s1, x1[j], Math.fma(s0, x0[j], c[j]))));
            }
        }
        for (; p < kc; p++) {
            double s = a[a0 + p];
            double[] x = rows[r0 + p];
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(s, x[j], c[j]);
            }
        }
    }

    /** One thread's copies: a column of A, and a block of {@code Bᵀ} as rows as wide as C. */
    private static final class Buffers {
        private double[] column = new double[0];
        private double[][] transposed = new double[0][];

        double[] column(int size) {
            if (column.length < size) {
                column = new double[size];
            }
            return column;
        }

        double[][] transposed(int rows, int columns) {
            if (transposed.length < rows || transposed[0].length < columns) {
                transposed = new double[rows][columns];
            }
            return transposed;
        }
    }
}
