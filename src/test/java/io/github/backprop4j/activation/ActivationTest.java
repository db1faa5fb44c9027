package io.github.backprop4j.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
import io.github.backprop4j.Samples;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One gradient check and the shared contract for every activation. */
class ActivationTest {

    static Stream<Arguments> activationsAndBatchSizes() {
        return Stream.of(new Sigmoid(), new ReLU(), new Tanh(), new Identity(), new Softmax())
                .flatMap(f -> Stream.of(Arguments.of(f, 1), Arguments.of(f, 5)));
    }

    static Stream<Activation> activations() {
        return Stream.of(new Sigmoid(), new ReLU(), new Tanh(), new Identity(), new Softmax());
    }

    /** backward(Z, A, G) must be ∂/∂Z of Σ G ⊙ f(Z), for any G. */
    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("activationsAndBatchSizes")
    void backward(Activation f, int batch) {
        Random random = new Random(11 + batch);
        // entries at least 0.1 from 0, so the finite difference never crosses ReLU's kink
        double[][] z = GradientCheck.awayFromZero(batch, 4, 0.1, random);
        double[][] g = GradientCheck.gaussian(batch, 4, random);

        double[][] analytic = f.backward(z, f.forward(z), g);
        double[][] numerical = GradientCheck.numerical(z, point -> GradientCheck.weightedSum(f.forward(point), g));

        GradientCheck.assertClose(analytic, numerical, f + " dZ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void forwardDoesNotModifyItsInputAndKeepsTheShape(Activation f) {
        double[][] z = {{1, -2, 3}, {0.5, 0, -0.5}};
        double[][] a = f.forward(z);
        assertThat(z).isDeepEqualTo(new double[][] {{1, -2, 3}, {0.5, 0, -0.5}});
        assertThat(a).hasDimensions(2, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void backwardRejectsMismatchedShapes(Activation f) {
        double[][] z = {{1, 2}};
        assertThatThrownBy(() -> f.backward(z, f.forward(z), new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x2")
                .hasMessageContaining("1x3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void forwardRejectsRaggedRows(Activation f) {
        assertThatThrownBy(() -> f.forward(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1");
    }

    /** A layer's initial weights really have the spread the activation asks for: He for ReLU, Glorot otherwise. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void initialWeightsHaveTheActivationsStandardDeviation(Activation f) {
        double expected = f instanceof ReLU ? Math.sqrt(2.0 / 400) : Math.sqrt(2.0 / (400 + 300));
        assertThat(f.initialWeightStd(400, 300)).isCloseTo(expected, within(1e-15));
        double[][] w = new io.github.backprop4j.LinearLayer(400, 300, f, 7L).weights();
        // 120,000 draws: the sample standard deviation is within 1% of the true one
        assertThat(Samples.std(w)).isCloseTo(expected, within(0.01 * expected));
        assertThat(Math.abs(Samples.mean(w))).isLessThan(0.02 * expected);
    }

    @org.junit.jupiter.api.Test
    void initialWeightStdIsHeForReluAndGlorotOtherwise() {
        assertThat(new ReLU().initialWeightStd(8, 2)).isCloseTo(0.5, within(1e-15));        // sqrt(2/8)
        assertThat(new Sigmoid().initialWeightStd(8, 8)).isCloseTo(0.35355339059327373, within(1e-15)); // sqrt(2/16)
    }

    /** The ...Into forms give the same numbers as the allocating forms, also when writing over their input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void intoFormsMatchTheAllocatingForms(Activation f) {
        Random random = new Random(21);
        double[][] z = GradientCheck.awayFromZero(3, 4, 0.1, random);
        double[][] g = GradientCheck.gaussian(3, 4, random);
        double[][] a = f.forward(z);
        double[][] out = new double[3][4];
        f.forwardInto(z, out);
        assertThat(out).isDeepEqualTo(a);
        double[][] dz = f.backward(z, a, g);
        f.backwardInto(z, a, g, out);
        assertThat(out).isDeepEqualTo(dz);
        double[][] inPlace = GradientCheck.awayFromZero(3, 4, 0.1, new Random(21));
        f.forwardInto(inPlace, inPlace);
        assertThat(inPlace).isDeepEqualTo(a);
        assertThatThrownBy(() -> f.forwardInto(z, new double[3][5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x4").hasMessageContaining("3x5");
    }

    /** A user's activation that implements only the simple forms gets working ...Into forms. */
    @org.junit.jupiter.api.Test
    void intoFormsDefaultToTheSimpleForms() {
        Activation square = new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return new double[][] {{z[0][0] * z[0][0]}};
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                return new double[][] {{2 * z[0][0] * outputGradient[0][0]}};
            }
        };
        double[][] out = new double[1][1];
        square.forwardInto(new double[][] {{3}}, out);
        assertThat(out[0][0]).isEqualTo(9);
        square.backwardInto(new double[][] {{3}}, out, new double[][] {{0.5}}, out);
        assertThat(out[0][0]).isEqualTo(3);
    }
}
