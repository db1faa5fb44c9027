package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Momentum;
import io.github.backprop4j.optim.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Optimizer state lives in the layers: it continues across fit, resets on request, and gradients touch none of it. */
class OptimizerStateInTrainingTest {

    private static final Dataset IRIS = Datasets.iris();
    private static final double[][] X = StandardScaler.fit(IRIS.features()).transform(IRIS.features());

    private static NeuralNet net(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(4, 8, new ReLU(), init), new LinearLayer(8, 3, new Softmax(), init));
    }

    @Test
    void aSecondFitContinuesTheAdamState() {
        NeuralNet twice = net(1L);
        twice.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 3, 150, 0L));
        twice.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 3, 150, 0L));
        NeuralNet once = net(1L);
        once.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 6, 150, 0L));

        assertThat(twice.layers().get(0).weightParameter().state().steps()).isEqualTo(6);
        // full batches: six steps in one call or in two give the same weights, up to the order in which the
        // shuffled rows are summed
        double[][] a = twice.layers().get(0).weights();
        double[][] b = once.layers().get(0).weights();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        // without the state (a fresh Adam for the second call) the result differs
        NeuralNet restarted = net(1L);
        restarted.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 3, 150, 0L));
        restarted.resetOptimizerState();
        restarted.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 3, 150, 0L));
        assertThat(Math.abs(restarted.layers().get(0).weights()[0][0] - b[0][0])).isGreaterThan(1e-6);
    }

    @Test
    void resetOptimizerStateStartsAfresh() {
        NeuralNet net = net(1L);
        net.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 2, 150, 0L));
        net.resetOptimizerState();
        assertThat(net.layers().get(1).biasParameter().state()).isNull();
        net.fit(X, IRIS.labels(), Configs.plain(new Adam(0.01), 1, 150, 0L));
        assertThat(net.layers().get(1).biasParameter().state().steps()).isEqualTo(1);
        // another optimizer class also starts afresh
        net.fit(X, IRIS.labels(), Configs.plain(new Momentum(0.01), 1, 150, 0L));
        assertThat(net.layers().get(1).biasParameter().state().names()).containsExactly("velocity");
    }

    @Test
    void gradientsChangeNothingAndApplyingThemIsOneTrainingStep() {
        NeuralNet probe = net(2L);
        double[][] before = probe.layers().get(0).weights();
        double[][] x = {X[0], X[60], X[120]};
        int[] labels = {IRIS.labels()[0], IRIS.labels()[60], IRIS.labels()[120]};

        Gradients g = probe.gradients(x, labels, new CategoricalCrossEntropy());
        assertThat(probe.layers().get(0).weights()).isDeepEqualTo(before);
        assertThat(probe.layers().get(0).weightParameter().state()).isNull();
        assertThat(g.rows()).isEqualTo(3);
        assertThat(g.layerCount()).isEqualTo(2);

        probe.applyGradients(g, new Sgd(0.1));
        NeuralNet trained = net(2L);
        // one row per batch would shuffle; a batch of all three rows in their shuffled order gives the same mean up
        // to summation order, so train on a single batch with the rows fed in the same order instead
        trained.fit(x, labels, Configs.plain(new Sgd(0.1), 1, 3, shuffleSeedKeepingOrder()));
        for (int l = 0; l < 2; l++) {
            assertThat(probe.layers().get(l).weights()).isDeepEqualTo(trained.layers().get(l).weights());
            assertThat(probe.layers().get(l).bias()).containsExactly(trained.layers().get(l).bias());
        }
    }

    /** A seed whose first shuffle of three rows is the identity. */
    private static long shuffleSeedKeepingOrder() {
        for (long seed = 0; ; seed++) {
            int[] order = io.github.backprop4j.internal.Permutations.identity(3);
            io.github.backprop4j.internal.Permutations.shuffle(order,
                    io.github.backprop4j.internal.Xoroshiro128PlusPlus.seeded(seed));
            if (order[0] == 0 && order[1] == 1) {
                return seed;
            }
        }
    }

    @Test
    void applyGradientsRefusesAnotherNetworksGradients() {
        Gradients g = net(1L).gradients(new double[][] {X[0]}, new int[] {0}, new CategoricalCrossEntropy());
        NeuralNet deeper = new NeuralNet(new LinearLayer(4, 3, new ReLU(), 1L), new LinearLayer(3, 3, new ReLU(), 1L),
                new LinearLayer(3, 3, new Softmax(), 1L));
        assertThatThrownBy(() -> deeper.applyGradients(g, new Sgd(0.1))).hasMessage("gradients have 2 layers but this network has 3");
    }
}
