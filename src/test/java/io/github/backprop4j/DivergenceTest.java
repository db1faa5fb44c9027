package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.TrainingConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Training that overflows stops loudly, naming where; prediction never turns NaN into a class. */
class DivergenceTest {

    private static NeuralNet irisNet(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(
                new LinearLayer(4, 10, new ReLU(), init),
                new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
    }

    private static double[][] scaledIris() {
        Dataset iris = Datasets.iris();
        return StandardScaler.fit(iris.features()).transform(iris.features());
    }

    @ParameterizedTest(name = "learning rate {0}")
    @ValueSource(doubles = {1e300, 1e200, 1e100})
    void aHugeLearningRateStopsTrainingNamingEpochBatchLayerAndValue(double learningRate) {
        Dataset iris = Datasets.iris();
        NeuralNet net = irisNet(1L);
        assertThatThrownBy(() -> net.fit(scaledIris(), iris.labels(), TrainingConfig.sgd(learningRate, 50, 16, 0L)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("training diverged at epoch \\d+, batch \\d+, layer \\d: .*(NaN|Infinity).*;"
                        + " try a lower learning rate, or scale the features \\(e.g. StandardScaler\\)")
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.epoch()).isBetween(1, 50);
                    assertThat(d.batch()).isBetween(1, 10);
                    assertThat(d.layer()).isBetween(0, 2);
                    assertThat(d.getMessage()).contains("epoch " + d.epoch() + ", batch " + d.batch() + ", layer " + d.layer());
                });
    }

    /** With learning rate 1e300 the first update already overflows: the message names the parameter. */
    @Test
    void theFirstNonFiniteParameterIsNamed() {
        NeuralNet net = new NeuralNet(new LinearLayer(new double[][] {{1, -1}}, new double[] {0, 0}, new Softmax()));
        assertThatThrownBy(() -> net.fit(new double[][] {{1e10}}, new int[] {1}, TrainingConfig.sgd(1e300, 1, 1, 0L)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged at epoch 1, batch 1, layer 0: Dense(1->2, Softmax) weights W[0][0] is"
                        + " -Infinity after the update");
    }

    @Test
    void inputsThatOverflowStopTrainingAtTheLayerWhoseOutputOverflows() {
        double[][] x = scaledIris();
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 1e300;
            }
        }
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), 1L), new LinearLayer(8, 1, new Identity(), 2L));
        double[][] y = new double[x.length][1];
        assertThatThrownBy(() -> net.fit(x, y, Configs.plain(new Sgd(0.01), new MeanSquaredError(), 1, 16, 0L)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("at epoch 1, batch 1, layer ")
                .hasMessageMatching(".*the loss is (NaN|Infinity).*");
    }

    /** Regression on inputs times 1e150: the squared error reaches 1e300, the next update overflows. */
    @Test
    void inputsTimes1e150OverflowARegressionWithinTheFirstEpoch() {
        double[][] x = scaledIris();
        double[][] y = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = x[i][0];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] *= 1e150;
            }
        }
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), 1L), new LinearLayer(8, 1, new Identity(), 2L));
        assertThatThrownBy(() -> net.fit(x, y, Configs.plain(new Sgd(0.01), new MeanSquaredError(), 5, 16, 0L)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("at epoch 1, batch ");
    }

    @Test
    void predictThrowsNamingTheLayerInsteadOfReturningAClassForNaN() {
        NeuralNet net = new NeuralNet(
                new LinearLayer(new double[][] {{1e300, -1e300}}, new double[] {0, 0}, new ReLU()),
                new LinearLayer(new double[][] {{1e300, 1}, {1, 1}}, new double[] {0, 0}, new Softmax()));
        assertThatThrownBy(() -> net.predict(new double[][] {{1}, {1e10}}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("layer 0 Dense(1->2, ReLU) pre-activation Z row 1, column 0 is Infinity;");
        assertThatThrownBy(() -> net.predictProbabilities(new double[][] {{1}}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("layer 1 Dense(2->2, Softmax) pre-activation Z row 0, column 0 is Infinity;");
    }
}
