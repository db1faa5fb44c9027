package io.github.backprop4j.internal;

import java.util.Arrays;

/**
 * A blocked product in the layout of Goto and van de Geijn ("Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008): a {@link #KC}-deep slice of {@code op(B)} is packed into
 * panels {@code nr} columns wide, a block of up to {@link #MC} rows of {@code op(A)} into panels
 * {@code mr} rows high, and a micro-kernel adds the product of one panel pair to an
 * {@code mr × nr} tile of {@code C} held in registers. Edge tiles run the same micro-kernel on
 * zero-padded panels. A subclass supplies the micro-kernel. Not part of the public API.
 */
public abstract class PackedGemm extends Gemm {

    /** The depth of a packed slice: {@code KC × nr} doubles of B stay in the first-level cache. */
    static final int KC = 256;
    /** The rows of A packed at a time: {@code MC × KC} doubles stay in the second-level cache. */
    static final int MC = 96;
    /** The columns of B packed at a time. */
    static final int NC = 1024;

    private final int mr;
    private final int nr;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /**
     * @param mr the rows of the micro-kernel's tile
     * @param nr the columns of the micro-kernel's tile
     */
    protected PackedGemm(int mr, int nr) {
        super(mr, nr);
        this.mr = mr;
        this.nr = nr;
    }

    /**
     * {@code c[i + r][j + s] += Σ_p ap[aOff + p·mr + r]·bp[bOff + p·nr + s]} over {@code p} in
     * {@code [0, kc)} in increasing order, for tile rows {@code r < rows} and columns
     * {@code s < cols}; entries beyond those are padding and must not be written.
     *
     * @param tile a scratch {@code mr × nr} tile the kernel may use for an edge tile
     */
    protected abstract void kernel(double[] ap, int aOff, double[] bp, int bOff, int kc, double[][] c, int i, int j,
            int rows, int cols, double[][] tile);

    @Override
    protected final void multiplyBlock(double[][] a, boolean transA, double[][] b, boolean transB, double[][] c, int k,
            int i0, int i1, int j0, int j1) {
        Buffers buf = buffers.get();
        double[][] tile = buf.tile(mr, nr);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int panels = (nc + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                double[] bp = buf.packedB(panels * nr * kc);
                packB(b, transB, pc, kc, jc, nc, bp);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    double[] ap = buf.packedA(((mc + mr - 1) / mr) * mr * kc);
                    packA(a, transA, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            kernel(ap, ir * kc, bp, jr * kc, kc, c, ic + ir, jc + jr, Math.min(mr, mc - ir), cols, tile);
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs {@code op(A)[i0..i0+mc)[p0..p0+kc)} into panels of {@code mr} rows: entry
     * {@code (i0 + ir + r, p0 + p)} goes to {@code ap[ir·kc + p·mr + r]}; rows past {@code mc} are zero.
     */
    private void packA(double[][] a, boolean transA, int i0, int mc, int p0, int kc, double[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            int base = ir * kc;
            int rows = Math.min(mr, mc - ir);
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + r] = 0.0;
                    }
                } else if (transA) {
                    int column = i0 + ir + r;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + r] = a[p0 + p][column];
                    }
                } else {
                    double[] row = a[i0 + ir + r];
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + r] = row[p0 + p];
                    }
                }
            }
        }
    }

    /**
     * Packs {@code op(B)[p0..p0+kc)[j0..j0+nc)} into panels of {@code nr} columns: entry
     * {@code (p0 + p, j0 + jr + s)} goes to {@code bp[jr·kc + p·nr + s]}; columns past {@code nc} are zero.
     */
    private void packB(double[][] b, boolean transB, int p0, int kc, int j0, int nc, double[] bp) {
        for (int jr = 0; jr < nc; jr += nr) {
            int base = jr * kc;
            int cols = Math.min(nr, nc - jr);
            if (transB) {
                for (int s = 0; s < cols; s++) {
                    double[] row = b[j0 + jr + s];
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * nr + s] = row[p0 + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b[p0 + p], j0 + jr, bp, base + p * nr, cols);
                }
            }
            if (cols < nr) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(bp, base + p * nr + cols, base + (p + 1) * nr, 0.0);
                }
            }
        }
    }

    /** One thread's packing buffers and edge tile, grown when a larger product needs them. */
    private static final class Buffers {
        private double[] packedA = new double[0];
        private double[] packedB = new double[0];
        private double[][] tile;

        double[] packedA(int size) {
            if (packedA.length < size) {
                packedA = new double[size];
            }
            return packedA;
        }

        double[] packedB(int size) {
            if (packedB.length < size) {
                packedB = new double[size];
            }
            return packedB;
        }

        double[][] tile(int rows, int columns) {
            if (tile == null) {
                tile = new double[rows][columns];
            }
            return tile;
        }
    }
}
