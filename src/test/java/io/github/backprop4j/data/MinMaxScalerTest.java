package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    @Test
    void fit() {
        MinMaxScaler scaler = MinMaxScaler.fit(new double[][] {{1, 5}, {3, 5}, {-1, 5}});
        assertThat(scaler.min()).containsExactly(-1, 5);
        assertThat(scaler.range()).containsExactly(4, 1);
    }

    @Test
    void transform() {
        MinMaxScaler scaler = MinMaxScaler.fit(new double[][] {{0, 5}, {4, 5}});
        // the training range maps to [0, 1]; unseen data may fall outside; constant column → 0
        assertThat(scaler.transform(new double[][] {{0, 5}, {4, 5}, {6, 6}}))
                .isDeepEqualTo(new double[][] {{0, 0}, {1, 0}, {1.5, 1}});
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> MinMaxScaler.fit(new double[][] {{0}}).transform(new double[][] {{1, 2}}))
                .hasMessage("MinMaxScaler.transform: x is 1x2 but the scaler was fitted on 1 columns");
        assertThatThrownBy(() -> new MinMaxScaler(new double[] {0}, new double[] {-1}))
                .hasMessage("range[0] is -1.0, expected a finite number > 0");
    }
}
