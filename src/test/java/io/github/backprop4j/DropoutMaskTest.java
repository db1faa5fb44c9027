package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.math.Matrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DropoutMaskTest {

    @Test
    void applyZeroesAboutTheRateAndScalesTheRestSoTheMeanStays() {
        double[][] a = new double[200][100];
        for (double[] row : a) {
            java.util.Arrays.fill(row, 2.0);
        }
        DropoutMask mask = new DropoutMask(0.3, 5L);
        double[][] dropped = mask.apply(a);
        int zeros = 0;
        double sum = 0;
        for (double[] row : dropped) {
            for (double v : row) {
                zeros += v == 0 ? 1 : 0;
                sum += v;
                assertThat(v == 0 || v == 2.0 / 0.7).isTrue();
            }
        }
        assertThat(zeros / 20000.0).isCloseTo(0.3, within(0.02));
        assertThat(sum / 20000).isCloseTo(2.0, within(0.06));
        assertThat(a[0][0]).as("input unchanged").isEqualTo(2.0);
        // backward uses the same mask
        double[][] g = new double[200][100];
        for (double[] row : g) {
            java.util.Arrays.fill(row, 1.0);
        }
        mask.backward(g);
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 100; j++) {
                assertThat(g[i][j]).isEqualTo(dropped[i][j] / 2.0);
            }
        }
    }

    /** With the mask held fixed (same seed), the step's gradients through dropout match central differences. */
    @Test
    void gradientsThroughDropoutMatchFiniteDifferences() {
        Random random = new Random(2);
        NeuralNet net = new NeuralNet(new LinearLayer(3, 6, new Tanh(), 1L), new LinearLayer(6, 5, new Sigmoid(), 2L),
                new LinearLayer(5, 3, new Softmax(), 3L));
        double[][] x = GradientCheck.gaussian(7, 3, random);
        double[][] y = Matrices.oneHot(new int[] {0, 1, 2, 0, 1, 2, 2}, 3);
        CategoricalCrossEntropy loss = new CategoricalCrossEntropy();

        TrainingStep step = new TrainingStep(net, loss, masks());
        step.forward(x, y, null);
        RecordingOptimizer recorder = new RecordingOptimizer();
        step.backward(recorder, 1.0);
        List<double[][]> analytic = recorder.gradients;   // layer 2 dW, db, layer 1 dW, db, layer 0 dW, db

        for (int l = 0; l < 3; l++) {
            double[][] w = net.layers().get(l).weightParameter().values();
            double[][] numerical = GradientCheck.numerical(w, point -> new TrainingStep(net, loss, masks()).forward(x, y, null));
            GradientCheck.assertClose(analytic.get(2 * (2 - l)), numerical, "layer " + l + " dW");
        }
    }

    private static DropoutMask[] masks() {
        return new DropoutMask[] {new DropoutMask(0.4, 9L), new DropoutMask(0.25, 10L), null};
    }
}
