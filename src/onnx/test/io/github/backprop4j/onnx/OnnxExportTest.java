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

    /** A table of numbers only, with gaps: one input [N, columns], NaN for a gap; indicators gathered beside their columns. */
    @Test
    void aTableOfNumbersWithGapsTakesOneInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Random random = new Random(12);
        StringBuilder csv = new StringBuilder("a,b,c,kind\n");
        for (int i = 0; i < 90; i++) {
            double a = random.nextGaussian();
            double b = 3 + random.nextGaussian();
            csv.append(i % 7 == 0 ? "" : String.valueOf(a)).append(',').append(i % 5 == 0 ? "NA" : String.valueOf(b))
                    .append(',').append(random.nextGaussian()).append(',').append(a + b > 3 ? "yes" : "no").append('\n');
        }
        java.nio.file.Path file = dir.resolve("n.csv");
        java.nio.file.Files.writeString(file, csv);
        io.github.backprop4j.data.Table table = new io.github.backprop4j.data.CsvLoader().withMissingValues().loadTable(file);
        for (boolean indicators : new boolean[] {true, false}) {
            io.github.backprop4j.data.PreprocessingOptions options = io.github.backprop4j.data.PreprocessingOptions.defaults()
                    .withMissingIndicators(indicators);
            int inputs = io.github.backprop4j.data.Preprocessing.inputCount(table, options);
            assertThat(inputs).isEqualTo(indicators ? 5 : 3);
            Model model = Model.train(table, null, options, new NeuralNet(new LinearLayer(inputs, 4, new ReLU(), 3L),
                    new LinearLayer(4, 2, new Softmax(), 4L)), SHORT, io.github.backprop4j.train.TrainingListener.NONE);
            double[][] x = new double[table.size()][3];
            double[][] ours = new double[table.size()][];
            for (int i = 0; i < x.length; i++) {
                java.util.Map<String, Object> row = new java.util.HashMap<>();
                for (int j = 0; j < 3; j++) {
                    String column = List.of("a", "b", "c").get(j);
                    x[i][j] = table.numbers(column)[i];
                    row.put(column, Double.isNaN(x[i][j]) ? null : x[i][j]);
                }
                java.util.Map<String, Double> byClass = model.predictProbabilities(row);
                ours[i] = model.classNames().stream().mapToDouble(byClass::get).toArray();
            }
            assertClose((double[][]) Ort.run(OnnxExport.toBytes(model), x, OnnxExport.PROBABILITIES), ours, 1e-12);
            assertClose(widened((float[][]) Ort.run(OnnxExport.toBytes(model, Precision.FLOAT32), narrowed(x),
                    OnnxExport.PROBABILITIES)), ours, 1e-5);
        }
    }

    /**
     * A model with text columns and gaps: one ONNX input per raw column (numbers [N, 1] with NaN
     * for a gap; categories [N, 1] of strings, a gap being a missing token); ONNX Runtime's
     * probabilities equal the model's for every row, gaps, a rare value grouped as (other) and an
     * unseen category among them.
     */
    @Test
    void aTableModelWithTextColumnsAndGapsGivesOnnxRuntimeTheSameProbabilities(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        Random random = new Random(8);
        String[] colours = {"red", "blue", "green"};
        StringBuilder csv = new StringBuilder("size,colour,weight,shade,kind\n");
        for (int i = 0; i < 120; i++) {
            double size = 10 * random.nextGaussian();
            String colour = i == 5 ? "pink" : i % 17 == 3 ? "" : colours[random.nextInt(3)];
            String shade = i % 11 == 0 ? "NA" : random.nextBoolean() ? "dark" : "light";
            String weight = i % 13 == 0 ? "NA" : String.valueOf(50 + 5 * random.nextGaussian());
            String kind = size > 3 ? "big" : colour.equals("red") ? "red" : "other";
            csv.append(i % 9 == 0 ? "NA" : String.valueOf(size)).append(',').append(colour).append(',').append(weight)
                    .append(',').append(shade).append(',').append(kind).append('\n');
        }
        java.nio.file.Path file = dir.resolve("t.csv");
        java.nio.file.Files.writeString(file, csv);
        io.github.backprop4j.data.Table table = new io.github.backprop4j.data.CsvLoader().withMissingValues()
                .withMinCategoryCount(2).loadTable(file);
        for (boolean indicators : new boolean[] {true, false}) {
            io.github.backprop4j.data.PreprocessingOptions options = io.github.backprop4j.data.PreprocessingOptions.defaults()
                    .withMissingIndicators(indicators).withUnknownCategories(
                            io.github.backprop4j.data.PreprocessingOptions.UnknownCategories.ALL_ZEROS);
            int inputs = io.github.backprop4j.data.Preprocessing.inputCount(table, options);
            Random init = new Random(9);
            Model model = Model.train(table, null, options, new NeuralNet(new LinearLayer(inputs, 6, new Tanh(), init),
                    new LinearLayer(6, 3, new Softmax(), init)), SHORT, io.github.backprop4j.train.TrainingListener.NONE);
            assertThat(model.preprocessing().orElseThrow().inputNames()).contains("colour=(other)", "colour=(missing)");
            int n = table.size() + 1;
            double[][] size = new double[n][1];
            double[][] weight = new double[n][1];
            String[][] colour = new String[n][1];
            String[][] shade = new String[n][1];
            double[][] ours = new double[n][];
            for (int i = 0; i < n; i++) {
                java.util.Map<String, Object> row = new java.util.HashMap<>();
                if (i < table.size()) {
                    size[i][0] = table.numbers("size")[i];
                    weight[i][0] = table.numbers("weight")[i];
                    colour[i][0] = table.categories("colour")[i];
                    shade[i][0] = table.categories("shade")[i];
                } else {    // a row of categories never seen, and no gap
                    size[i][0] = 1;
                    weight[i][0] = 2;
                    colour[i][0] = "violet";
                    shade[i][0] = "mid";
                }
                row.put("size", Double.isNaN(size[i][0]) ? null : size[i][0]);
                row.put("weight", Double.isNaN(weight[i][0]) ? null : weight[i][0]);
                row.put("colour", colour[i][0]);
                row.put("shade", shade[i][0]);
                java.util.Map<String, Double> byClass = model.predictProbabilities(row);
                ours[i] = model.classNames().stream().mapToDouble(byClass::get).toArray();
                colour[i][0] = colour[i][0] == null ? "" : colour[i][0];      // a gap: a missing token
                shade[i][0] = shade[i][0] == null ? "NA" : shade[i][0];
            }
            for (Precision precision : Precision.values()) {
                boolean f32 = precision == Precision.FLOAT32;
                byte[] onnx = OnnxExport.toBytes(model, precision);
                ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
                try (ai.onnxruntime.OrtSession session = env.createSession(onnx, new ai.onnxruntime.OrtSession.SessionOptions());
                     ai.onnxruntime.OnnxTensor s = ai.onnxruntime.OnnxTensor.createTensor(env, f32 ? narrowed(size) : size);
                     ai.onnxruntime.OnnxTensor w = ai.onnxruntime.OnnxTensor.createTensor(env, f32 ? narrowed(weight) : weight);
                     ai.onnxruntime.OnnxTensor c = ai.onnxruntime.OnnxTensor.createTensor(env, colour);
                     ai.onnxruntime.OnnxTensor h = ai.onnxruntime.OnnxTensor.createTensor(env, shade);
                     ai.onnxruntime.OrtSession.Result r = session.run(java.util.Map.of("size", s, "weight", w, "colour", c,
                             "shade", h))) {
                    Object p = r.get(OnnxExport.PROBABILITIES).orElseThrow().getValue();
                    assertClose(f32 ? widened((float[][]) p) : (double[][]) p, ours, f32 ? 1e-5 : 1e-12);
                } catch (ai.onnxruntime.OrtException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
