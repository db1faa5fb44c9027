package io.github.backprop4j.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values worked out by hand. */
class KnownValuesTest {

    private static final double EXACT = 1e-15;

    @Test
    void sigmoid() {
        double[][] a = new Sigmoid().forward(new double[][] {{0, Math.log(3), -Math.log(3), 800, -800}});
        assertThat(a[0][0]).isEqualTo(0.5);
        assertThat(a[0][1]).isCloseTo(0.75, within(EXACT));      // 1 / (1 + 1/3)
        assertThat(a[0][2]).isCloseTo(0.25, within(EXACT));
        assertThat(a[0][3]).isEqualTo(1.0);                      // no overflow to NaN
        assertThat(a[0][4]).isEqualTo(0.0);
        // σ'(0) = 0.25, times dA = 2
        assertThat(new Sigmoid().backward(new double[][] {{0}}, new double[][] {{0.5}}, new double[][] {{2}})[0][0])
                .isEqualTo(0.5);
    }

    @Test
    void relu() {
        double[][] z = {{-2, 0, 3}};
        assertThat(new ReLU().forward(z)).isDeepEqualTo(new double[][] {{0, 0, 3}});
        // the mask comes from Z, not from the sign of dA
        assertThat(new ReLU().backward(z, new ReLU().forward(z), new double[][] {{5, 5, -7}}))
                .isDeepEqualTo(new double[][] {{0, 0, -7}});
    }

    @Test
    void tanh() {
        double[][] a = new Tanh().forward(new double[][] {{0, Math.log(2)}});
        assertThat(a[0][0]).isEqualTo(0.0);
        assertThat(a[0][1]).isCloseTo(0.6, within(EXACT));       // (4 − 1) / (4 + 1)
        assertThat(new Tanh().backward(new double[][] {{0}}, new double[][] {{0}}, new double[][] {{3}})[0][0])
                .isEqualTo(3.0);
    }

    @Test
    void identity() {
        double[][] z = {{-1.5, 2}};
        assertThat(new Identity().forward(z)).isDeepEqualTo(z);
        assertThat(new Identity().backward(z, z, new double[][] {{4, -4}})).isDeepEqualTo(new double[][] {{4, -4}});
    }

    @Test
    void softmaxOfLargeEqualScoresIsUniform() {
        assertThat(new Softmax().forward(new double[][] {{1000, 1000}})).isDeepEqualTo(new double[][] {{0.5, 0.5}});
        double[] a = new Softmax().forward(new double[][] {{-1000, 0, 1000}})[0];
        assertThat(a).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void softmaxKnownRow() {
        // softmax([0, ln 2, ln 5]) = [1, 2, 5] / 8
        double[] a = new Softmax().forward(new double[][] {{0, Math.log(2), Math.log(5)}})[0];
        assertThat(a[0]).isCloseTo(0.125, within(EXACT));
        assertThat(a[1]).isCloseTo(0.25, within(EXACT));
        assertThat(a[2]).isCloseTo(0.625, within(EXACT));
    }

    @Test
    void softmaxBackwardWithCrossEntropyGradientIsPMinusY() {
        // dA = −Y / P (cross-entropy gradient of one sample) ⇒ dZ = P − Y
        double[][] p = {{0.125, 0.25, 0.625}};
        double[][] da = {{0, -1 / 0.25, 0}};
        double[][] dz = new Softmax().backward(new double[][] {{0, Math.log(2), Math.log(5)}}, p, da);
        assertThat(dz[0][0]).isCloseTo(0.125, within(EXACT));
        assertThat(dz[0][1]).isCloseTo(-0.75, within(EXACT));
        assertThat(dz[0][2]).isCloseTo(0.625, within(EXACT));
    }

    /** Each row is its own softmax: a huge first row does not leak into, or NaN, the second. */
    @Test
    void softmaxIsComputedPerRow() {
        double[][] p = new Softmax().forward(new double[][] {{20, 0, 0}, {1000, 0, 0}});
        for (double[] row : p) {
            assertThat(row[0]).isCloseTo(1.0, within(1e-8));
            assertThat(row).doesNotContain(Double.NaN);
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1.0, within(1e-15));
        }
        assertThat(p[0][1]).isCloseTo(Math.exp(-20) / (1 + 2 * Math.exp(-20)), within(1e-20));
    }

    @Test
    void softmaxIsShiftInvariant() {
        java.util.Random random = new java.util.Random(8);
        double[][] z = io.github.backprop4j.GradientCheck.gaussian(5, 4, random);
        double[][] p = new Softmax().forward(z);
        for (double shift : new double[] {-700, -3.5, 1e-3, 42, 700}) {
            double[][] shifted = new double[5][4];
            for (int i = 0; i < 5; i++) {
                for (int k = 0; k < 4; k++) {
                    shifted[i][k] = z[i][k] + shift;
                }
            }
            double[][] q = new Softmax().forward(shifted);
            for (int i = 0; i < 5; i++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(q[i][k]).as("shift %s [%d][%d]", shift, i, k).isCloseTo(p[i][k], within(1e-12));
                }
            }
        }
    }
}
