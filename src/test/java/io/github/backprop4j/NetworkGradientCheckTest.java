package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every weight and bias gradient of whole networks, for every loss, against central differences
 * of the loss: at initialisation and again after 10 training steps that lowered the loss. A
 * failure lists every parameter entry that is off, not just the first.
 */
class NetworkGradientCheckTest {

    private static final int BATCH = 8;

    /** A network: layer sizes and activations, and the loss that trains it. */
    record Case(String name, int[] sizes, Supplier<List<io.github.backprop4j.activation.Activation>> activations, Loss loss) {
        NeuralNet build(long seed) {
            Random init = new Random(seed);
            List<io.github.backprop4j.activation.Activation> f = activations.get();
            LinearLayer[] layers = new LinearLayer[sizes.length - 1];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = new LinearLayer(sizes[l], sizes[l + 1], f.get(l), init);
            }
            return new NeuralNet(layers);
        }

        @Override
        public String toString() {
            return name + " with " + loss;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("4-3-3 Sigmoid", new int[] {4, 3, 3}, () -> List.of(new Sigmoid(), new Softmax()),
                        new CategoricalCrossEntropy()),
                new Case("4-10-5-3 iris", new int[] {4, 10, 5, 3}, () -> List.of(new ReLU(), new ReLU(), new Softmax()),
                        new CategoricalCrossEntropy()),
                new Case("4-6-5-3 mixed", new int[] {4, 6, 5, 3}, () -> List.of(new Sigmoid(), new ReLU(), new Softmax()),
                        new CategoricalCrossEntropy()),
                new Case("4-6-5-1 mixed", new int[] {4, 6, 5, 1}, () -> List.of(new Sigmoid(), new ReLU(), new Sigmoid()),
                        new BinaryCrossEntropy()),
                new Case("4-6-5-2 mixed", new int[] {4, 6, 5, 2}, () -> List.of(new Sigmoid(), new ReLU(), new Identity()),
                        new MeanSquaredError()),
                new Case("4-6-2 Tanh", new int[] {4, 6, 2}, () -> List.of(new Tanh(), new Sigmoid()),
                        new MeanSquaredError()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsAtInitialisationAndAfterTenSteps(Case c) {
        Random random = new Random(c.name().hashCode());
        double[][] x = GradientCheck.gaussian(BATCH, c.sizes()[0], random);
        double[][] y = targets(c, random);
        NeuralNet net = c.build(3L);
        assertThat(mismatches(net, x, y, c.loss())).as("at initialisation").isEmpty();

        double before = c.loss().value(net.predictValues(x), y);
        net.fit(x, y, Configs.plain(new Sgd(0.1), c.loss(), 10, BATCH, 1L));   // 10 full-batch steps
        assertThat(c.loss().value(net.predictValues(x), y)).as("loss after 10 steps").isLessThan(before);

        assertThat(mismatches(net, x, y, c.loss())).as("after 10 steps").isEmpty();
    }

    private static double[][] targets(Case c, Random random) {
        int outputs = c.sizes()[c.sizes().length - 1];
        if (c.loss() instanceof MeanSquaredError) {
            return GradientCheck.gaussian(BATCH, outputs, random);
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(Math.max(2, outputs));
        }
        return c.loss().targetsForLabels(labels, outputs);
    }

    /** Every entry of every layer's dW and db that disagrees with the numerical gradient. */
    static List<String> mismatches(NeuralNet net, double[][] x, double[][] y, Loss loss) {
        Gradients analytic = net.gradients(x, y, loss);
        List<String> failures = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            LinearLayer layer = net.layers().get(l);
            double[][] w = layer.weightParameter().values();
            double[][] b = layer.biasParameter().values();
            failures.addAll(GradientCheck.mismatches(analytic.weights(l),
                    GradientCheck.numerical(w, point -> loss.value(net.predictValues(x), y)), "layer " + l + " dW"));
            failures.addAll(GradientCheck.mismatches(new double[][] {analytic.bias(l)},
                    GradientCheck.numerical(b, point -> loss.value(net.predictValues(x), y)), "layer " + l + " db"));
        }
        return failures;
    }

    /** The check has teeth: a network whose gradient is perturbed shows every perturbed entry. */
    @Test
    void aWrongGradientIsListedEntryByEntry() {
        Random random = new Random(5);
        double[][] x = GradientCheck.gaussian(4, 3, random);
        NeuralNet net = new NeuralNet(new LinearLayer(3, 2, new Softmax(), 1L));
        double[][] y = Matrices.oneHot(new int[] {0, 1, 1, 0}, 2);
        // the loss doubled but not its gradient: every numerical entry is twice the analytic one
        Loss cce = new CategoricalCrossEntropy();
        List<String> failures = mismatches(net, x, y, new Loss() {
            @Override
            public double value(double[][] predicted, double[][] target) {
                return 2 * cce.value(predicted, target);
            }

            @Override
            public double[][] gradient(double[][] predicted, double[][] target) {
                return cce.gradient(predicted, target);
            }
        });
        assertThat(failures).hasSize(3 * 2 + 2);
    }

    /** The mean-loss gradient over n rows is the mean of the n single-row gradients. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 3, 16})
    void batchGradientIsTheMeanOfSingleRowGradients(int n) {
        Random random = new Random(n);
        NeuralNet net = new Case("4-6-5-3", new int[] {4, 6, 5, 3},
                () -> List.of(new Tanh(), new Sigmoid(), new Softmax()), new CategoricalCrossEntropy()).build(2L);
        double[][] x = GradientCheck.gaussian(n, 4, random);
        int[] labels = random.ints(n, 0, 3).toArray();
        Gradients batch = net.gradients(x, labels, new CategoricalCrossEntropy());
        for (int l = 0; l < 3; l++) {
            double[][] mean = new double[batch.weights(l).length][batch.weights(l)[0].length];
            double[] meanBias = new double[batch.bias(l).length];
            for (int i = 0; i < n; i++) {
                Gradients one = net.gradients(new double[][] {x[i]}, new int[] {labels[i]}, new CategoricalCrossEntropy());
                mean = Matrices.add(mean, Matrices.scale(1.0 / n, one.weights(l)));
                for (int j = 0; j < meanBias.length; j++) {
                    meanBias[j] += one.bias(l)[j] / n;
                }
            }
            assertRelativelyClose(batch.weights(l), mean);
            assertRelativelyClose(new double[][] {batch.bias(l)}, new double[][] {meanBias});
        }
    }

    private static void assertRelativelyClose(double[][] actual, double[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double scale = Math.max(Math.abs(expected[i][j]), 1e-300);
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12 * scale));
            }
        }
    }
}
