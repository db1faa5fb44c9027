package io.github.backprop4j.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.backprop4j.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The four products into a caller's array, against a plain loop of fused multiply-adds in
 * increasing order of the inner index (the documented order, so equal bit for bit), on 1 and 2
 * threads; and their shape checks. Training no longer calls them, so they are tested on their own.
 */
class MatricesIntoTest {

    private static final Random RANDOM = new Random(31);

    /** {@code C = 1·bias + op(A)·op(B)}, one fma per term in increasing order. */
    private static double[][] reference(double[][] a, boolean transA, double[][] b, boolean transB, double[] bias) {
        int n = transA ? a[0].length : a.length;
        int k = transA ? a.length : a[0].length;
        int m = transB ? b.length : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = bias == null ? 0 : bias[j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(transA ? a[p][i] : a[i][p], transB ? b[j][p] : b[p][j], sum);
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    @Test
    void eachProductMatchesTheReferenceOnOneAndTwoThreads() {
        for (int threads = 1; threads <= 2; threads++) {
            double[][] a = GradientCheck.gaussian(70, 90, RANDOM);
            double[][] b = GradientCheck.gaussian(90, 300, RANDOM);
            double[] bias = GradientCheck.gaussian(1, 300, RANDOM)[0];
            double[][] c = GradientCheck.gaussian(70, 300, RANDOM);
            Matrices.multiplyInto(a, b, c, threads);
            assertThat(c).isDeepEqualTo(reference(a, false, b, false, null));
            Matrices.affineInto(a, b, bias, c, threads);
            assertThat(c).isDeepEqualTo(reference(a, false, b, false, bias));
            double[][] x = GradientCheck.gaussian(64, 300, RANDOM);
            double[][] dz = GradientCheck.gaussian(64, 40, RANDOM);
            double[][] dw = new double[300][40];
            Matrices.multiplyTransAInto(x, dz, dw, threads);
            assertThat(dw).isDeepEqualTo(reference(x, true, dz, false, null));
            double[][] w = GradientCheck.gaussian(300, 40, RANDOM);
            double[][] dx = new double[64][300];
            Matrices.multiplyTransBInto(dz, w, dx, threads);
            assertThat(dx).isDeepEqualTo(reference(dz, false, w, true, null));
        }
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        double[][] a = new double[2][3];
        double[][] b = new double[3][4];
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyInto(a, new double[2][4], new double[2][4], 1))
                .withMessage("multiplyInto: 2x3 * 2x4, inner dimensions differ (3 vs 2)");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyInto(a, b, new double[2][5], 1))
                .withMessage("multiplyInto: c is 2x5, expected 2x4");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.affineInto(a, b, null, new double[2][4], 1))
                .withMessage("affineInto: bias b must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.affineInto(a, b, new double[3], new double[2][4], 1))
                .withMessage("affineInto: bias b has 3 entries, expected 4 (the columns of W)");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.affineInto(a, b, new double[4], new double[3][4], 1))
                .withMessage("affineInto: z is 3x4, expected 2x4");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransAInto(a, b, new double[3][4], 1))
                .withMessage("multiplyTransAInto: 2x3^T * 3x4, inner dimensions differ (2 vs 3)");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransAInto(a, new double[2][4], new double[4][4], 1))
                .withMessage("multiplyTransAInto: c is 4x4, expected 3x4");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransBInto(a, b, new double[2][3], 1))
                .withMessage("multiplyTransBInto: 2x3 * 3x4, inner dimensions differ (3 vs 4)");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransBInto(a, new double[5][3], new double[2][4], 1))
                .withMessage("multiplyTransBInto: c is 2x4, expected 2x5");
    }

    @Test
    void theResultMayNotBeAnOperandAndRowsMustBeEven() {
        double[][] square = new double[3][3];
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyInto(square, new double[3][3], square, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransBInto(square, new double[3][3], square, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransAInto(new double[3][3], square, square, 1));
        double[][] ragged = {{1, 2}, {3}};
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransBInto(ragged, new double[2][2], new double[2][2], 1))
                .withMessageContaining("multiplyTransBInto: left operand");
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.multiplyTransAInto(ragged, new double[2][2], new double[2][2], 1))
                .withMessageContaining("multiplyTransAInto: left operand");
    }
}
