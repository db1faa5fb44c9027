package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.TrainingConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    @TempDir
    Path dir;

    private static final Dataset IRIS = Datasets.iris();
    private static final TrainTestSplit SPLIT = Splits.stratified(IRIS, 0.25, 3L);

    private static Model irisModel() {
        Random init = new Random(4);
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), init), new LinearLayer(8, 3, new Softmax(), init));
        return Model.train(SPLIT.train(), net, TrainingConfig.builder().seed(4).epochs(300).build());
    }

    private static byte[] bytes(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }

    @Test
    void aSavedModelLoadsBackAndPredictsBitIdentically() throws IOException {
        Model model = irisModel();
        Path file = dir.resolve("iris.model");
        model.save(file);
        Model loaded = Model.load(file);

        double[][] test = SPLIT.test().features();
        assertThat(loaded.predict(test)).containsExactly(model.predict(test));
        double[][] p = model.predictValues(test);
        double[][] q = loaded.predictValues(test);
        for (int i = 0; i < test.length; i++) {
            assertThat(q[i]).containsExactly(p[i]);
            assertThat(loaded.predictProbabilities(test[i])).containsExactly(model.predictProbabilities(test[i]));
        }
        assertThat(loaded.featureNames()).isEqualTo(IRIS.featureNames());
        assertThat(loaded.classNames()).isEqualTo(IRIS.classNames());
        assertThat(loaded.loss()).isEqualTo(model.loss());
        // saving the loaded model again gives the same bytes
        assertThat(bytes(loaded)).isEqualTo(bytes(model));
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void itPredictsAClassNameForARowOfRawFeatures() {
        Model model = irisModel();
        assertThat(model.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2})).isEqualTo("setosa");
        assertThat(model.predictClassName(new double[] {6.7, 3.0, 5.2, 2.3})).isEqualTo("virginica");
        assertThatThrownBy(() -> model.predict(new double[] {1, 2, 3}))
                .hasMessage("the row has 3 values but the model has 4 features [sepal_length, sepal_width, petal_length, petal_width]");
    }

    /** A model file written by format version 1 keeps loading, with the same predictions. */
    @Test
    void theVersionOneGoldenFileLoadsWithItsPredictions() throws IOException {
        Model golden;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v1.model")) {
            golden = Model.load(in, "golden-v1.model");
        }
        // the weights load exactly; the products' kernels may add in another order in later versions, so the
        // probabilities written when the file was made are matched to 1e-12
        assertClose(golden.predictProbabilities(new double[] {5.1, 3.5, 1.4, 0.2}),
                0.9170429661322296, 0.07518848534992535, 0.007768548517845079);
        assertClose(golden.predictProbabilities(new double[] {6.0, 2.7, 5.1, 1.6}),
                0.03578092227502296, 0.48157909428575096, 0.48263998343922615);
        assertClose(golden.predictProbabilities(new double[] {6.7, 3.0, 5.2, 2.3}),
                0.01248859853346673, 0.17853373789196422, 0.808977663574569);
        assertThat(golden.predictClassName(new double[] {6.0, 2.7, 5.1, 1.6})).isEqualTo("virginica");
        assertThat(golden.network().layers().get(0).weights()[0][0]).isEqualTo(0.43307352588543402);
        assertThat(golden.predictClassName(new double[] {5.9, 3.0, 4.2, 1.5})).isEqualTo("versicolor");
        assertThat(golden.network().toString()).startsWith("NeuralNet: Dense(4->5, Tanh) -> Dense(5->3, Softmax)");
    }

    private static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).isCloseTo(expected[k], org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    /** One row or a batch: the same kernels, the same bits. */
    @Test
    void singleRowAndBatchPredictionsAreBitIdentical() {
        Model model = irisModel();
        double[][] test = SPLIT.test().features();
        double[][] batch = model.predictValues(test);
        for (int i = 0; i < test.length; i++) {
            assertThat(model.predictValues(test[i])).containsExactly(batch[i]);
        }
    }

    /** 8 threads × 1,000 rows, started together and repeated, give exactly the sequential results. */
    @Test
    void predictionFromManyThreadsIsBitIdenticalToSequential() throws Exception {
        Model model = irisModel();
        Random random = new Random(9);
        double[][] rows = new double[1000][4];
        for (double[] row : rows) {
            for (int j = 0; j < 4; j++) {
                row[j] = 4 + 3 * random.nextDouble();
            }
        }
        double[][] before = new double[1000][];
        double[][] sequential = new double[1000][];
        for (int i = 0; i < rows.length; i++) {
            before[i] = rows[i].clone();
            sequential[i] = model.predictValues(rows[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int repeat = 0; repeat < 3; repeat++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<double[][]>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        double[][] out = new double[rows.length][];
                        for (int i = 0; i < rows.length; i++) {
                            out[i] = model.predictValues(rows[i]);
                        }
                        return out;
                    }));
                }
                start.countDown();
                for (Future<double[][]> f : results) {
                    double[][] out = f.get();
                    for (int i = 0; i < rows.length; i++) {
                        assertThat(out[i]).containsExactly(sequential[i]);
                        assertThat(out[i]).isNotSameAs(sequential[i]);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows).isDeepEqualTo(before);
    }

    /** Training resumed from a checkpoint continues exactly as training that never stopped. */
    @Test
    void aCheckpointCarriesTheOptimizerStateIntoTheNextFit() {
        Model model = irisModel();
        double[][] x = model.scaler().get().transform(SPLIT.train().features());
        int[] y = SPLIT.train().labels();
        TrainingConfig more = TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(5).seed(8).noValidation()
                .noEarlyStopping().build();
        model.network().fit(x, y, more);
        Path file = dir.resolve("run.ckpt");
        model.saveCheckpoint(file, new Adam(0.01));
        Checkpoint checkpoint = Model.loadCheckpoint(file);
        assertThat(checkpoint.optimizer()).isEqualTo(new Adam(0.01));
        assertThat(checkpoint.model().network().layers().get(0).weightParameter().state().steps())
                .isEqualTo(model.network().layers().get(0).weightParameter().state().steps());

        model.network().fit(x, y, more);
        checkpoint.model().network().fit(x, y, more.toBuilder().optimizer(checkpoint.optimizer()).build());
        for (int l = 0; l < 2; l++) {
            assertThat(checkpoint.model().network().layers().get(l).weights()).isDeepEqualTo(model.network().layers().get(l).weights());
        }
        assertThatThrownBy(() -> {
            model.save(dir.resolve("plain.model"));
            Model.loadCheckpoint(dir.resolve("plain.model"));
        }).hasMessageContaining("is a model without optimizer state, not a checkpoint");
    }

    @Test
    void aCheckpointOfPlainSgdWhoseStateHasNoBuffersLoads() {
        Model model = irisModel();
        double[][] x = model.scaler().get().transform(SPLIT.train().features());
        model.network().fit(x, SPLIT.train().labels(), TrainingConfig.sgd(0.1, 2, 16, 1L));
        Path file = dir.resolve("sgd.ckpt");
        model.saveCheckpoint(file, new Sgd(0.1));
        Checkpoint read = Model.loadCheckpoint(file);
        assertThat(read.optimizer()).isEqualTo(new Sgd(0.1));
        assertThat(read.model().network().layers().get(0).weightParameter().state().names()).isEmpty();
        assertThat(read.model().network().layers().get(0).weightParameter().state().steps())
                .isEqualTo(model.network().layers().get(0).weightParameter().state().steps()).isPositive();
    }

    @Test
    void aCheckpointGoesThroughStreamsAsThroughFiles() throws IOException {
        Model model = irisModel();
        double[][] x = model.scaler().get().transform(SPLIT.train().features());
        model.network().fit(x, SPLIT.train().labels(), TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(2)
                .noValidation().noEarlyStopping().build());
        Path file = dir.resolve("file.ckpt");
        model.saveCheckpoint(file, new Adam(0.01));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        model.saveCheckpoint(out, new Adam(0.01));
        assertThat(out.toByteArray()).isEqualTo(java.nio.file.Files.readAllBytes(file));
        Checkpoint read = Model.loadCheckpoint(new java.io.ByteArrayInputStream(out.toByteArray()), "memory");
        assertThat(read.optimizer()).isEqualTo(new Adam(0.01));
        assertThat(read.model().network().layers().get(1).biasParameter().state().buffer("v"))
                .isDeepEqualTo(model.network().layers().get(1).biasParameter().state().buffer("v"));
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        model.save(plain);
        assertThatThrownBy(() -> Model.loadCheckpoint(new java.io.ByteArrayInputStream(plain.toByteArray()), "plain bytes"))
                .hasMessage("plain bytes is a model without optimizer state, not a checkpoint");
    }

    @Test
    void dataForAModelIsNumberedByTheModelsClasses() throws IOException {
        Model model = irisModel();
        // only virginica rows: on its own the file would number virginica 0
        Path file = Files.writeString(dir.resolve("new.csv"),
                "petal_width,sepal_length,sepal_width,petal_length,species\n2.3,6.7,3.0,5.2,virginica\n1.8,6.3,2.9,5.6,virginica\n");
        Dataset data = model.loadCsv(file, "species");
        assertThat(data.labels()).containsExactly(2, 2);
        assertThat(data.featureNames()).isEqualTo(model.featureNames());
        assertThat(model.predict(data.features())).containsExactly(2, 2);
        Path unseen = Files.writeString(dir.resolve("unseen.csv"),
                "sepal_length,sepal_width,petal_length,petal_width,species\n5,3,1,0.2,daisy\n");
        assertThatThrownBy(() -> model.loadCsv(unseen, "species"))
                .hasMessage("unseen.csv line 2, column 'species': label 'daisy' is not one of the known classes"
                        + " [setosa, versicolor, virginica]");
    }

    @Test
    void aRegressionModelRoundTrips() {
        double[][] x = new double[100][2];
        double[][] y = new double[100][1];
        Random random = new Random(2);
        for (int i = 0; i < 100; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian() * 10;
            y[i][0] = x[i][0] + x[i][1] / 10;
        }
        Dataset data = Dataset.regression(x, y, List.of("a", "b"), List.of("y"));
        Model model = Model.train(data, new NeuralNet(new LinearLayer(2, 4, new Tanh(), 1L), new LinearLayer(4, 1, new Identity(), 2L)),
                TrainingConfig.builder().epochs(20).build());
        Model loaded = Model.load(new ByteArrayInputStream(bytes(model)), "memory");
        assertThat(loaded.isRegression()).isTrue();
        assertThat(loaded.targetNames()).containsExactly("y");
        assertThat(loaded.predictValues(x[0])).containsExactly(model.predictValues(x[0]));
        assertThatThrownBy(() -> loaded.predict(x[0])).hasMessage("this model predicts the targets [y]; use predictValues");
    }

    @Test
    void aPartWithoutAClassNameCannotBeSaved() {
        io.github.backprop4j.activation.Activation custom = new io.github.backprop4j.activation.Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return z;
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                return outputGradient;
            }

            @Override
            public String toString() {
                return "Custom";
            }
        };
        Model model = Model.regressor(new NeuralNet(new LinearLayer(1, 1, custom, 1L)), null, List.of("x"), List.of("y"),
                new io.github.backprop4j.loss.MeanSquaredError());
        assertThatThrownBy(() -> model.save(dir.resolve("custom.model")))
                .hasMessage("layer 0's activation io.github.backprop4j.ModelTest$1 has no class name to save it by (an"
                        + " anonymous or hidden class); give it a named class and register it in a PartRegistry to load it");
        assertThat(ModelFormatException.class).isAssignableTo(IllegalArgumentException.class);
    }
}
