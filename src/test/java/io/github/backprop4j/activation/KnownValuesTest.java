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
}
