package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.math.Matrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The public checker passes the built-ins and names the entry where a user's gradient is wrong. */
class GradientCheckerTest {

    private final GradientChecker checker = new GradientChecker();
    private final Random random = new Random(12);

    @Test
    void aNetworkWithRightGradientsPasses() {
        NeuralNet net = new NeuralNet(new LinearLayer(4, 6, new Tanh(), 1L), new LinearLayer(6, 3, new Softmax(), 2L));
        double[][] x = GradientCheck.gaussian(5, 4, random);
        GradientCheckReport report = checker.checkNetwork(net, x, new int[] {0, 1, 2, 1, 0}, new CategoricalCrossEntropy());
        assertThat(report.passes(1e-6)).as(report.toString()).isTrue();
        assertThat(report.entries()).extracting(GradientCheckReport.Entry::parameter)
                .containsExactly("layer 0 W", "layer 0 b", "layer 1 W", "layer 1 b");
        assertThat(report.toString()).startsWith("gradient check PASSED: worst relative error")
                .contains(", tolerance 1e-06; central differences with step 1e-05").contains("layer 1 b")
                .doesNotContain("FAILED");
        // the same report judged at a tolerance below its worst error fails, naming how many parameters fail
        double tight = report.worstRelativeError() / 2;
        assertThat(report.toString(tight)).startsWith("gradient check FAILED: worst relative error")
                .containsPattern("\\(\\d of 4 parameters above it\\)").contains("FAILED\n");
    }

    /** The tutorial's sigmoid bug, written as a user's activation: backward ignores dA. */
    @Test
    void anActivationWhoseBackwardIgnoresTheIncomingGradientFails() {
        Activation ignoresDa = new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return new io.github.backprop4j.activation.Sigmoid().forward(z);
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                double[][] dz = new double[a.length][a[0].length];
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a[0].length; j++) {
                        dz[i][j] = a[i][j] * (1 - a[i][j]);    // the bug: no dA ⊙
                    }
                }
                return dz;
            }

            @Override
            public String toString() {
                return "MySigmoid";
            }
        };
        double[][] z = GradientCheck.gaussian(3, 4, random);
        double[][] g = GradientCheck.gaussian(3, 4, random);
        GradientCheckReport report = checker.checkActivation(ignoresDa, z, g);
        assertThat(report.passes(1e-6)).isFalse();
        assertThat(report.worstRelativeError()).as("errors of order 1").isGreaterThan(0.1);
        assertThat(report.entries().get(0).parameter()).isEqualTo("MySigmoid dZ");
        assertThat(checker.checkActivation(new ReLU(), GradientCheck.awayFromZero(3, 4, 0.1, random), g).passes(1e-6)).isTrue();
    }

    @Test
    void lossesArePassedOrFailedWithTheirLogitGradients() {
        double[][] z = GradientCheck.gaussian(4, 3, random);
        double[][] y = Matrices.oneHot(new int[] {0, 2, 1, 1}, 3);
        GradientCheckReport cce = checker.checkLoss(new CategoricalCrossEntropy(), new Softmax().forward(z), y);
        assertThat(cce.entries()).hasSize(2);
        assertThat(cce.passes(1e-6)).as(cce.toString()).isTrue();
        double[][] p = {{0.3}, {0.8}};
        assertThat(checker.checkLoss(new BinaryCrossEntropy(), p, new double[][] {{0}, {1}}).passes(1e-6)).isTrue();
        Loss doubled = new Loss() {
            @Override
            public double value(double[][] predicted, double[][] target) {
                return new MeanSquaredError().value(predicted, target);
            }

            @Override
            public double[][] gradient(double[][] predicted, double[][] target) {
                return Matrices.scale(2, new MeanSquaredError().gradient(predicted, target));
            }
        };
        GradientCheckReport wrong = checker.checkLoss(doubled, z, GradientCheck.gaussian(4, 3, random));
        assertThat(wrong.passes(1e-6)).isFalse();
        assertThat(wrong.worstRelativeError()).isBetween(0.3, 0.34);   // |2n − n| / 3n = 1/3
    }

    @Test
    void aNonFiniteGradientIsAnInfiniteError() {
        Activation nan = new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return Matrices.copy(z);
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                return new double[][] {{Double.NaN}};
            }
        };
        assertThat(checker.checkActivation(nan, new double[][] {{1}}, new double[][] {{1}}).worstRelativeError()).isInfinite();
        assertThatThrownBy(() -> new GradientChecker(0)).hasMessage("step must be finite and > 0, got 0.0");
    }
}
