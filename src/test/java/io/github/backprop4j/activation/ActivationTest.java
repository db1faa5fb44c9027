package io.github.backprop4j.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void initialWeightStdIsPositive(Activation f) {
        assertThat(f.initialWeightStd(4, 10)).isPositive();
    }

    @org.junit.jupiter.api.Test
    void initialWeightStdIsHeForReluAndGlorotOtherwise() {
        assertThat(new ReLU().initialWeightStd(8, 2)).isCloseTo(0.5, within(1e-15));        // sqrt(2/8)
        assertThat(new Sigmoid().initialWeightStd(8, 8)).isCloseTo(0.35355339059327373, within(1e-15)); // sqrt(2/16)
    }
}
