package io.github.backprop4j.internal.vector;

import io.github.backprop4j.internal.PackedGemm;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels, written with the JDK's Vector API ({@code jdk.incubator.vector}). With
 * AVX-512 (V = 8 lanes, 32 registers) the micro-kernel keeps an {@code 8 × 3V} tile of C in 24
 * vector registers and, for each step {@code p} of the packed slice, loads three vectors of B,
 * broadcasts eight values of A and does 24 fused multiply-adds; with 256-bit vectors (16
 * registers) the tile is {@code 4 × 3V}. Each multiply-add is {@code c = fma(a, b, c)}, rounded
 * once. The row-by-row kernel (one sample) streams four rows of B per pass over c with the same
 * fused multiply-adds in the same order, so every path gives the same bits as the scalar kernels. No lane reductions: their order is unspecified. Loaded only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; not part of the public API.
 */
public final class VectorGemm extends PackedGemm {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Eight rows with 512-bit vectors (32 registers), four with 256-bit ones (16 registers). */
    private static final int MR = L >= 8 ? 8 : 4;
    private static final int NR = 3 * L;

    /** A kernel with tiles for the preferred vector width. */
    public VectorGemm() {
        super(MR, NR);
    }

    /** The bits of the preferred vector shape, e.g. 512 with AVX-512. */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector" + S.vectorBitSize();
    }

    @Override
    protected void kernel(double[] ap, int aOff, double[] bp, int bOff, int kc, double[][] c, int i, int j, int rows,
            int cols, double[][] tile) {
        if (rows == MR && cols == NR) {
            fullTile(ap, aOff, bp, bOff, kc, c, i, j);
            return;
        }
        // an edge tile: compute the whole tile on a copy, write back only the entries of C
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c[i + r], j, tile[r], 0, cols);
        }
        fullTile(ap, aOff, bp, bOff, kc, tile, 0, 0);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile[r], 0, c[i + r], j, cols);
        }
    }

    private static void fullTile(double[] ap, int aOff, double[] bp, int bOff, int kc, double[][] c, int i, int j) {
        if (MR == 8) {
            tile8(ap, aOff, bp, bOff, kc, c[i], c[i + 1], c[i + 2], c[i + 3], c[i + 4], c[i + 5], c[i + 6], c[i + 7], j);
        } else {
            tile4(ap, aOff, bp, bOff, kc, c[i], c[i + 1], c[i + 2], c[i + 3], j);
        }
    }

    // c_r[j + s] = fma(A[r][p], B[p][s], c_r[j + s]) for p = 0, 1, ..., kc − 1, r < 8, s < 3V
    private static void tile8(double[] ap, int aOff, double[] bp, int bOff, int kc,
            double[] c0, double[] c1, double[] c2, double[] c3, double[] c4, double[] c5, double[] c6, double[] c7, int j) {
        DoubleVector c00 = DoubleVector.fromArray(S, c0, j);
        DoubleVector c01 = DoubleVector.fromArray(S, c0, j + L);
        DoubleVector c02 = DoubleVector.fromArray(S, c0, j + 2 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, c1, j);
        DoubleVector c11 = DoubleVector.fromArray(S, c1, j + L);
        DoubleVector c12 = DoubleVector.fromArray(S, c1, j + 2 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, c2, j);
        DoubleVector c21 = DoubleVector.fromArray(S, c2, j + L);
        DoubleVector c22 = DoubleVector.fromArray(S, c2, j + 2 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, c3, j);
        DoubleVector c31 = DoubleVector.fromArray(S, c3, j + L);
        DoubleVector c32 = DoubleVector.fromArray(S, c3, j + 2 * L);
        DoubleVector c40 = DoubleVector.fromArray(S, c4, j);
        DoubleVector c41 = DoubleVector.fromArray(S, c4, j + L);
        DoubleVector c42 = DoubleVector.fromArray(S, c4, j + 2 * L);
        DoubleVector c50 = DoubleVector.fromArray(S, c5, j);
        DoubleVector c51 = DoubleVector.fromArray(S, c5, j + L);
        DoubleVector c52 = DoubleVector.fromArray(S, c5, j + 2 * L);
        DoubleVector c60 = DoubleVector.fromArray(S, c6, j);
        DoubleVector c61 = DoubleVector.fromArray(S, c6, j + L);
        DoubleVector c62 = DoubleVector.fromArray(S, c6, j + 2 * L);
        DoubleVector c70 = DoubleVector.fromArray(S, c7, j);
        DoubleVector c71 = DoubleVector.fromArray(S, c7, j + L);
        DoubleVector c72 = DoubleVector.fromArray(S, c7, j + 2 * L);
        for (int p = 0; p < kc; p++) {
            int a = aOff + p * 8;
            int b = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, b + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(c0, j);
        c01.intoArray(c0, j + L);
        c02.intoArray(c0, j + 2 * L);
        c10.intoArray(c1, j);
        c11.intoArray(c1, j + L);
        c12.intoArray(c1, j + 2 * L);
        c20.intoArray(c2, j);
        c21.intoArray(c2, j + L);
        c22.intoArray(c2, j + 2 * L);
        c30.intoArray(c3, j);
        c31.intoArray(c3, j + L);
        c32.intoArray(c3, j + 2 * L);
        c40.intoArray(c4, j);
        c41.intoArray(c4, j + L);
        c42.intoArray(c4, j + 2 * L);
        c50.intoArray(c5, j);
        c51.intoArray(c5, j + L);
        c52.intoArray(c5, j + 2 * L);
        c60.intoArray(c6, j);
        c61.intoArray(c6, j + L);
        c62.intoArray(c6, j + 2 * L);
        c70.intoArray(c7, j);
        c71.intoArray(c7, j + L);
        c72.intoArray(c7, j + 2 * L);
    }

    // c_r[j + s] = fma(A[r][p], B[p][s], c_r[j + s]) for p = 0, 1, ..., kc − 1, r < 4, s < 3V
    private static void tile4(double[] ap, int aOff, double[] bp, int bOff, int kc,
            double[] c0, double[] c1, double[] c2, double[] c3, int j) {
        DoubleVector c00 = DoubleVector.fromArray(S, c0, j);
        DoubleVector c01 = DoubleVector.fromArray(S, c0, j + L);
        DoubleVector c02 = DoubleVector.fromArray(S, c0, j + 2 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, c1, j);
        DoubleVector c11 = DoubleVector.fromArray(S, c1, j + L);
        DoubleVector c12 = DoubleVector.fromArray(S, c1, j + 2 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, c2, j);
        DoubleVector c21 = DoubleVector.fromArray(S, c2, j + L);
        DoubleVector c22 = DoubleVector.fromArray(S, c2, j + 2 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, c3, j);
        DoubleVector c31 = DoubleVector.fromArray(S, c3, j + L);
        DoubleVector c32 = DoubleVector.fromArray(S, c3, j + 2 * L);
        for (int p = 0; p < kc; p++) {
            int a = aOff + p * 4;
            int b = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, b + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        c00.intoArray(c0, j);
        c01.intoArray(c0, j + L);
        c02.intoArray(c0, j + 2 * L);
        c10.intoArray(c1, j);
        c11.intoArray(c1, j + L);
        c12.intoArray(c1, j + 2 * L);
        c20.intoArray(c2, j);
        c21.intoArray(c2, j + L);
        c22.intoArray(c2, j + 2 * L);
        c30.intoArray(c3, j);
        c31.intoArray(c3, j + L);
        c32.intoArray(c3, j + 2 * L);
    }

    @Override
    protected void addRowTimesColumns(double[] a, double[][] b, double[] c, int k, int from, int to) {
        // c[j] = fma(a[p], B[p][j], c[j]) for p = 0, 1, ..., k − 1: four rows of B per pass over c,
        // streaming B row by row as the scalar kernel does
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            addFourRows(a[p], b[p], a[p + 1], b[p + 1], a[p + 2], b[p + 2], a[p + 3], b[p + 3], c, from, to);
        }
        for (; p < k; p++) {
            DoubleVector x = DoubleVector.broadcast(S, a[p]);
            double[] row = b[p];
            int j = from;
            for (; j + L <= to; j += L) {
                x.fma(DoubleVector.fromArray(S, row, j), DoubleVector.fromArray(S, c, j)).intoArray(c, j);
            }
            for (; j < to; j++) {
                c[j] = Math.fma(a[p], row[j], c[j]);
            }
        }
    }

    // c[j] = fma(s3, x3[j], fma(s2, x2[j], fma(s1, x1[j], fma(s0, x0[j], c[j])))) for j in [from, to)
    private static void addFourRows(double s0, double[] x0, double s1, double[] x1, double s2, double[] x2, double s3,
            double[] x3, double[] c, int from, int to) {
        DoubleVector a0 = DoubleVector.broadcast(S, s0);
        DoubleVector a1 = DoubleVector.broadcast(S, s1);
        DoubleVector a2 = DoubleVector.broadcast(S, s2);
        DoubleVector a3 = DoubleVector.broadcast(S, s3);
        int j = from;
        for (; j + L <= to; j += L) {
            DoubleVector v = a0.fma(DoubleVector.fromArray(S, x0, j), DoubleVector.fromArray(S, c, j));
            v = a1.fma(DoubleVector.fromArray(S, x1, j), v);
            v = a2.fma(DoubleVector.fromArray(S, x2, j), v);
            a3.fma(DoubleVector.fromArray(S, x3, j), v).intoArray(c, j);
        }
        for (; j < to; j++) {
            c[j] = Math.fma(s3, x3[j], Math.fma(s2, x2[j], Math.fma(s1, x1[j], Math.fma(s0, x0[j], c[j]))));
        }
    }
}
