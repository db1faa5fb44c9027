package io.github.backprop4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryCrossEntropyTest {

    private final BinaryCrossEntropy loss = new BinaryCrossEntropy();

    private static double[][] labels(int batch, Random random) {
        double[][] y = new double[batch][1];
        for (double[] row : y) {
            row[0] = random.nextInt(2);
        }
        return y;
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 16})
    void gradient(int batch) {
        Random random = new Random(7 + batch);
        double[][] p = new Sigmoid().forward(GradientCheck.gaussian(batch, 1, random));
        double[][] y = labels(batch, random);
        GradientCheck.assertClose(loss.gradient(p, y), GradientCheck.numerical(p, point -> loss.value(point, y)), "dL/dP");
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 16})
    void logitGradient(int batch) {
        Random random = new Random(11 + batch);
        double[][] z = GradientCheck.gaussian(batch, 1, random);
        double[][] y = labels(batch, random);
        GradientCheck.assertClose(loss.logitGradient(new Sigmoid().forward(z), y),
                GradientCheck.numerical(z, point -> loss.valueFromLogits(point, y)), "dL/dZ");
    }

    @Test
    void valueOfKnownCases() {
        // −log 0.8 for a 1, −log(1 − 0.3) for a 0, mean of the two
        assertThat(loss.value(new double[][] {{0.8}, {0.3}}, new double[][] {{1}, {0}}))
                .isCloseTo((-Math.log(0.8) - Math.log(0.7)) / 2, within(1e-15));
        // from logits: z = 0 costs log 2 whatever the label; z = −300 with label 1 costs 300
        assertThat(loss.valueFromLogits(new double[][] {{0}}, new double[][] {{1}})).isCloseTo(Math.log(2), within(1e-15));
        assertThat(loss.valueFromLogits(new double[][] {{-300}}, new double[][] {{1}})).isEqualTo(300.0);
        assertThat(loss.valueFromLogits(new double[][] {{-300}}, new double[][] {{0}})).isCloseTo(0, within(1e-100));
    }

    @Test
    void valueFromLogitsAgreesWithTheProbabilityForm() {
        double[][] z = {{-2}, {0.5}, {3}};
        double[][] y = {{1}, {0}, {1}};
        assertThat(loss.valueFromLogits(z, y)).isCloseTo(loss.value(new Sigmoid().forward(z), y), within(1e-14));
    }

    @Test
    void pairsWithOneSigmoidUnitAndTakesLabelsZeroOrOne() {
        assertThat(loss.mismatch(new Sigmoid(), 1)).isEmpty();
        assertThat(loss.mismatch(new Sigmoid(), 2)).get().asString().contains("exactly one Sigmoid output unit");
        assertThat(loss.mismatch(new Softmax(), 2)).get().asString().contains("use new CategoricalCrossEntropy()");
        assertThat(loss.targetsForLabels(new int[] {1, 0}, 1)).isDeepEqualTo(new double[][] {{1}, {0}});
        assertThatThrownBy(() -> loss.targetsForLabels(new int[] {1, 2}, 1))
                .hasMessage("labels[1] is 2; binary cross-entropy takes labels 0 or 1");
    }
}
