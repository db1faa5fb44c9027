package io.github.backprop4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.Softmax;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeanSquaredErrorTest {

    private final MeanSquaredError loss = new MeanSquaredError();

    @ParameterizedTest(name = "batch {0}, {1} outputs")
    @CsvSource({"1, 1", "3, 1", "16, 1", "3, 4"})
    void gradient(int batch, int outputs) {
        Random random = new Random(13L * batch + outputs);
        double[][] p = GradientCheck.gaussian(batch, outputs, random);
        double[][] y = GradientCheck.gaussian(batch, outputs, random);
        GradientCheck.assertClose(loss.gradient(p, y), GradientCheck.numerical(p, point -> loss.value(point, y)), "dL/dP");
    }

    @Test
    void valueIsTheMeanOverAllElements() {
        // errors 1, −2, 3, 0 → (1 + 4 + 9 + 0) / 4
        assertThat(loss.value(new double[][] {{1, 0}, {3, 5}}, new double[][] {{0, 2}, {0, 5}})).isEqualTo(3.5);
        // ∂L/∂P = 2(P − Y)/4
        assertThat(loss.gradient(new double[][] {{1, 0}, {3, 5}}, new double[][] {{0, 2}, {0, 5}}))
                .isDeepEqualTo(new double[][] {{0.5, -1}, {1.5, 0}});
    }

    @Test
    void fitsAnyOutputButTakesNoClassLabels() {
        assertThat(loss.mismatch(new Identity(), 3)).isEmpty();
        assertThat(loss.mismatch(new Softmax(), 3)).isEmpty();
        assertThatThrownBy(() -> loss.targetsForLabels(new int[] {0}, 1))
                .hasMessageStartingWith("MeanSquaredError takes double[][] targets, not class labels");
        assertThatThrownBy(() -> loss.value(new double[][] {{1}}, new double[][] {{1, 2}}))
                .hasMessage("MeanSquaredError.value: predicted 1x1 and target 1x2 must have the same shape");
    }
}
