package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.eval.ClassificationReport;
import io.github.backprop4j.eval.RegressionReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The binary, regression and XOR examples run as a user would run them, output captured. */
class MoreExamplesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void xorIsLearned() {
        assertThat(XorExample.run(out)).containsExactly(0, 1, 1, 0);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 XOR 1 = 0   predicted 0");
    }

    /** The two clouds overlap: the best possible ROC AUC is about 0.87 (Φ(1.6/√2)). */
    @Test
    void binaryClassificationReportsLogLossAndRocAuc() {
        ClassificationReport report = BinaryExample.run(out);
        assertThat(report.rocAuc()).isGreaterThan(0.78);
        assertThat(report.accuracy()).isGreaterThan(0.72);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("log loss").contains("ROC AUC").contains("sick");
    }

    @Test
    void regressionOfSineReachesRSquaredOfAtLeastPointNine() {
        RegressionReport report = RegressionExample.run(out);
        assertThat(report.r2()).isGreaterThanOrEqualTo(0.9);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("R2").contains("sin(x) = +1.000");
    }

    /** The command docs/learn.md gives for the fused path prints both paths' dZ, equal to rounding. */
    @Test
    void theSoftmaxStepPrintsTheFusedAndTheGeneralPath() {
        io.github.backprop4j.StepTrace trace = SoftmaxStepExample.run(out);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("dZ = (P - Y) / B   (fused)")
                .contains("the general path, for comparison").contains("dZ = f'(Z)^T dA   (general)");
        double[][] fused = trace.layer(0).preActivationGradient();
        double[][] general = trace.layer(0).generalPreActivationGradient();
        for (int i = 0; i < fused.length; i++) {
            for (int k = 0; k < fused[i].length; k++) {
                assertThat(fused[i][k]).isCloseTo(general[i][k], org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }
}
