package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every setting is checked when the optimizer is built, with a message naming it. */
class OptimizerSettingsTest {

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new Adam(0)).hasMessage("learning rate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new Adam(0.1, 1.0, 0.999, 1e-8)).hasMessage("beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, -0.1, 1e-8)).hasMessage("beta2 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, 0.999, 0)).hasMessage("epsilon must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new AdamW(0.1, -1)).hasMessageContaining("learningRate * weightDecay must be in [0, 1)");
        assertThatThrownBy(() -> new AdamW(0.1, Double.NaN)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new Momentum(0.1, 1.5, true)).hasMessage("momentum must be in [0, 1), got 1.5");
        assertThatThrownBy(() -> new RmsProp(0.1, Double.NaN, 1e-7)).hasMessage("rho must be in [0, 1), got NaN");
    }
}
