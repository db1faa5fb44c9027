package io.github.backprop4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from scikit-learn 1.2.1 on the same vectors (src/test/resources/report-values.py). */
class RegressionReportTest {

    private static final double TOLERANCE = 1e-12;
    private static final double[][] ACTUAL = {{3.0, -0.5}, {2.0, 0.0}, {7.0, 2.0}, {4.5, 1.0}, {1.0, -1.5}};
    private static final double[][] PREDICTED = {{2.5, -0.3}, {2.2, 0.1}, {6.0, 2.4}, {5.0, 0.7}, {1.5, -1.2}};

    @Test
    void twoTargetsAveragedAsScikitLearnsUniformAverage() {
        RegressionReport r = RegressionReport.of(ACTUAL, PREDICTED, List.of("a", "b"));
        assertThat(r.mse()).isCloseTo(0.21799999999999997, within(TOLERANCE));
        assertThat(r.mae()).isCloseTo(0.4, within(TOLERANCE));
        assertThat(r.rmse()).isCloseTo(0.4388079064707212, within(TOLERANCE));
        assertThat(r.r2()).isCloseTo(0.9326058530510586, within(TOLERANCE));
        assertThat(r.target(0)[0]).isCloseTo(0.358, within(TOLERANCE));
        assertThat(r.target(1)[3]).isCloseTo(0.9465753424657535, within(TOLERANCE));
        assertThat(r.toString()).contains("average").contains("R2");
    }

    @Test
    void oneTarget() {
        double[][] a = {{3.0}, {2.0}, {7.0}, {4.5}, {1.0}};
        double[][] p = {{2.5}, {2.2}, {6.0}, {5.0}, {1.5}};
        RegressionReport r = RegressionReport.of(a, p, List.of("y"));
        assertThat(r.mse()).isCloseTo(0.358, within(TOLERANCE));
        assertThat(r.mae()).isCloseTo(0.54, within(TOLERANCE));
        assertThat(r.rmse()).isCloseTo(0.5983310120660636, within(TOLERANCE));
        assertThat(r.r2()).isCloseTo(0.9186363636363637, within(TOLERANCE));
        assertThat(r.toString()).doesNotContain("average");
    }

    @Test
    void aConstantTargetScoresOneIfExactElseZero() {
        assertThat(RegressionReport.of(new double[][] {{2}, {2}}, new double[][] {{2}, {2}}, List.of("y")).r2()).isEqualTo(1.0);
        assertThat(RegressionReport.of(new double[][] {{2}, {2}}, new double[][] {{2}, {3}}, List.of("y")).r2()).isEqualTo(0.0);
        assertThatThrownBy(() -> RegressionReport.of(new double[][] {{1}}, new double[][] {{1, 2}}, List.of("y")))
                .hasMessage("actual is 1x1 but predicted is 1x2");
    }
}
