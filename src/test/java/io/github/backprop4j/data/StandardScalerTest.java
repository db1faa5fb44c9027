package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardScalerTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void fit() {
        StandardScaler scaler = StandardScaler.fit(new double[][] {{1, 10}, {3, 10}, {5, 10}});
        assertThat(scaler.mean()).containsExactly(3, 10);
        // population std of 1, 3, 5 = sqrt(8/3); the constant column gets scale 1
        assertThat(scaler.scale()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(TOLERANCE));
        assertThat(scaler.scale()[1]).isEqualTo(1.0);
    }

    @Test
    void transformGivesMeanZeroStdOneOnTheTrainingData() {
        double[][] train = Datasets.iris().features();
        double[][] z = StandardScaler.fit(train).transform(train);
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : z) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            assertThat(sum / z.length).isCloseTo(0, within(TOLERANCE));
            assertThat(squares / z.length).isCloseTo(1, within(TOLERANCE));
        }
    }

    @Test
    void transformOfUnseenDataUsesTheTrainingStatistics() {
        StandardScaler scaler = StandardScaler.fit(new double[][] {{0}, {2}});   // μ = 1, σ = 1
        assertThat(scaler.transform(new double[][] {{5}, {-1}})).isDeepEqualTo(new double[][] {{4}, {-2}});
    }

    @Test
    void constantColumnBecomesZeroNotNaN() {
        assertThat(StandardScaler.fit(new double[][] {{7}, {7}}).transform(new double[][] {{7}, {8}}))
                .isDeepEqualTo(new double[][] {{0}, {1}});
    }

    @Test
    void rejectsBadInput() {
        StandardScaler scaler = StandardScaler.fit(new double[][] {{0, 1}});
        assertThatThrownBy(() -> scaler.transform(new double[][] {{1}}))
                .hasMessage("StandardScaler.transform: x is 1x1 but the scaler was fitted on 2 columns");
        assertThatThrownBy(() -> StandardScaler.fit(new double[][] {{Double.NaN}}))
                .hasMessage("StandardScaler.fit: x row 0, column 0 is NaN; every value must be finite");
        assertThatThrownBy(() -> new StandardScaler(new double[] {0}, new double[] {0}))
                .hasMessage("scale[0] is 0.0, expected a finite number > 0");
    }
}
