package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three steps of every optimizer on one parameter with fixed gradients, against the values
 * src/test/resources/optimizer-steps.py computes from the papers' update rules with numpy.
 */
class OptimizerStepsTest {

    private static final double TOLERANCE = 1e-14;
    private static final double[][][] GRADIENTS = {{{0.1, -0.2, 0.3}}, {{-0.4, 0.5, 0.0}}, {{1.0, 1.0, -2.0}}};

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(new Sgd(0.1), new double[] {0.43000000000000005, -1.1300000000000001, 2.17}),
                Arguments.of(new Momentum(0.1, 0.9, false), new double[] {0.4489, -1.1408, 2.1187}),
                Arguments.of(new Momentum(0.1, 0.9, true), new double[] {0.38400999999999996, -1.25672, 2.27683}),
                Arguments.of(new RmsProp(0.1), new double[] {0.19685035312326654, -1.2614378746565795, 1.9971574581059803}),
                Arguments.of(new Adam(0.1), new double[] {0.4133660206937869, -1.0166735845236226, 1.8884942866032566}),
                Arguments.of(new AdamW(0.1, 0.5), new double[] {0.3490060023445305, -0.8815875077752607, 1.6163445773909653}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void threeStepsMatchTheReferenceValues(Optimizer optimizer, double[] expected) {
        Parameter theta = threeSteps(optimizer, Parameter.Role.WEIGHTS);
        for (int j = 0; j < expected.length; j++) {
            assertThat(theta.values()[0][j]).as("θ[%d]", j).isCloseTo(expected[j], within(TOLERANCE));
        }
        assertThat(theta.state().steps()).isEqualTo(3);
    }

    private static Parameter threeSteps(Optimizer optimizer, Parameter.Role role) {
        Parameter theta = new Parameter(role, new double[][] {{0.5, -1.0, 2.0}});
        for (double[][] g : GRADIENTS) {
            optimizer.update(theta, g);
        }
        return theta;
    }

    /** By hand: Adam's first step moves each entry by about η against the sign of its gradient. */
    @Test
    void adamsFirstStepIsTheLearningRateTimesTheSign() {
        Parameter theta = new Parameter(Parameter.Role.WEIGHTS, new double[][] {{1.0, 1.0}});
        new Adam(0.01).update(theta, new double[][] {{3.0, -1e-3}});
        // m̂ = g, v̂ = g², so the step is η·g/(|g| + ε)
        assertThat(theta.values()[0][0]).isCloseTo(1.0 - 0.01 * 3.0 / (3.0 + 1e-8), within(1e-16));
        assertThat(theta.values()[0][1]).isCloseTo(1.0 + 0.01 * 1e-3 / (1e-3 + 1e-8), within(1e-16));
    }

    /** By hand: momentum's second step adds μ times the first gradient. */
    @Test
    void momentumsSecondStepCarriesTheFirstGradient() {
        Parameter theta = new Parameter(Parameter.Role.WEIGHTS, new double[][] {{0.0}});
        Momentum momentum = new Momentum(0.5, 0.9, false);
        momentum.update(theta, new double[][] {{1.0}});   // v = 1, θ = −0.5
        momentum.update(theta, new double[][] {{1.0}});   // v = 1.9, θ = −0.5 − 0.95
        assertThat(theta.values()[0][0]).isEqualTo(-1.45);
        assertThat(theta.state().buffer("velocity")[0][0]).isEqualTo(1.9);
    }

    @Test
    void adamWNeverDecaysABias() {
        Parameter bias = threeSteps(new AdamW(0.1, 0.5), Parameter.Role.BIAS);
        Parameter plain = threeSteps(new Adam(0.1), Parameter.Role.BIAS);
        assertThat(bias.values()).isDeepEqualTo(plain.values());
    }

    @Test
    void equalSettingsAreEqual() {
        assertThat(new Adam()).isEqualTo(new Adam(0.001, 0.9, 0.999, 1e-8)).hasSameHashCodeAs(new Adam(0.001));
        assertThat(new AdamW()).isEqualTo(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01));
        assertThat(new Momentum(0.1)).isEqualTo(new Momentum(0.1, 0.9, false)).isNotEqualTo(new Momentum(0.1, 0.9, true));
        assertThat(new RmsProp(0.01)).isEqualTo(new RmsProp(0.01, 0.9, 1e-7));
    }
}
