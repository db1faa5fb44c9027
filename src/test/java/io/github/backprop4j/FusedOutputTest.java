package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A confidently wrong sample keeps its gradient: training computes softmax with cross-entropy
 * (and sigmoid with binary cross-entropy) from the logits, {@code dZ = (P − Y)/B}.
 */
class FusedOutputTest {

    private static final double TOLERANCE = 1e-12;

    /** One sample, x = [1], W = [[s, −s]], so the logits are [s, −s]; the label is 1. */
    private static NeuralNet confidentlyWrong(double s) {
        return new NeuralNet(new LinearLayer(new double[][] {{s, -s}}, new double[] {0, 0}, new Softmax()));
    }

    @ParameterizedTest(name = "s = {0}")
    @ValueSource(doubles = {5, 20, 50, 400})
    void theGradientOfAConfidentlyWrongSampleIsPMinusY(double s) {
        Gradients g = confidentlyWrong(s).gradients(new double[][] {{1}}, new int[] {1}, new CategoricalCrossEntropy());

        // P = softmax([s, −s]) = [1/(1 + e^(−2s)), e^(−2s)/(1 + e^(−2s))], Y = [0, 1], B = 1, x = 1
        double p1 = Math.exp(-2 * s) / (1 + Math.exp(-2 * s));
        double[] expected = {1 - p1, p1 - 1};
        assertThat(g.weights(0)[0][0]).isCloseTo(expected[0], within(TOLERANCE));
        assertThat(g.weights(0)[0][1]).isCloseTo(expected[1], within(TOLERANCE));
        assertThat(g.bias(0)[0]).isCloseTo(expected[0], within(TOLERANCE));
        // L = logsumexp([s, −s]) − (−s) = 2s + log(1 + e^(−2s))
        assertThat(g.loss()).isCloseTo(2 * s + Math.log1p(Math.exp(-2 * s)), within(TOLERANCE * 2 * s));
    }

    /** Why: the general path ∂L/∂P then Softmax.backward multiplies a clipped 1/P by P, and loses it all. */
    @Test
    void theGeneralPathLosesTheGradientOnceTheTrueClassUnderflows() {
        double[][] z = {{50, -50}};
        double[][] y = {{0, 1}};
        double[][] p = new Softmax().forward(z);
        double[][] general = new Softmax().backward(z, p, new CategoricalCrossEntropy().gradient(p, y));
        assertThat(Math.abs(general[0][1])).isLessThan(1e-15);
        assertThat(new CategoricalCrossEntropy().logitGradient(p, y)[0][1]).isCloseTo(-1, within(TOLERANCE));
    }

    @Test
    void theLossAtLogits400Is800NotTheClippedValue() {
        NeuralNet net = confidentlyWrong(400);
        History history = net.fit(new double[][] {{1}}, new int[] {1}, TrainingConfig.sgd(0.1, 1, 1, 0L));
        assertThat(history.finalLoss()).isCloseTo(800, within(1e-9));
        // and the step moved the weights by η·(P − Y)·x ≈ 0.1
        assertThat(net.layers().get(0).weights()[0][0]).isCloseTo(400 - 0.1, within(1e-12));
    }

    @Test
    void binaryCrossEntropyKeepsTheGradientOfAConfidentlyWrongSample() {
        NeuralNet net = new NeuralNet(new LinearLayer(new double[][] {{-300}}, new double[] {0}, new Sigmoid()));
        Gradients g = net.gradients(new double[][] {{1}}, new int[] {1}, new BinaryCrossEntropy());
        // dZ = σ(−300) − 1 ≈ −1
        assertThat(g.weights(0)[0][0]).isCloseTo(-1, within(TOLERANCE));
        assertThat(g.loss()).isCloseTo(300, within(1e-9));
    }

    /**
     * A separable problem (class = sign of x) and a network started confidently wrong (its
     * logits point the other way, about ±60 apart) still learns it.
     */
    @Test
    void aNetworkInitialisedToBeConfidentlyWrongStillLearns() {
        double[][] x = new double[40][1];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = (i < 20 ? -1 : 1) * (1 + i % 20 * 0.1);
            labels[i] = i < 20 ? 0 : 1;
        }
        NeuralNet net = new NeuralNet(
                new LinearLayer(new double[][] {{1, -1}}, new double[] {0, 0}, new ReLU()),
                new LinearLayer(new double[][] {{30, -30}, {-30, 30}}, new double[] {0, 0}, new Softmax()));
        assertThat(accuracy(net.predict(x), labels)).isZero();

        net.fit(x, labels, Configs.plain(new Sgd(0.5), 100, 8, 1L));

        assertThat(accuracy(net.predict(x), labels)).isEqualTo(1.0);
    }

    private static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
