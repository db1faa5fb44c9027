package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SgdTest {

    @Test
    void update() {
        double[][] w = {{1, 2}, {3, 4}};
        double[][] g = {{10, -10}, {0, 2}};
        new Sgd(0.5).update(w, g);   // W − 0.5·dW
        assertThat(w).isDeepEqualTo(new double[][] {{-4, 7}, {3, 3}});
        assertThat(g).isDeepEqualTo(new double[][] {{10, -10}, {0, 2}});
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new Sgd(-1)).hasMessage("learning rate must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new Sgd(Double.POSITIVE_INFINITY)).hasMessageContaining("got Infinity");
        assertThatThrownBy(() -> new Sgd(0.1).update(new double[2][2], new double[2][3]))
                .hasMessage("Sgd.update: parameter 2x2 and gradient 2x3 must have the same shape");
    }

    @Test
    void learningRate() {
        assertThat(new Sgd(0.25).learningRate()).isEqualTo(0.25);
        assertThat(new Sgd(0.25)).hasToString("Sgd(learningRate=0.25)");
    }
}
