package io.github.backprop4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.math.Matrices;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoricalCrossEntropyTest {

    private final Loss loss = new CategoricalCrossEntropy();

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 6})
    void gradient(int batch) {
        Random random = new Random(5 + batch);
        // probabilities well inside (ε, 1), from a softmax of random scores
        double[][] p = new Softmax().forward(GradientCheck.gaussian(batch, 3, random));
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(3);
        }
        double[][] y = Matrices.oneHot(labels, 3);

        double[][] numerical = GradientCheck.numerical(p, point -> loss.value(point, y));

        GradientCheck.assertClose(loss.gradient(p, y), numerical, "dL/dP");
    }

    @org.junit.jupiter.api.Test
    void valueOfKnownCases() {
        assertThat(loss.value(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0}})).isCloseTo(Math.log(2), within(1e-15));
        // mean over the batch: (−ln 0.25 − ln 1) / 2
        assertThat(loss.value(new double[][] {{0.25, 0.75}, {1, 0}}, new double[][] {{1, 0}, {1, 0}}))
                .isCloseTo(Math.log(4) / 2, within(1e-15));
    }

    @org.junit.jupiter.api.Test
    void valueIsFiniteWhenTheTrueClassHasProbabilityZero() {
        double value = loss.value(new double[][] {{0, 1}}, new double[][] {{1, 0}});
        assertThat(value).isCloseTo(-Math.log(CategoricalCrossEntropy.EPSILON), within(1e-12));
        assertThat(loss.gradient(new double[][] {{0, 1}}, new double[][] {{1, 0}})[0][0]).isFinite();
    }

    @org.junit.jupiter.api.Test
    void gradientOfKnownCase() {
        // ∂L/∂P = −Y / (B·P), B = 2
        double[][] g = loss.gradient(new double[][] {{0.25, 0.75}, {0.5, 0.5}}, new double[][] {{1, 0}, {0, 1}});
        assertThat(g).isDeepEqualTo(new double[][] {{-2, 0}, {0, -1}});
    }

    @org.junit.jupiter.api.Test
    void rejectsDifferentShapes() {
        assertThatThrownBy(() -> loss.value(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predicted 1x2 and target 1x3");
    }
}
