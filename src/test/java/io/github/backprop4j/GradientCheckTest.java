package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checker itself must accept a right gradient and reject a slightly wrong one. */
class GradientCheckTest {

    // f(x) = Σ x_ij³, ∂f/∂x_ij = 3 x_ij²
    private static double cubeSum(double[][] x) {
        double s = 0;
        for (double[] row : x) {
            for (double v : row) {
                s += v * v * v;
            }
        }
        return s;
    }

    private static final double[][] POINT = {{0.5, -1.5}, {2.0, 0.25}};
    private static final double[][] RIGHT = {{0.75, 6.75}, {12.0, 0.1875}};

    @Test
    void numericalMatchesAKnownDerivative() {
        assertThatCode(() -> GradientCheck.assertClose(RIGHT, GradientCheck.numerical(POINT, GradientCheckTest::cubeSum), "x"))
                .doesNotThrowAnyException();
    }

    @Test
    void assertCloseRejectsAnEntryOffByOnePercent() {
        double[][] wrong = {{0.75, 6.75}, {12.0, 0.1875 * 1.01}};
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, GradientCheck.numerical(POINT, GradientCheckTest::cubeSum), "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("x[1][1]");
    }

    @Test
    void assertCloseRejectsANumericalEntryThatIsNaNOrInfinite() {
        double[][] nan = {{0.75, 6.75}, {Double.NaN, 0.1875}};
        assertThatThrownBy(() -> GradientCheck.assertClose(RIGHT, nan, "x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x[1][0]").hasMessageContaining("NaN");
        double[][] infinite = {{Double.POSITIVE_INFINITY, 6.75}, {12.0, 0.1875}};
        assertThatThrownBy(() -> GradientCheck.assertClose(RIGHT, infinite, "x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x[0][0]");
        assertThatThrownBy(() -> GradientCheck.assertClose(nan, RIGHT, "x")).isInstanceOf(AssertionError.class);
    }

    @Test
    void assertCloseListsEveryFailingEntry() {
        double[][] wrong = {{0.75 * 2, 6.75}, {12.0, 0.1875 * 2}};
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, RIGHT, "x"))
                .hasMessageContaining("2 gradient entries differ").hasMessageContaining("x[0][0]").hasMessageContaining("x[1][1]");
    }
}
