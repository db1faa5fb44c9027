package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** fit with each loss: binary classification, regression, and the pairings it refuses. */
class TrainingWithLossesTest {

    @Test
    void binaryCrossEntropyLearnsTwoBlobsAndPredictThresholdsAtOneHalf() {
        Random random = new Random(4);
        double[][] x = new double[100][2];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i % 2;
            x[i][0] = random.nextGaussian() + (labels[i] == 1 ? 2 : -2);
            x[i][1] = random.nextGaussian();
        }
        NeuralNet net = new NeuralNet(new LinearLayer(2, 8, new ReLU(), 1L), new LinearLayer(8, 1, new Sigmoid(), 2L));

        net.fit(x, labels, Configs.plain(new Adam(0.01), new BinaryCrossEntropy(), 50, 16, 3L));

        int[] predicted = net.predict(x);
        double[][] p = net.predictProbabilities(x);
        int right = 0;
        for (int i = 0; i < 100; i++) {
            assertThat(predicted[i]).isEqualTo(p[i][0] >= 0.5 ? 1 : 0);
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(95);
    }

    @Test
    void meanSquaredErrorFitsALineAndAParabolaAtOnce() {
        double[][] x = new double[64][1];
        double[][] y = new double[64][2];
        for (int i = 0; i < 64; i++) {
            x[i][0] = -1 + 2.0 * i / 63;
            y[i][0] = 2 * x[i][0] + 1;
            y[i][1] = x[i][0] * x[i][0];
        }
        NeuralNet net = new NeuralNet(new LinearLayer(1, 16, new Tanh(), 1L), new LinearLayer(16, 2, new Identity(), 2L));
        MeanSquaredError mse = new MeanSquaredError();

        History history = net.fit(x, y, Configs.plain(new Adam(0.01), mse, 800, 16, 5L));

        assertThat(mse.value(net.predictValues(x), y)).isLessThan(1e-3).isLessThan(history.loss(1) / 100);
        assertThatThrownBy(() -> net.predict(x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("predict returns class labels, but this network was trained for regression (its last layer"
                        + " is layer 1 Dense(16->2, Identity)); use predictValues");
    }

    @Test
    void aOneUnitSigmoidWithCategoricalCrossEntropyIsToldToUseBinaryCrossEntropy() {
        NeuralNet net = new NeuralNet(new LinearLayer(2, 1, new Sigmoid(), 1L));
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2}}, new int[] {1},
                Configs.plain(new Adam(), new CategoricalCrossEntropy(), 1, 1, 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss CategoricalCrossEntropy does not fit the last layer (layer 0 Dense(2->1, Sigmoid)):"
                        + " categorical cross-entropy needs a Softmax output with one unit per class;"
                        + " for one Sigmoid unit and labels 0/1 use new BinaryCrossEntropy()");
    }

    @Test
    void otherMismatchesAreRefusedBeforeTraining() {
        NeuralNet softmax = new NeuralNet(new LinearLayer(2, 3, new Softmax(), 1L));
        assertThatThrownBy(() -> softmax.fit(new double[][] {{1, 2}}, new int[] {1},
                Configs.plain(new Adam(), new BinaryCrossEntropy(), 1, 1, 0L)))
                .hasMessageStartingWith("loss BinaryCrossEntropy does not fit the last layer (layer 0 Dense(2->3, Softmax)):");
        NeuralNet regression = new NeuralNet(new LinearLayer(2, 1, new Identity(), 1L));
        assertThatThrownBy(() -> regression.fit(new double[][] {{1, 2}}, new int[] {1},
                Configs.plain(new Adam(), new MeanSquaredError(), 1, 1, 0L)))
                .hasMessageStartingWith("MeanSquaredError takes double[][] targets, not class labels");
        assertThatThrownBy(() -> regression.fit(new double[][] {{1, 2}}, new double[][] {{1, 2}},
                Configs.plain(new Adam(), new MeanSquaredError(), 1, 1, 0L)))
                .hasMessage("targets have 2 columns but the last layer Dense(2->1, Identity) has 1 outputs");
        assertThatThrownBy(() -> regression.fit(new double[][] {{1, 2}}, new double[][] {{Double.NaN}},
                Configs.plain(new Adam(), new MeanSquaredError(), 1, 1, 0L)))
                .hasMessage("targets row 0, column 0 is NaN; every value must be finite");
        NeuralNet binary = new NeuralNet(new LinearLayer(2, 1, new Sigmoid(), 1L));
        assertThatThrownBy(() -> binary.fit(new double[][] {{1, 2}, {3, 4}}, new int[] {1, 2},
                Configs.plain(new Adam(), new BinaryCrossEntropy(), 1, 1, 0L)))
                .hasMessage("labels[1] is 2; binary cross-entropy takes labels 0 or 1");
    }

    @Test
    void softTargetsTrainWithCategoricalCrossEntropy() {
        NeuralNet net = new NeuralNet(new LinearLayer(1, 2, new Softmax(), 1L));
        double[][] y = {{0.25, 0.75}};
        net.fit(new double[][] {{1}}, y, Configs.plain(new Adam(0.05), new CategoricalCrossEntropy(), 300, 1, 0L));
        assertThat(net.predictProbabilities(new double[][] {{1}})[0][1]).isBetween(0.74, 0.76);
    }
}
