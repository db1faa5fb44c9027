package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingControl;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingPlan;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeuralNetTest {

    private static final Loss LOSS = new CategoricalCrossEntropy();

    /** Parameters of a 4-5-4-3 Tanh/ReLU/Softmax network, index 2l = W of layer l, 2l+1 = b. */
    private static double[][][] randomParameters(Random random) {
        int[] sizes = {4, 5, 4, 3};
        double[][][] p = new double[6][][];
        for (int l = 0; l < 3; l++) {
            p[2 * l] = GradientCheck.gaussian(sizes[l], sizes[l + 1], random);
            p[2 * l + 1] = GradientCheck.gaussian(1, sizes[l + 1], random);
        }
        return p;
    }

    private static NeuralNet build(double[][][] p) {
        return new NeuralNet(
                new LinearLayer(p[0], p[1][0], new Tanh()),
                new LinearLayer(p[2], p[3][0], new ReLU()),
                new LinearLayer(p[4], p[5][0], new Softmax()));
    }

    /** Every dW and db of a 3-layer net with Softmax + cross-entropy, against central differences of the loss. */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 6})
    void backwardThroughAWholeNetwork(int batch) {
        assertWholeNetGradients(batch, Function.identity());
    }

    /** The same check with one bias gradient scaled by 1.01 must fail: the check has teeth. */
    @Test
    void wholeNetworkCheckCatchesABiasGradientOffByOnePercent() {
        assertThatThrownBy(() -> assertWholeNetGradients(6, grads -> {
            grads.get(3)[0][1] *= 1.01;   // db of the middle layer
            return grads;
        })).isInstanceOf(AssertionError.class).hasMessageContaining("layer 1 db");
    }

    private static void assertWholeNetGradients(int batch, Function<List<double[][]>, List<double[][]>> tamper) {
        Random random = new Random(17 + batch);
        double[][][] p = randomParameters(random);
        double[][] x = GradientCheck.gaussian(batch, 4, random);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(3);
        }
        double[][] y = Matrices.oneHot(labels, 3);
        NeuralNet net = build(p);
        LinearLayerTest.assertOffTheKink(net.layers().get(1), new LinearLayer(p[0], p[1][0], new Tanh()).forward(x));

        List<double[][]> recorded = new java.util.ArrayList<>();
        double[][] probabilities = net.forward(x);
        double[][] gradient = LOSS.gradient(probabilities, y);
        for (int l = 2; l >= 0; l--) {
            LinearLayer layer = net.layers().get(l);
            double[][] dW = new double[layer.inputs()][layer.outputs()];
            double[][] db = new double[1][layer.outputs()];
            // the gradient step alone: dW, db into our arrays, dA_prev back
            gradient = layer.gradients(gradient, dW, db);
            recorded.add(dW);
            recorded.add(db);
        }
        List<double[][]> grads = tamper.apply(recorded);   // layer 2 dW, db, layer 1 dW, db, layer 0 dW, db

        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < 2; k++) {
                double[][] param = p[2 * l + k];
                double[][] numerical = GradientCheck.numerical(param, point -> LOSS.value(build(p).predictProbabilities(x), y));
                GradientCheck.assertClose(grads.get(2 * (2 - l) + k), numerical, "layer " + l + (k == 0 ? " dW" : " db"));
            }
        }
    }

    /** Expected values from src/test/resources/two-two-two-update.py (numpy, textbook formulas). */
    @Test
    void firstUpdateOfAHandComputedTwoTwoTwoNetwork() {
        NeuralNet net = new NeuralNet(
                new LinearLayer(new double[][] {{0.1, 0.2}, {-0.3, 0.4}}, new double[] {0.05, -0.05}, new Sigmoid()),
                new LinearLayer(new double[][] {{0.5, -0.6}, {0.7, 0.8}}, new double[] {0.1, -0.1}, new Softmax()));

        History history = net.fit(new double[][] {{1, 2}}, new int[] {1}, TrainingConfig.sgd(0.5, 1, 1, 0L));

        double tolerance = 1e-14;
        assertThat(history.finalLoss()).isCloseTo(1.00941925173709, within(tolerance));
        assertClose(net.layers().get(0).weights(),
                new double[][] {{0.016888219117862188, 0.20639090742176028}, {-0.4662235617642756, 0.41278181484352056}}, tolerance);
        assertClose(new double[][] {net.layers().get(0).bias()},
                new double[][] {{-0.033111780882137815, -0.04360909257823974}}, tolerance);
        assertClose(net.layers().get(1).weights(),
                new double[][] {{0.37626709808726433, -0.47626709808726436}, {0.4708406152600091, 1.029159384739991}}, tolerance);
        assertClose(new double[][] {net.layers().get(1).bias()},
                new double[][] {{-0.21778471972853877, 0.21778471972853872}}, tolerance);
    }

    private static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    @Test
    void fitLearnsXorWithSigmoidHiddenUnits() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] y = {0, 1, 1, 0};
        NeuralNet net = new NeuralNet(
                new LinearLayer(2, 4, new Sigmoid(), 1L),
                new LinearLayer(4, 2, new Softmax(), 2L));

        History history = net.fit(x, y, TrainingConfig.sgd(1.0, 2000, 4, 3L));

        assertThat(net.predict(x)).containsExactly(0, 1, 1, 0);
        assertThat(history.finalLoss()).isLessThan(0.1);
    }

    @Test
    void fitLowersTheLossOnIris() {
        Dataset iris = Datasets.iris();
        double[][] x = StandardScaler.fit(iris.features()).transform(iris.features());
        History history = irisNet(5L).fit(x, iris.labels(), TrainingConfig.sgd(0.05, 50, 16, 5L));

        assertThat(history.epochs()).isEqualTo(50);
        assertThat(history.finalLoss()).isLessThan(0.3 * history.loss(1));
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        Dataset iris = Datasets.iris();
        double[][] x = StandardScaler.fit(iris.features()).transform(iris.features());
        NeuralNet first = irisNet(9L);
        NeuralNet second = irisNet(9L);

        History h1 = first.fit(x, iris.labels(), TrainingConfig.sgd(0.05, 20, 16, 4L));
        History h2 = second.fit(x, iris.labels(), TrainingConfig.sgd(0.05, 20, 16, 4L));

        assertThat(h2.losses()).containsExactly(h1.losses());
        for (int l = 0; l < 3; l++) {
            assertThat(second.layers().get(l).weights()).isDeepEqualTo(first.layers().get(l).weights());
            assertThat(second.layers().get(l).bias()).containsExactly(first.layers().get(l).bias());
        }
        // a different shuffle seed gives different weights
        NeuralNet third = irisNet(9L);
        third.fit(x, iris.labels(), TrainingConfig.sgd(0.05, 20, 16, 5L));
        assertThat(third.layers().get(0).weights()).isNotEqualTo(first.layers().get(0).weights());
    }

    private static NeuralNet irisNet(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(
                new LinearLayer(4, 10, new ReLU(), init),
                new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
    }

    @Test
    void predictProbabilitiesAreRowsThatSumToOne() {
        double[][] p = irisNet(1L).predictProbabilities(new double[][] {{1, 2, 3, 4}, {-1, 0, 1, 0}});
        assertThat(p).hasDimensions(2, 3);
        for (double[] row : p) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void predictIsTheArgmaxOfTheProbabilities() {
        NeuralNet net = irisNet(2L);
        double[][] x = {{1, 2, 3, 4}, {-1, 0, 1, 0}, {0.5, 0.5, -2, 1}};
        assertThat(net.predict(x)).containsExactly(Matrices.argmaxRows(net.predictProbabilities(x)));
    }

    @Test
    void constructorNamesTheLayersThatDoNotFit() {
        assertThatThrownBy(() -> new NeuralNet(
                new LinearLayer(4, 10, new ReLU()), new LinearLayer(8, 3, new Softmax())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 Dense(8->3, Softmax) expects 8 inputs but layer 0 Dense(4->10, ReLU) has 10 outputs");
        assertThatThrownBy(NeuralNet::new).hasMessageContaining("at least one layer");
        LinearLayer same = new LinearLayer(3, 3, new ReLU());
        assertThatThrownBy(() -> new NeuralNet(same, same)).hasMessageContaining("layer 1 is the same object as layer 0");
    }

    @Test
    void fitRefusesALossThatDoesNotFitTheLastLayer() {
        NeuralNet net = new NeuralNet(new LinearLayer(2, 2, new Sigmoid()));
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2}}, new int[] {0},
                Configs.plain(new Sgd(0.1), new CategoricalCrossEntropy(), 1, 1, 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("loss CategoricalCrossEntropy does not fit the last layer (layer 0 Dense(2->2, Sigmoid)):"
                        + " categorical cross-entropy needs a Softmax output with one unit per class");
    }

    @Test
    void fitRejectsBadInputNamingWhatAndWhere() {
        NeuralNet net = irisNet(1L);
        TrainingConfig config = TrainingConfig.sgd(0.1, 1, 2, 0L);
        assertThatThrownBy(() -> net.fit(new double[0][], new int[0], config))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features must have at least one row, got 0 rows");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, 4}, {1, 2, 3}}, new int[] {0, 1}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features rows differ in length: row 0 has 4 columns, row 1 has 3");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, 4}, {1, 2, Double.NaN, 4}}, new int[] {0, 1}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features row 1, column 2 is NaN; every value must be finite");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, Double.POSITIVE_INFINITY}}, new int[] {0}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features row 0, column 3 is Infinity; every value must be finite");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}}, new int[] {0, 3}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[1] is 3, expected a class index in [0, 3) (the last layer has 3 outputs)");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, 4}}, new int[] {-1}, config))
                .hasMessageContaining("labels[0] is -1");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}}, new int[] {0}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features have 2 rows but labels have 1 entries; they must match");
        assertThatThrownBy(() -> net.fit(new double[][] {{1, 2, 3}}, new int[] {0}, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features have 3 columns but layer 0 Dense(4->10, ReLU) expects 4");
        assertThatThrownBy(() -> net.fit(null, new int[] {0}, config)).hasMessage("features must not be null");
        assertThatThrownBy(() -> net.predict(new double[][] {{1, 2, 3, Double.NaN}}))
                .hasMessage("features row 0, column 3 is NaN; every value must be finite");
    }

    @Test
    void fitCallsTheListenerInOrder() {
        StringBuilder calls = new StringBuilder();
        irisNet(1L).fit(new double[][] {{1, 2, 3, 4}, {2, 3, 4, 5}, {0, 1, 0, 1}}, new int[] {2, 1, 0},
                TrainingConfig.sgd(0.1, 2, 2, 0L), new TrainingListener() {
                    @Override
                    public void onTrainStart(TrainingPlan plan) {
                        calls.append("start ").append(plan).append('|');
                    }

                    @Override
                    public void onBatchEnd(int epoch, int batch, double loss) {
                        calls.append(epoch).append('.').append(batch).append(loss > 0 ? "+" : "?").append('|');
                    }

                    @Override
                    public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
                        calls.append("epoch ").append(metrics.epoch()).append('|');
                    }

                    @Override
                    public void onTrainEnd(History history) {
                        calls.append("end ").append(history.epochs());
                    }
                });
        assertThat(calls).hasToString("start TrainingPlan[epochs=2, trainingRows=3, validationRows=0, batchesPerEpoch=2]|"
                + "1.1+|1.2+|epoch 1|2.1+|2.2+|epoch 2|end 2");
    }

    @Test
    void summaryInToString() {
        String s = irisNet(1L).toString();
        assertThat(s).startsWith("NeuralNet: Dense(4->10, ReLU) -> Dense(10->5, ReLU) -> Dense(5->3, Softmax)");
        assertThat(s).contains("Dense(10->5, ReLU)    10x5     5     55").contains("total parameters: 123");
        assertThat(irisNet(1L).parameterCount()).isEqualTo(123);
    }
}
