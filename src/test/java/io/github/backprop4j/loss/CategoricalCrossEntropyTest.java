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

    /** The fused gradient dZ = (P − Y)/B against central differences of the loss from the logits. */
    @ParameterizedTest(name = "batch {0}, {1} classes")
    @org.junit.jupiter.params.provider.CsvSource({"1, 2", "1, 3", "1, 10", "3, 2", "3, 3", "3, 10", "16, 2", "16, 3", "16, 10"})
    void logitGradient(int batch, int classes) {
        Random random = new Random(31L * batch + classes);
        double[][] z = GradientCheck.gaussian(batch, classes, random);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        double[][] y = Matrices.oneHot(labels, classes);
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();

        double[][] numerical = GradientCheck.numerical(z, point -> cce.valueFromLogits(point, y));

        GradientCheck.assertClose(cce.logitGradient(new Softmax().forward(z), y), numerical, "dL/dZ");
    }

    @org.junit.jupiter.api.Test
    void valueFromLogitsAgreesWithTheProbabilityFormWhereNothingIsClipped() {
        double[][] z = {{1, 2, 3}, {-1, 0, 4}};
        double[][] y = {{0, 0, 1}, {1, 0, 0}};
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        assertThat(cce.valueFromLogits(z, y)).isCloseTo(cce.value(new Softmax().forward(z), y), within(1e-14));
        // huge logits stay exact: [1000, 0] with label 1 costs 1000
        assertThat(cce.valueFromLogits(new double[][] {{1000, 0}}, new double[][] {{0, 1}})).isEqualTo(1000.0);
    }

    @org.junit.jupiter.api.Test
    void mismatchNamesThePairingToUse() {
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        assertThat(cce.mismatch(new Softmax(), 3)).isEmpty();
        assertThat(cce.mismatch(new Softmax(), 1)).get().asString().contains("at least 2");
        assertThat(cce.mismatch(new io.github.backprop4j.activation.Sigmoid(), 1)).get().asString()
                .contains("use new BinaryCrossEntropy()");
        assertThat(cce.pairsWith(new Softmax())).isTrue();
        assertThat(cce.pairsWith(new io.github.backprop4j.activation.Sigmoid())).isFalse();
    }

    @org.junit.jupiter.api.Test
    void targetsForLabelsAreOneHot() {
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        assertThat(cce.targetsForLabels(new int[] {2, 0}, 3)).isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertThatThrownBy(() -> cce.targetsForLabels(new int[] {0, 3}, 3))
                .hasMessage("labels[1] is 3, expected a class index in [0, 3) (the last layer has 3 outputs)");
    }
}
