package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.ClassWeights;
import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.Monitor;
import io.github.backprop4j.train.StepDecay;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingControl;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingPlan;
import io.github.backprop4j.train.Validation;
import io.github.backprop4j.train.WeightDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training loop's workflow: validation, early stopping, listeners, schedules, regularisation, class weights. */
class TrainerTest {

    private static final Dataset IRIS = Datasets.iris();
    private static final double[][] X = StandardScaler.fit(IRIS.features()).transform(IRIS.features());
    private static final int[] Y = IRIS.labels();

    private static NeuralNet net(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(4, 8, new ReLU(), init), new LinearLayer(8, 3, new Softmax(), init));
    }

    private static TrainingConfig.Builder plain(double learningRate, int epochs, int batch) {
        return TrainingConfig.builder().optimizer(new Sgd(learningRate)).epochs(epochs).batchSize(batch)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none());
    }

    @Test
    void aValidationFractionHoldsOutThatShareOfEachClass() {
        TrainingPlan[] plan = new TrainingPlan[1];
        History h = net(1L).fit(X, Y, TrainingConfig.builder().epochs(3).build(), new TrainingListener() {
            @Override
            public void onTrainStart(TrainingPlan p) {
                plan[0] = p;
            }
        });
        // round(50 · 0.1) = 5 of each of the 3 classes
        assertThat(plan[0]).isEqualTo(new TrainingPlan(3, 135, 15, 5));
        assertThat(h.last().hasValidation()).isTrue();
        assertThat(h.last().validationAccuracy()).isBetween(0.0, 1.0);
        assertThat(h.last().accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void anExplicitValidationSetIsWhatValidationLossAndAccuracyMeasure() {
        double[][] vx = {X[0], X[70], X[140], X[100]};
        int[] vy = {Y[0], Y[70], Y[140], Y[100]};
        NeuralNet net = net(2L);
        History h = net.fit(X, Y, plain(0.05, 5, 16).validation(Validation.of(vx, vy)).build());
        double[][] p = net.predictProbabilities(vx);
        double expected = new CategoricalCrossEntropy().value(p, new CategoricalCrossEntropy().targetsForLabels(vy, 3));
        assertThat(h.last().validationLoss()).isCloseTo(expected, within(1e-12));
        int[] predicted = net.predict(vx);
        int right = 0;
        for (int i = 0; i < 4; i++) {
            right += predicted[i] == vy[i] ? 1 : 0;
        }
        assertThat(h.last().validationAccuracy()).isEqualTo(right / 4.0);
    }

    @Test
    void earlyStoppingEndsTrainingAfterPatienceEpochsWithoutImprovement() {
        // an improvement must beat the best by 10: after epoch 1 nothing does, so training ends at epoch 1 + 3
        History h = net(3L).fit(X, Y, plain(0.05, 100, 16)
                .earlyStopping(new EarlyStopping(Monitor.TRAINING_LOSS, 3, 10.0, false)).build());
        assertThat(h.epochs()).isEqualTo(4);
        assertThat(h.stopReason()).get().asString()
                .startsWith("early stopping at epoch 4: training loss did not improve on").endsWith("(epoch 1) for 3 epochs");
    }

    /** With restore-best-weights the network ends with the weights of the epoch of lowest validation loss. */
    @Test
    void restoreBestWeightsPutsBackTheBestEpoch() {
        NeuralNet net = net(4L);
        List<double[][]> weights = new ArrayList<>();
        History h = net.fit(X, Y, plain(0.5, 40, 8).validation(Validation.fraction(0.3))
                .earlyStopping(new EarlyStopping(Monitor.VALIDATION_LOSS, 5, 0, true)).build(), new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochMetrics m, TrainingControl control) {
                        weights.add(net.layers().get(1).weights());
                    }
                });
        double[] validation = h.validationLosses();
        int best = 0;
        for (int e = 1; e < validation.length; e++) {
            best = validation[e] < validation[best] ? e : best;
        }
        assertThat(net.layers().get(1).weights()).isDeepEqualTo(weights.get(best));
        if (best < validation.length - 1) {
            assertThat(h.stopReason()).get().asString().endsWith("restored the weights of epoch " + (best + 1));
        }
    }

    @Test
    void aListenerCanStopTrainingAndTheHistorySoFarIsReturned() {
        History[] ended = new History[1];
        History h = net(5L).fit(X, Y, plain(0.05, 50, 16).build(), new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m, TrainingControl control) {
                if (m.epoch() == 3) {
                    control.requestStop("enough for this test");
                }
            }

            @Override
            public void onTrainEnd(History history) {
                ended[0] = history;
            }
        });
        assertThat(h.epochs()).isEqualTo(3);
        assertThat(h.stopReason()).contains("enough for this test");
        assertThat(ended[0]).isSameAs(h);
    }

    @Test
    void theScheduleSetsEachEpochsLearningRate() {
        History h = net(6L).fit(X, Y, plain(0.1, 5, 32).schedule(new StepDecay(2, 0.5)).build());
        assertThat(h.learningRates()).containsExactly(0.1, 0.1, 0.05, 0.05, 0.025);
    }

    /** One full-batch SGD step with L2: W ← W − η(dW + λW), and the bias without λ. */
    @Test
    void weightDecayAddsLambdaTimesTheWeightsToTheirGradientButNotToTheBias() {
        NeuralNet probe = net(7L);
        NeuralNet trained = net(7L);
        Gradients g = probe.gradients(X, Y, new CategoricalCrossEntropy());
        double lambda = 0.5;
        trained.fit(X, Y, plain(0.1, 1, 150).shuffle(false).weightDecay(lambda).build());
        double[][] w = probe.layers().get(0).weights();
        double[][] dW = g.weights(0);
        assertThat(trained.layers().get(0).weights()[2][3]).isCloseTo(w[2][3] - 0.1 * (dW[2][3] + lambda * w[2][3]), within(1e-15));
        assertThat(trained.layers().get(1).bias()[1]).isCloseTo(probe.layers().get(1).bias()[1] - 0.1 * g.bias(1)[1], within(1e-15));
    }

    /** Clipping scales a parameter's whole gradient down to the given norm. */
    @Test
    void gradientClippingBoundsEachParametersStep() {
        NeuralNet probe = net(8L);
        NeuralNet trained = net(8L);
        double[][] dW = probe.gradients(X, Y, new CategoricalCrossEntropy()).weights(1);
        double norm = 0;
        for (double[] row : dW) {
            for (double v : row) {
                norm += v * v;
            }
        }
        norm = Math.sqrt(norm);
        double clip = norm / 4;
        trained.fit(X, Y, plain(1.0, 1, 150).shuffle(false).gradientClipNorm(clip).build());
        double[][] before = probe.layers().get(1).weights();
        double[][] after = trained.layers().get(1).weights();
        assertThat(after[3][2]).isCloseTo(before[3][2] - dW[3][2] / 4, within(1e-14));
    }

    /** A class weight of 3 on class 2 triples that class's rows in the loss and its gradient. */
    @Test
    void classWeightsScaleEachRowsLossAndGradient() {
        NeuralNet probe = net(9L);
        NeuralNet trained = net(9L);
        double[][] x = {X[0], X[60], X[120]};
        int[] y = {0, 1, 2};
        double[][] expected = new double[8][3];
        double expectedLoss = 0;
        double[] w = {1, 1, 3};
        for (int i = 0; i < 3; i++) {
            Gradients one = probe.gradients(new double[][] {x[i]}, new int[] {y[i]}, new CategoricalCrossEntropy());
            expectedLoss += w[i] * one.loss() / 3;
            double[][] dW = one.weights(1);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 3; c++) {
                    expected[r][c] += w[i] * dW[r][c] / 3;
                }
            }
        }
        History h = trained.fit(x, y, plain(1.0, 1, 3).shuffle(false).classWeights(ClassWeights.of(w)).build());
        assertThat(h.finalLoss()).isCloseTo(expectedLoss, within(1e-14));
        double[][] before = probe.layers().get(1).weights();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(trained.layers().get(1).weights()[r][c]).isCloseTo(before[r][c] - expected[r][c], within(1e-14));
            }
        }
    }

    @Test
    void sameSeedGivesBitIdenticalTrainingWithEverySettingOn() {
        TrainingConfig config = TrainingConfig.builder().epochs(30).seed(11).dropout(0, 0.3).gradientClipNorm(1.0)
                .classWeights(ClassWeights.balanced()).schedule(new StepDecay(10, 0.5)).build();
        NeuralNet a = net(10L);
        NeuralNet b = net(10L);
        History ha = a.fit(X, Y, config);
        History hb = b.fit(X, Y, config);
        assertThat(hb.losses()).containsExactly(ha.losses());
        assertThat(hb.validationLosses()).containsExactly(ha.validationLosses());
        assertThat(b.layers().get(0).weights()).isDeepEqualTo(a.layers().get(0).weights());
        NeuralNet c = net(10L);
        c.fit(X, Y, config.toBuilder().seed(12).build());
        assertThat(c.layers().get(0).weights()).isNotEqualTo(a.layers().get(0).weights());
    }

    @Test
    void badCombinationsAreRefusedBeforeTraining() {
        assertThatThrownBy(() -> net(1L).fit(X, Y, plain(0.1, 1, 16).dropout(1, 0.5).build()))
                .hasMessage("dropout is set on layer 1, but the network's layers are 0 to 1 and the last one's output cannot be dropped");
        NeuralNet regression = new NeuralNet(new LinearLayer(4, 3, new Tanh(), 1L), new LinearLayer(3, 1, new Identity(), 2L));
        double[][] t = new double[150][1];
        assertThatThrownBy(() -> regression.fit(X, t, plain(0.1, 1, 16).classWeights(ClassWeights.balanced()).build()))
                .hasMessage("class weights need class labels; fit was given double[][] targets");
        assertThatThrownBy(() -> regression.fit(X, t, TrainingConfig.builder()
                .earlyStopping(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 3, 0, true)).build()))
                .hasMessageStartingWith("early stopping watches VALIDATION_ACCURACY, but training on double[][] targets");
        assertThatThrownBy(() -> net(1L).fit(X, Y, plain(0.1, 1, 16).validation(Validation.of(new double[][] {{1, 2}}, new int[] {0})).build()))
                .hasMessage("validation features have 2 columns but the training features have 4");
    }

    @Test
    void regressionWithTheDefaultsLearnsAndReportsNoAccuracy() {
        double[][] x = new double[200][1];
        double[][] y = new double[200][1];
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            x[i][0] = random.nextDouble() * 4 - 2;
            y[i][0] = x[i][0] * x[i][0];
        }
        NeuralNet net = new NeuralNet(new LinearLayer(1, 16, new Tanh(), 1L), new LinearLayer(16, 1, new Identity(), 2L));
        History h = net.fit(x, y, TrainingConfig.builder().optimizer(new io.github.backprop4j.optim.Adam(0.01)).build());
        assertThat(h.last().accuracy()).isNaN();
        assertThat(h.last().validationAccuracy()).isNaN();
        assertThat(new MeanSquaredError().value(net.predictValues(x), y)).isLessThan(0.05);
    }
}
