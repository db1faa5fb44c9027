package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {

    @Test
    void buffersStartAtZeroAndResetZeroesThem() {
        OptimizerState s = new OptimizerState(new Adam(), List.of("m", "v"), 2, 3);
        assertThat(s.buffer("v")).isDeepEqualTo(new double[2][3]);
        s.buffer("m")[1][2] = 5;
        assertThat(s.advance()).isEqualTo(1);
        assertThat(s.advance()).isEqualTo(2);
        s.reset();
        assertThat(s.buffer("m")[1][2]).isZero();
        assertThat(s.steps()).isZero();
        assertThat(s).hasToString("OptimizerState(Adam, [m, v], steps=0)");
    }

    @Test
    void rejectsUnknownNamesAndBadShapes() {
        OptimizerState s = new OptimizerState(new Adam(), List.of("m", "v"), 1, 1);
        assertThatThrownBy(() -> s.buffer("velocity")).hasMessage("no optimizer buffer 'velocity'; this state has [m, v]");
        assertThatThrownBy(() -> new OptimizerState(new Adam(), List.of("m"), 0, 1)).hasMessage("state shape must be positive, got 0x1");
        assertThatThrownBy(() -> new OptimizerState(new Adam(), List.of("m", "m"), 1, 1)).hasMessageContaining("distinct");
    }
}
