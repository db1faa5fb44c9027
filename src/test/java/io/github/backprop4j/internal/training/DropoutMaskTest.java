package io.github.backprop4j.internal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.GradientCheck;
import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.internal.Xoroshiro128PlusPlus;
import io.github.backprop4j.math.Matrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DropoutMaskTest {

    @Test
    void applyZeroesAboutTheRateAndScalesTheRestSoTheMeanStays() {
        double[][] a = new double[200][100];
        for (double[] row : a) {
            java.util.Arrays.fill(row, 2.0);
        }
        DropoutMask mask = new DropoutMask(0.3, Xoroshiro128PlusPlus.seeded(5L));
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

        TrainingStep step = step(net, loss);
        step.forward(x, y, null);
        double[][][] analytic = new double[6][][];   // layer 0 dW, db, layer 1 dW, db, layer 2 dW, db
        for (int p = 0; p < 6; p++) {
            analytic[p] = new double[net.parameters().get(p).rows()][net.parameters().get(p).columns()];
        }
        step.gradients(analytic);

        for (int l = 0; l < 3; l++) {
            double[][] w = net.layers().get(l).weightParameter().values();
            double[][] numerical = GradientCheck.numerical(w, point -> step(net, loss).forward(x, y, null));
            GradientCheck.assertClose(analytic[2 * l], numerical, "layer " + l + " dW");
        }
    }

    /** A step whose masks come from fresh generators with fixed seeds, so every step draws the same masks. */
    private static TrainingStep step(NeuralNet net, CategoricalCrossEntropy loss) {
        DropoutMask[] masks = {new DropoutMask(0.4, Xoroshiro128PlusPlus.seeded(9L)),
            new DropoutMask(0.25, Xoroshiro128PlusPlus.seeded(10L)), null};
        return new TrainingStep(net.layers(), loss, masks, StepObserver.NONE, 1);
    }
}
