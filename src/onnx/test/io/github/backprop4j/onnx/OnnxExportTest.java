package io.github.backprop4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.MinMaxScaler;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.onnx.OnnxExport.Precision;
import io.github.backprop4j.train.TrainingConfig;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exported model runs in ONNX Runtime and gives what the library gives. */
class OnnxExportTest {

    private static final TrainingConfig SHORT = TrainingConfig.builder().epochs(15).noEarlyStopping().seed(1).build();

    static Stream<Activation> hiddenActivations() {
        return Stream.of(new Sigmoid(), new ReLU(), new Tanh(), new Identity());
    }

    /** |ort − ours| ≤ tolerance·max(1, |ours|), element by element. */
    static void assertClose(double[][] ort, double[][] ours, double tolerance) {
        assertThat(ort.length).isEqualTo(ours.length);
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            assertThat(ort[i].length).isEqualTo(ours[i].length);
            for (int j = 0; j < ours[i].length; j++) {
                worst = Math.max(worst, Math.abs(ort[i][j] - ours[i][j]) / Math.max(1, Math.abs(ours[i][j])));
            }
        }
        assertThat(worst).as("worst relative difference").isLessThanOrEqualTo(tolerance);
    }

    static double[][] widened(float[][] f) {
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                d[i][j] = f[i][j];
            }
        }
        return d;
    }

    static float[][] narrowed(double[][] d) {
        float[][] f = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            f[i] = new float[d[i].length];
            for (int j = 0; j < d[i].length; j++) {
                f[i][j] = (float) d[i][j];
            }
        }
        return f;
    }

    private static Model irisClassifier(Activation hidden, int hiddenLayers, long seed) {
        Random init = new Random(seed);
        LinearLayer[] layers = new LinearLayer[hiddenLayers + 1];
        int inputs = 4;
        for (int l = 0; l < hiddenLayers; l++) {
            layers[l] = new LinearLayer(inputs, 6, hidden, init);
            inputs = 6;
        }
        layers[hiddenLayers] = new LinearLayer(inputs, 3, new Softmax(), init);
        return Model.train(Datasets.iris(), new NeuralNet(layers), SHORT);
    }

    @ParameterizedTest
    @MethodSource("hiddenActivations")
    void aClassifierWithEachActivationGivesOnnxRuntimeTheSameProbabilities(Activation hidden) {
        for (int hiddenLayers : new int[] {0, 1, 3}) {
            Model model = irisClassifier(hidden, hiddenLayers, 7);
            double[][] x = Datasets.iris().features();
            byte[] onnx = OnnxExport.toBytes(model);
            assertClose((double[][]) Ort.run(onnx, x, OnnxExport.PROBABILITIES), model.network().predictProbabilities(
                    model.scaler().orElseThrow().transform(x)), 1e-12);
            double[][] ours = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                ours[i] = model.predictProbabilities(x[i]);
            }
            assertClose((double[][]) Ort.run(onnx, x, OnnxExport.PROBABILITIES), ours, 1e-12);
            assertThat((long[]) Ort.run(onnx, x, OnnxExport.LABEL))
                    .containsExactly(java.util.Arrays.stream(model.predict(x)).asLongStream().toArray());
            float[][] p32 = (float[][]) Ort.run(OnnxExport.toBytes(model, Precision.FLOAT32), narrowed(x),
                    OnnxExport.PROBABILITIES);
            assertClose(widened(p32), ours, 1e-5);
        }
    }

    /** Regression, its targets standardised by Model.train: ONNX gives the values in the targets' units. */
    @ParameterizedTest
    @MethodSource("hiddenActivations")
    void aRegressorGivesOnnxRuntimeTheSameValuesInTheTargetsUnits(Activation hidden) {
        Random random = new Random(3);
        double[][] x = new double[80][3];
        double[][] y = new double[80][2];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = 10 * random.nextGaussian();
            }
            y[i][0] = 3000 + 40 * x[i][0] - 7 * x[i][1] * x[i][2];
            y[i][1] = -2 + 0.1 * x[i][2];
        }
        Dataset data = Dataset.regression(x, y, List.of("a", "b", "c"), List.of("price", "delta"));
        Random init = new Random(4);
        Model model = Model.train(data, new NeuralNet(new LinearLayer(3, 8, hidden, init), new LinearLayer(8, 5, hidden, init),
                new LinearLayer(5, 2, new Identity(), init)), SHORT);
        assertThat(model.targetScaler()).isPresent();
        byte[] onnx = OnnxExport.toBytes(model);
        assertClose((double[][]) Ort.run(onnx, x, OnnxExport.VALUES), model.predictValues(x), 1e-12);
        float[][] v32 = (float[][]) Ort.run(OnnxExport.toBytes(model, Precision.FLOAT32), narrowed(x), OnnxExport.VALUES);
        assertClose(widened(v32), model.predictValues(x), 1e-5);
    }

    /** One sigmoid unit: ONNX gives the two classes' probabilities, [1 − p, p], as the model does; min-max scaling. */
    @Test
    void aBinaryClassifierWithMinMaxScalingGivesBothProbabilities() {
        Random random = new Random(5);
        double[][] x = new double[40][2];
        for (double[] row : x) {
            row[0] = random.nextGaussian();
            row[1] = 5 + 2 * random.nextGaussian();
        }
        NeuralNet net = new NeuralNet(new LinearLayer(2, 4, new Tanh(), random), new LinearLayer(4, 1, new Sigmoid(), random));
        Model model = Model.classifier(net, MinMaxScaler.fit(x), List.of("u", "v"), List.of("no", "yes"),
                new BinaryCrossEntropy());
        double[][] ours = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            ours[i] = model.predictProbabilities(x[i]);
        }
        byte[] onnx = OnnxExport.toBytes(model);
        assertClose((double[][]) Ort.run(onnx, x, OnnxExport.PROBABILITIES), ours, 1e-12);
        assertThat((long[]) Ort.run(onnx, x, OnnxExport.LABEL))
                .containsExactly(java.util.Arrays.stream(model.predict(x)).asLongStream().toArray());
    }

    /** The names travel in the metadata; the bare network reads back through our importer to the same bits. */
    @Test
    void everyExportedNetworkReadsBackAndPredictsTheSameBits() {
        double[][] x = Datasets.iris().features();
        for (Activation hidden : hiddenActivations().toList()) {
            for (int hiddenLayers : new int[] {0, 2}) {
                NeuralNet net = irisClassifier(hidden, hiddenLayers, 11).network();
                Model back = OnnxImport.read(OnnxExport.toBytes(net, Precision.FLOAT64), "net.onnx",
                        OnnxImport.Outputs.AS_THE_GRAPH_ENDS);
                assertThat(back.isRegression()).isFalse();
                assertThat(back.network().predictProbabilities(x)).isDeepEqualTo(net.predictProbabilities(x));
                assertThat(back.network().toString()).isEqualTo(net.toString());
            }
        }
    }

    @Test
    void aPartOfYourOwnOrATableModelIsRefusedNamingWhy() {
        Activation swish = new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return z;
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                return outputGradient;
            }
        };
        NeuralNet net = new NeuralNet(new LinearLayer(4, 3, swish, 1L), new LinearLayer(3, 3, new Softmax(), 2L));
        Model model = Model.classifier(net, null, List.of("a", "b", "c", "d"), List.of("x", "y", "z"),
                new io.github.backprop4j.loss.CategoricalCrossEntropy());
        assertThatThrownBy(() -> OnnxExport.toBytes(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0's activation io.github.backprop4j.onnx.OnnxExportTest$1 is not one ONNX export knows"
                        + " (Sigmoid, ReLU, Tanh, Identity, Softmax): a part of your own has no ONNX operator here");
    }

    @Test
    void aTableModelIsRefusedForNow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path csv = dir.resolve("t.csv");
        java.nio.file.Files.writeString(csv, "size,colour,kind\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n5,red,a\n6,blue,b\n");
        io.github.backprop4j.data.Table table = new io.github.backprop4j.data.CsvLoader().loadTable(csv);
        int inputs = io.github.backprop4j.data.Preprocessing.inputCount(table,
                io.github.backprop4j.data.PreprocessingOptions.defaults());
        Model model = Model.train(table, new NeuralNet(new LinearLayer(inputs, 2, new Softmax(), 1L)),
                TrainingConfig.builder().epochs(2).noValidation().noEarlyStopping().build());
        assertThatThrownBy(() -> OnnxExport.toBytes(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exporting a table model's preprocessing to ONNX is not built yet");
    }
}
