package io.github.backprop4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {

    private static Parameter parameter() {
        return new Parameter(Parameter.Role.WEIGHTS, new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void stateIsCreatedOnFirstUseAndKeptForTheSameKindOfOptimizer() {
        Parameter p = parameter();
        assertThat(p.state()).isNull();
        OptimizerState first = p.state(new Adam(0.1));
        assertThat(first.names()).containsExactly("m", "v");
        assertThat(first.buffer("m")).isDeepEqualTo(new double[2][2]);
        // other settings of the same rule continue the state, e.g. a lower learning rate
        assertThat(p.state(new Adam(0.01))).isSameAs(first);
        // another rule starts afresh
        OptimizerState other = p.state(new Momentum(0.1));
        assertThat(other).isNotSameAs(first);
        assertThat(other.names()).containsExactly("velocity");
    }

    @Test
    void resetStateForgetsIt() {
        Parameter p = parameter();
        new Adam().update(p, new double[][] {{1, 1}, {1, 1}});
        assertThat(p.state().steps()).isEqualTo(1);
        p.resetState();
        assertThat(p.state()).isNull();
        new Adam().update(p, new double[][] {{1, 1}, {1, 1}});
        assertThat(p.state().steps()).isEqualTo(1);
    }

    @Test
    void accessors() {
        Parameter p = parameter();
        assertThat(p.rows()).isEqualTo(2);
        assertThat(p.columns()).isEqualTo(2);
        assertThat(p.role()).isEqualTo(Parameter.Role.WEIGHTS);
        assertThat(p).hasToString("Parameter(WEIGHTS, 2x2)");
        assertThatThrownBy(() -> new Parameter(null, new double[1][1])).hasMessage("role must not be null");
        assertThatThrownBy(() -> new Parameter(Parameter.Role.BIAS, new double[0][])).hasMessageContaining("at least one row");
    }

    @Test
    void aStateOfTheWrongShapeIsRefused() {
        Optimizer broken = new Optimizer() {
            @Override
            public double learningRate() {
                return 0.1;
            }

            @Override
            public OptimizerState newState(int rows, int columns) {
                return new OptimizerState(this, List.of("x"), rows + 1, columns);
            }

            @Override
            public void update(Parameter parameter, double[][] gradient, double learningRate) {
                parameter.state(this);
            }

            @Override
            public String toString() {
                return "Broken";
            }
        };
        assertThatThrownBy(() -> broken.update(parameter(), new double[2][2]))
                .hasMessage("Broken.newState(2, 2) must return a state of that shape");
    }
}
