package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classic mistakes of hand-written backprop (docs/backprop.md), each written out on purpose
 * beside the correct code: the gradient check must reject every one of them. These test the
 * checker and serve as a lesson; the tests that catch each mistake in the library's own code are
 * listed in docs/backprop.md and were shown to fail by putting the mistake in (docs/quality.md).
 */
class ClassicMistakesTest {

    private final Random random = new Random(23);
    private final double[][] z = GradientCheck.awayFromZero(4, 3, 0.1, random);
    private final double[][] g = GradientCheck.gaussian(4, 3, random);

    private static double[][] numericalDz(Activation f, double[][] z, double[][] g) {
        return GradientCheck.numerical(z, point -> GradientCheck.weightedSum(f.forward(point), g));
    }

    @Test
    void sigmoidBackwardThatIgnoresTheIncomingGradient() {
        Activation sigmoid = new Sigmoid();
        double[][] a = sigmoid.forward(z);
        // wrong: dZ = A(1 − A), forgetting "dA ⊙"
        double[][] wrong = Matrices.hadamard(a, Matrices.subtract(onesLike(a), a));
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, numericalDz(sigmoid, z, g), "dZ"))
                .isInstanceOf(AssertionError.class);
    }

    /**
     * Why a gradient check needs a random upstream gradient: with {@code dA} all ones the sigmoid
     * bug's {@code A(1 − A)} is exactly {@code dA ⊙ A(1 − A)}, so the check passes; a random
     * {@code dA} exposes it.
     */
    @Test
    void aGradientCheckWithAllOnesCannotSeeTheSigmoidBug() {
        Activation buggy = new Activation() {
            @Override
            public double[][] forward(double[][] x) {
                return new Sigmoid().forward(x);
            }

            @Override
            public double[][] backward(double[][] zz, double[][] a, double[][] dA) {
                // the tutorial's bug: dZ = A(1 − A), dA ignored
                return Matrices.hadamard(a, Matrices.subtract(onesLike(a), a));
            }
        };
        GradientChecker checker = new GradientChecker();
        GradientCheckReport ones = checker.checkActivation(buggy, z, onesLike(z));
        assertThat(ones.passes(1e-6)).as(ones.toString()).isTrue();
        assertThat(ones.worstRelativeError()).isLessThan(1e-8);
        GradientCheckReport random = checker.checkActivation(buggy, z, g);
        assertThat(random.passes(1e-6)).isFalse();
    }

    @Test
    void reluMaskOnTheWrongQuantity() {
        // wrong: keep dA where dA > 0, instead of where Z > 0
        double[][] wrong = new double[g.length][g[0].length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[0].length; j++) {
                wrong[i][j] = g[i][j] > 0 ? g[i][j] : 0;
            }
        }
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, numericalDz(new ReLU(), z, g), "dZ"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void dividingByTheBatchSizeTwice() {
        double[][] w = GradientCheck.gaussian(3, 3, random);
        double[] b = {0.1, -0.2, 0.3};
        double[][] y = Matrices.oneHot(new int[] {0, 2, 1, 1}, 3);
        CategoricalCrossEntropy loss = new CategoricalCrossEntropy();
        LinearLayer layer = new LinearLayer(w, b, new Softmax());
        double[][] dW = new double[3][3];
        layer.gradients(loss.gradient(layer.forward(z), y), dW, new double[1][3]);
        // wrong: the loss gradient already carries 1/B; dividing dW by B again
        double[][] wrong = Matrices.scale(1.0 / z.length, dW);
        double[][] numerical = GradientCheck.numerical(w, point -> loss.value(new LinearLayer(point, b, new Softmax()).forward(z), y));
        GradientCheck.assertClose(dW, numerical, "dW");
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, numerical, "dW")).isInstanceOf(AssertionError.class);
    }

    @Test
    void startingBackwardFromTheLossInsteadOfItsGradient() {
        double[][] w = GradientCheck.gaussian(3, 3, random);
        double[] b = {0, 0, 0};
        double[][] y = Matrices.oneHot(new int[] {0, 2, 1, 1}, 3);
        CategoricalCrossEntropy loss = new CategoricalCrossEntropy();
        LinearLayer layer = new LinearLayer(w, b, new Softmax());
        double value = loss.value(layer.forward(z), y);
        double[][] dW = new double[3][3];
        // wrong: every entry of dA set to the loss value
        layer.gradients(Matrices.scale(value, onesLike(y)), dW, new double[1][3]);
        double[][] numerical = GradientCheck.numerical(w, point -> loss.value(new LinearLayer(point, b, new Softmax()).forward(z), y));
        assertThatThrownBy(() -> GradientCheck.assertClose(dW, numerical, "dW"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void passingBackTheGradientThroughAlreadyUpdatedWeights() {
        double[][] w = GradientCheck.gaussian(3, 3, random);
        double[] b = {0, 0, 0};
        LinearLayer layer = new LinearLayer(w, b, new Sigmoid());
        layer.forward(z);
        layer.backward(g, new Sgd(0.5));
        double[][] updated = layer.weights();
        double[][] a = new Sigmoid().forward(Matrices.addRowVector(Matrices.multiply(z, w), b));
        double[][] dZ = new Sigmoid().backward(Matrices.addRowVector(Matrices.multiply(z, w), b), a, g);
        // wrong: dA_prev = dZ·Wᵀ with W after the update
        double[][] wrong = Matrices.multiplyTransB(dZ, updated);
        double[][] numerical = GradientCheck.numerical(z, point ->
                GradientCheck.weightedSum(new LinearLayer(w, b, new Sigmoid()).forward(point), g));
        assertThatThrownBy(() -> GradientCheck.assertClose(wrong, numerical, "dA_prev")).isInstanceOf(AssertionError.class);
    }

    private static double[][] onesLike(double[][] a) {
        double[][] ones = new double[a.length][a[0].length];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1.0);
        }
        return ones;
    }
}
