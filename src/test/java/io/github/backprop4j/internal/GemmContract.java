package io.github.backprop4j.internal;

import static io.github.backprop4j.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every kernel path keeps, checked against a plain triple loop: each entry of
 * {@code C = 1·bias + op(A)·op(B)} starts from its bias and adds one {@link Math#fma} per term in
 * increasing order of the inner index. So the results must be equal bit for bit, not merely close,
 * on every shape (edge tiles, slices, blocks), for every transpose, on any number of threads.
 */
abstract class GemmContract {

    /** The kernels under test. */
    abstract Gemm gemm();

    /** Sizes around the tile, slice and block edges of both paths (8, 24, 16, 64, 96, 128, 256). */
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 23, 24, 25, 33, 64, 65, 97};

    @Test
    void everyFormMatchesTheReferenceBitForBitOnSmallShapes() {
        Random random = new Random(11);
        for (int n : SIZES) {
            for (int m : SIZES) {
                int k = SIZES[random.nextInt(SIZES.length)];
                for (int form = 0; form < 4; form++) {
                    checkAgainstReference(n, k, m, form, random, 1);
                }
            }
        }
    }

    @Test
    void deepAndWideShapesCrossEverySliceAndBlock() {
        Random random = new Random(12);
        int[][] shapes = {{100, 300, 1030}, {200, 520, 50}, {3, 700, 300}, {1, 784, 256}, {64, 784, 256},
            {784, 64, 256}, {64, 256, 784}, {130, 33, 1100}};
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                checkAgainstReference(s[0], s[1], s[2], form, random, 1);
            }
        }
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        Random random = new Random(13);
        int[][] shapes = {{64, 784, 256}, {784, 64, 256}, {64, 256, 784}, {2, 300, 700}, {257, 129, 131}};
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                for (int threads : new int[] {2, 3, 4}) {
                    checkAgainstReference(s[0], s[1], s[2], form, random, threads);
                }
            }
        }
    }

    @Test
    void rowRangesGiveTheBitsOfTheWholeProductAndTouchNoOtherRow() {
        Random random = new Random(15);
        int[][] shapes = {{64, 784, 256}, {784, 64, 256}, {37, 129, 131}, {9, 5, 3}, {3, 40, 17}};
        for (int[] s : shapes) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            for (int form = 0; form < 4; form++) {
                boolean transA = (form & 1) != 0;
                boolean transB = (form & 2) != 0;
                double[][] a = transA ? gaussian(k, n, random) : gaussian(n, k, random);
                double[][] b = transB ? gaussian(m, k, random) : gaussian(k, m, random);
                double[] bias = form == 0 ? gaussian(1, m, random)[0] : null;
                double[][] whole = new double[n][m];
                gemm().multiply(a, transA, b, transB, bias, whole, 1);
                double[][] garbage = gaussian(n, m, random);
                double[][] c = io.github.backprop4j.math.Matrices.copy(garbage);
                // uneven shares, one of a single row and one of none: the rows are split [0, r1) [r1, r1 + 1) [r1 + 1, n)
                int r1 = random.nextInt(n);
                gemm().multiplyRows(a, transA, b, transB, bias, c, 0, r1);
                assertThat(c[r1]).isEqualTo(garbage[r1]);
                gemm().multiplyRows(a, transA, b, transB, bias, c, r1, r1);
                gemm().multiplyRows(a, transA, b, transB, bias, c, r1, r1 + 1);
                gemm().multiplyRows(a, transA, b, transB, bias, c, r1 + 1, n);
                assertThat(c).as("%s %dx%dx%d form %d split at %d", gemm().name(), n, k, m, form, r1).isDeepEqualTo(whole);
            }
        }
    }

    @Test
    void theBiasIsWhereEachSumStarts() {
        // 1e16 + 1 − 1e16 is 0 in doubles but 1 when the 1 is added last: the order is part of the contract
        double[][] x = {{1.0, 1.0}};
        double[][] w = {{1.0}, {-1e16}};
        double[][] z = new double[1][1];
        gemm().multiply(x, false, w, false, new double[] {1e16}, z, 1);
        assertThat(z[0][0]).isEqualTo(Math.fma(1.0, -1e16, Math.fma(1.0, 1.0, 1e16)));
    }

    /** form bit 0: A transposed; bit 1: B transposed; odd-sized forms also get a bias. */
    private void checkAgainstReference(int n, int k, int m, int form, Random random, int threads) {
        boolean transA = (form & 1) != 0;
        boolean transB = (form & 2) != 0;
        double[][] a = transA ? gaussian(k, n, random) : gaussian(n, k, random);
        double[][] b = transB ? gaussian(m, k, random) : gaussian(k, m, random);
        double[] bias = (n + m) % 2 == 1 ? gaussian(1, m, random)[0] : null;
        double[][] c = gaussian(n, m, random);   // garbage the product must overwrite
        gemm().multiply(a, transA, b, transB, bias, c, threads);
        double[][] expected = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = bias == null ? 0.0 : bias[j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(transA ? a[p][i] : a[i][p], transB ? b[j][p] : b[p][j], sum);
                }
                expected[i][j] = sum;
            }
        }
        assertThat(c).as("%s %dx%dx%d transA=%s transB=%s bias=%s threads=%d", gemm().name(), n, k, m, transA, transB,
                bias != null, threads).isDeepEqualTo(expected);
    }
}
