package io.github.backprop4j.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each operation against a naive triple loop written here, and its shape errors. */
class MatricesTest {

    private static final double TOLERANCE = 1e-12;
    private final Random random = new Random(1);

    private static double[][] naiveProduct(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int p = 0; p < b.length; p++) {
                    c[i][j] += a[i][p] * b[p][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static void assertMatrixClose(double[][] actual, double[][] expected) {
        assertThat(actual).hasDimensions(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual[i][j]).isCloseTo(expected[i][j], org.assertj.core.api.Assertions.within(TOLERANCE));
            }
        }
    }

    @Test
    void multiply() {
        double[][] a = GradientCheck.gaussian(5, 7, random);
        double[][] b = GradientCheck.gaussian(7, 3, random);
        assertMatrixClose(Matrices.multiply(a, b), naiveProduct(a, b));
        assertThat(Matrices.multiply(new double[][] {{1, 2}}, new double[][] {{3}, {4}})).isDeepEqualTo(new double[][] {{11}});
        assertThatThrownBy(() -> Matrices.multiply(new double[4][3], new double[5][2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiply: 4x3 * 5x2, inner dimensions differ (3 vs 5)");
    }

    @Test
    void multiplyTransA() {
        double[][] a = GradientCheck.gaussian(6, 4, random);
        double[][] b = GradientCheck.gaussian(6, 3, random);
        assertMatrixClose(Matrices.multiplyTransA(a, b), naiveProduct(transpose(a), b));
        assertThatThrownBy(() -> Matrices.multiplyTransA(new double[4][3], new double[5][2]))
                .hasMessage("multiplyTransA: 4x3^T * 5x2, inner dimensions differ (4 vs 5)");
    }

    @Test
    void multiplyTransB() {
        double[][] a = GradientCheck.gaussian(2, 5, random);
        double[][] b = GradientCheck.gaussian(4, 5, random);
        assertMatrixClose(Matrices.multiplyTransB(a, b), naiveProduct(a, transpose(b)));
        assertThatThrownBy(() -> Matrices.multiplyTransB(new double[4][3], new double[5][2]))
                .hasMessage("multiplyTransB: 4x3 * 5x2, inner dimensions differ (3 vs 2)");
    }

    @Test
    void addRowVector() {
        assertThat(Matrices.addRowVector(new double[][] {{1, 2}, {3, 4}}, new double[] {10, 20}))
                .isDeepEqualTo(new double[][] {{11, 22}, {13, 24}});
        assertThatThrownBy(() -> Matrices.addRowVector(new double[2][3], new double[2]))
                .hasMessage("addRowVector: 2x3 + 1x2, the row vector must have 3 entries");
    }

    @Test
    void elementWise() {
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{5, 6}, {7, 8}};
        assertThat(Matrices.add(a, b)).isDeepEqualTo(new double[][] {{6, 8}, {10, 12}});
        assertThat(Matrices.subtract(a, b)).isDeepEqualTo(new double[][] {{-4, -4}, {-4, -4}});
        assertThat(Matrices.hadamard(a, b)).isDeepEqualTo(new double[][] {{5, 12}, {21, 32}});
        assertThat(Matrices.scale(2, a)).isDeepEqualTo(new double[][] {{2, 4}, {6, 8}});
        assertThat(a).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> Matrices.hadamard(a, new double[2][3])).hasMessage("hadamard: 2x2 and 2x3, shapes differ");
    }

    @Test
    void sumColumns() {
        assertThat(Matrices.sumColumns(new double[][] {{1, 2}, {3, 4}, {5, 6}})).containsExactly(9, 12);
    }

    @Test
    void argmaxRows() {
        assertThat(Matrices.argmaxRows(new double[][] {{1, 3, 2}, {5, 5, 1}, {-1, -2, -0.5}})).containsExactly(1, 0, 2);
    }

    @Test
    void oneHot() {
        assertThat(Matrices.oneHot(new int[] {2, 0}, 3)).isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertThatThrownBy(() -> Matrices.oneHot(new int[] {0, 3}, 3))
                .hasMessage("oneHot: label at index 1 is 3, expected a class index in [0, 3)");
    }

    @Test
    void selectRows() {
        double[][] a = {{1}, {2}, {3}};
        assertThat(Matrices.selectRows(a, new int[] {2, 0, 1}, 0, 2)).isDeepEqualTo(new double[][] {{3}, {1}});
        assertThatThrownBy(() -> Matrices.selectRows(a, new int[] {5}, 0, 1))
                .hasMessage("selectRows: index 5 is out of range for 3 rows");
        assertThatThrownBy(() -> Matrices.selectRows(null, new int[] {0}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyIsDeep() {
        double[][] a = {{1, 2}};
        double[][] c = Matrices.copy(a);
        c[0][0] = 9;
        assertThat(a[0][0]).isEqualTo(1);
    }

    @Test
    void checkMatrixNamesTheProblem() {
        assertThatThrownBy(() -> Matrices.checkMatrix(null, "x")).hasMessage("x must not be null");
        assertThatThrownBy(() -> Matrices.checkMatrix(new double[0][], "x")).hasMessage("x must have at least one row, got 0 rows");
        assertThatThrownBy(() -> Matrices.checkMatrix(new double[][] {{}}, "x")).hasMessage("x must have at least one column, got 0 columns");
        assertThatThrownBy(() -> Matrices.checkMatrix(new double[][] {{1}, null}, "x")).hasMessage("x row 1 is null");
        assertThatThrownBy(() -> Matrices.multiply(new double[][] {{1, 2}, {3}}, new double[][] {{1}, {2}}))
                .hasMessage("multiply: left operand rows differ in length: row 0 has 2 columns, row 1 has 1");
    }

    @Test
    void checkFinite() {
        assertThatThrownBy(() -> Matrices.checkFinite(new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 0}}, "x"))
                .hasMessage("x row 1, column 0 is -Infinity; every value must be finite");
    }

    @Test
    void shapeAndZeros() {
        assertThat(Matrices.shape(new double[4][3])).isEqualTo("4x3");
        assertThat(Matrices.shape(null)).isEqualTo("null");
        assertThat(Matrices.zeros(2, 3)).isDeepEqualTo(new double[2][3]);
    }
}
