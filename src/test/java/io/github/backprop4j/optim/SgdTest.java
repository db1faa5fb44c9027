package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SgdTest {

    @Test
    void update() {
        double[][] w = {{1, 2}, {3, 4}};
        double[][] g = {{2, -2}, {0, 1}};
        new Sgd(0.5).update(new Parameter(Parameter.Role.WEIGHTS, w), g);   // W − 0.5·dW
        assertThat(w).isDeepEqualTo(new double[][] {{0, 3}, {3, 3.5}});
    }

    @Test
    void updateWithAnotherLearningRate() {
        double[][] w = {{1, 2}};
        new Sgd(0.5).update(new Parameter(Parameter.Role.BIAS, w), new double[][] {{1, 1}}, 0.25);
        assertThat(w).isDeepEqualTo(new double[][] {{0.75, 1.75}});
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new Sgd(-1)).hasMessage("learning rate must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new Sgd(Double.POSITIVE_INFINITY)).hasMessageContaining("got Infinity");
        assertThatThrownBy(() -> new Sgd(0.1).update(new Parameter(Parameter.Role.WEIGHTS, new double[2][2]), new double[2][3]))
                .hasMessage("Sgd[learningRate=0.1].update: parameter 2x2 and gradient 2x3 must have the same shape");
        assertThatThrownBy(() -> new Sgd(0.1).update(new Parameter(Parameter.Role.WEIGHTS, new double[2][2]), null))
                .hasMessageContaining("parameter 2x2 and gradient null");
        assertThatThrownBy(() -> new Sgd(0.1).update(new Parameter(Parameter.Role.WEIGHTS, new double[1][1]),
                new double[1][1], Double.NaN)).hasMessageContaining("learning rate must be finite and > 0, got NaN");
    }

    @Test
    void isAValue() {
        assertThat(new Sgd(0.25).learningRate()).isEqualTo(0.25);
        assertThat(new Sgd(0.25)).isEqualTo(new Sgd(0.25)).hasSameHashCodeAs(new Sgd(0.25)).isNotEqualTo(new Sgd(0.5));
        assertThat(new Sgd(0.25)).hasToString("Sgd[learningRate=0.25]");
    }
}
