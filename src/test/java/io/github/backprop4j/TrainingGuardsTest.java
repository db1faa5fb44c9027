package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.Task;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingControl;
import io.github.backprop4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guards of training: one writer at a time, predictions that see whole steps, non-finite
 * numbers that never pass, runaway losses caught, refusals before anything changes, the task
 * recorded, interrupts and listener errors.
 */
class TrainingGuardsTest {

    static final Dataset IRIS = Datasets.iris();
    static final double[][] X = StandardScaler.fit(IRIS.features()).transform(IRIS.features());
    static final int[] Y = IRIS.labels();

    static NeuralNet irisNet(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(4, 10, new ReLU(), init), new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
    }

    static TrainingConfig sgd(double rate, int epochs) {
        return Configs.plain(new Sgd(rate), epochs, 16, 3L);
    }

    /** Every parameter's values and optimizer state, copied. */
    static List<double[][]> state(NeuralNet net) {
        List<double[][]> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(Matrices.copy(p.values()));
            OptimizerState s = p.state();
            if (s != null) {
                out.add(new double[][] {{s.steps()}});
                for (String name : s.names()) {
                    out.add(Matrices.copy(s.buffer(name)));
                }
            }
        }
        return out;
    }

    static void assertSameState(List<double[][]> actual, List<double[][]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("array %d", i).isDeepEqualTo(expected.get(i));
        }
    }

    // 1. One writer at a time -------------------------------------------------------------------

    /** A second thread's fit, gradients, applyGradients, backward or reset is refused at once; the first fit ends as if alone. */
    @Test
    void aSecondWriterIsRefusedAndTheFirstRunEndsAsIfAlone() throws Exception {
        NeuralNet net = irisNet(1L);
        // the same layer object, in another network
        NeuralNet sharing = new NeuralNet(net.layers().get(0), new LinearLayer(10, 2, new Softmax(), 9L));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        TrainingListener pause = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                if (epoch == 2 && batch == 1) {
                    inside.countDown();
                    await(tried);
                }
            }
        };
        AtomicReference<History> first = new AtomicReference<>();
        Thread trainer = new Thread(() -> first.set(net.fit(X, Y, sgd(0.05, 4), pause)), "first-trainer");
        trainer.start();
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        List<Runnable> writers = List.of(
                () -> net.fit(X, Y, sgd(0.05, 1)),
                () -> net.resume(X, Y, sgd(0.05, 4)),
                () -> net.gradients(X, Y, new CategoricalCrossEntropy()),
                () -> net.applyGradients(Gradients.of(0, 1, weightsOf(net), biasesOf(net)), new Sgd(0.1)),
                () -> net.resetOptimizerState(),
                () -> net.layers().get(1).forward(new double[][] {new double[10]}),
                () -> net.layers().get(2).resetOptimizerState(),
                () -> sharing.fit(new double[][] {X[0], X[1]}, new int[] {0, 1},
                        TrainingConfig.builder().noValidation().noEarlyStopping().epochs(1).build()));
        try {
            for (Runnable w : writers) {
                assertThatThrownBy(w::run).isInstanceOf(ConcurrentModificationException.class)
                        .hasMessageContaining("refused: thread 'first-trainer' is training or changing it now, and"
                                + " concurrent training is not supported");
            }
        } finally {
            tried.countDown();
        }
        trainer.join(30_000);
        NeuralNet alone = irisNet(1L);
        History reference = alone.fit(X, Y, sgd(0.05, 4));
        assertSameState(state(net), state(alone));
        assertThat(first.get().losses()).containsExactly(reference.losses());
    }

    private static List<double[][]> weightsOf(NeuralNet net) {
        return net.layers().stream().map(l -> new double[l.inputs()][l.outputs()]).toList();
    }

    private static List<double[]> biasesOf(NeuralNet net) {
        return net.layers().stream().map(l -> new double[l.outputs()]).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // 2. Consistent reads -----------------------------------------------------------------------

    /**
     * Four threads predict while one trains: every answer is the answer of some state between two
     * steps (the states are recorded after each published step), never of half a step.
     */
    @Test
    void predictionsDuringTrainingSeeOnlyWholeSteps() throws Exception {
        NeuralNet net = irisNet(2L);
        double[][] probes = {X[0], X[55], X[120], X[77]};
        List<List<double[][]>> states = new ArrayList<>();
        states.add(values(net));
        TrainingListener record = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                states.add(values(net));
            }
        };
        List<double[]> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int which = t;
            Thread r = new Thread(() -> {
                while (!done.get()) {
                    double[] row = probes[which];
                    double[] a = which % 2 == 0 ? net.predictValues(row) : net.predictValues(new double[][] {row}, 1)[0];
                    answers.add(concat(which, a));
                }
            });
            readers.add(r);
            r.start();
        }
        net.fit(X, Y, Configs.plain(new Adam(0.02), 30, 8, 5L), record);
        done.set(true);
        for (Thread r : readers) {
            r.join(30_000);
        }
        // the answers of every recorded state, as a set of exact bit patterns
        java.util.Set<String> possible = new java.util.HashSet<>();
        NeuralNet replay = irisNet(2L);
        for (List<double[][]> s : states) {
            load(replay, s);
            for (int which = 0; which < probes.length; which++) {
                possible.add(java.util.Arrays.toString(concat(which, replay.predictValues(probes[which]))));
            }
        }
        assertThat(answers).hasSizeGreaterThan(100);
        int mixed = 0;
        for (double[] a : answers) {
            mixed += possible.contains(java.util.Arrays.toString(a)) ? 0 : 1;
        }
        assertThat(mixed).as("answers of no state between two steps, of %d", answers.size()).isZero();
    }

    private static double[] concat(int which, double[] a) {
        double[] out = new double[a.length + 1];
        out[0] = which;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }

    /** Every parameter's values, copied, in the parameter order. */
    private static List<double[][]> values(NeuralNet net) {
        return net.parameters().stream().map(p -> Matrices.copy(p.values())).toList();
    }

    /** Puts recorded values into a network of the same shape. */
    private static void load(NeuralNet net, List<double[][]> recorded) {
        for (int p = 0; p < recorded.size(); p++) {
            double[][] values = recorded.get(p);
            for (int i = 0; i < values.length; i++) {
                System.arraycopy(values[i], 0, net.parameters().get(p).values()[i], 0, values[i].length);
            }
        }
    }

    /** An identity whose backward puts NaN at {@code dZ[0][column]}: a gradient that is not finite, with a finite loss. */
    private static Activation nanDerivativeAt(int column) {
        return new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                return Matrices.copy(z);
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                double[][] g = Matrices.copy(outputGradient);
                g[0][column] = Double.NaN;
                return g;
            }
        };
    }

    // 3. Non-finite values never pass -----------------------------------------------------------

    /** A NaN weight under ReLU shows in Z: predict refuses instead of returning a class. */
    @Test
    void aNaNWeightHiddenByReluIsRefusedByPredict() {
        NeuralNet net = new NeuralNet(new LinearLayer(new double[][] {{1, 1}}, new double[] {0, 0}, new ReLU()),
                new LinearLayer(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}, new Softmax()));
        // W[0][0] = NaN makes Z NaN; ReLU's max(0, NaN) would return 0
        net.layers().get(0).weightParameter().values()[0][0] = Double.NaN;
        assertThatThrownBy(() -> net.predict(new double[] {2.0})).isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("layer 0 Dense(1->2, ReLU) pre-activation Z row 0, column 0 is NaN");
        assertThatThrownBy(() -> net.predict(new double[][] {{2.0}})).isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("layer 0 Dense(1->2, ReLU) pre-activation Z row 0, column 0 is NaN");
    }

    @Test
    void gradientsOfAndApplyGradientsRefuseNonFiniteEntries() {
        NeuralNet net = irisNet(3L);
        List<double[][]> before = state(net);
        List<double[][]> w = weightsOf(net);
        w.get(1)[2][3] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Gradients.of(0.5, 1, w, biasesOf(net)))
                .hasMessage("Gradients.of: layer 1 dW entry [2][3] is Infinity; gradients must be finite");
        // an activation whose derivative is NaN makes net.gradients return a NaN gradient
        Activation broken = nanDerivativeAt(0);
        NeuralNet odd = new NeuralNet(new LinearLayer(4, 3, broken, 1L), new LinearLayer(3, 3, new Softmax(), 2L));
        Gradients g = odd.gradients(new double[][] {X[0], X[1]}, new int[] {0, 1}, new CategoricalCrossEntropy());
        List<double[][]> oddBefore = state(odd);
        assertThatThrownBy(() -> odd.applyGradients(g, new Sgd(0.1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("applyGradients: the gradient of layer 0 dW entry [0][0] is NaN");
        assertSameState(state(odd), oddBefore);
        // a finite gradient whose update overflows changes nothing either
        List<double[][]> huge = weightsOf(net);
        huge.get(0)[0][0] = 1e308;
        assertThatThrownBy(() -> net.applyGradients(Gradients.of(0, 1, huge, biasesOf(net)), new Sgd(10)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("applyGradients: the update would make layer 0")
                .hasMessageContaining("W[0][0] is -Infinity; nothing was changed");
        assertSameState(state(net), before);
    }

    /** The step that overflows is never applied: the network holds the state after the last step that did not. */
    @ParameterizedTest(name = "learning rate {0}")
    @ValueSource(doubles = {1e300, 1e200})
    void afterDivergenceTheNetworkHoldsItsLastFiniteState(double rate) {
        NeuralNet net = irisNet(4L);
        net.fit(X, Y, sgd(0.01, 1));   // an optimizer state to keep
        double[][] big = Matrices.scale(rate == 1e300 ? 1e10 : 1, X);
        AtomicReference<List<double[][]>> lastStep = new AtomicReference<>(state(net));
        TrainingListener record = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                lastStep.set(state(net));
            }
        };
        TrainingConfig config = sgd(rate, 50).toBuilder().noDivergenceCheck().build();
        assertThatThrownBy(() -> net.fit(big, Y, config, record)).isInstanceOf(TrainingDivergedException.class)
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.history()).isPresent();
                    History h = d.history().get();
                    assertThat(h.epochs()).isEqualTo(d.epoch() - 1);
                    assertThat(h.stopReason()).hasValueSatisfying(r -> assertThat(r).startsWith("diverged: training diverged at epoch"));
                });
        assertSameState(state(net), lastStep.get());
        for (Parameter p : net.parameters()) {
            assertThat(Matrices.firstNonFinite(p.values())).isNull();
        }
    }

    // 4. Divergence with finite numbers ---------------------------------------------------------

    /** Plain SGD on standardised iris: each rate trains well above chance or throws; none returns chance in silence. */
    @ParameterizedTest(name = "learning rate {0}")
    @ValueSource(doubles = {50, 1e3, 1e6, 1e300})
    void aRunawayLossStopsTrainingOrTrainingSucceeds(double rate) {
        NeuralNet net = irisNet(5L);
        try {
            net.fit(X, Y, sgd(rate, 30));
        } catch (TrainingDivergedException e) {
            return;   // loud: the accepted outcome
        }
        for (Parameter p : net.parameters()) {
            assertThat(Matrices.firstNonFinite(p.values())).isNull();
        }
        int right = 0;
        int[] predicted = net.predict(X);
        for (int i = 0; i < Y.length; i++) {
            right += predicted[i] == Y[i] ? 1 : 0;
        }
        assertThat(right / 150.0).as("accuracy of a run that did not throw").isGreaterThan(0.8);
    }

    @Test
    void theRunawayMessageNamesTheEpochAndBothLossesAndTheCheckCanBeSwitchedOff() {
        assertThatThrownBy(() -> irisNet(5L).fit(X, Y, sgd(1e3, 30))).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("the training loss of epoch 1 is")
                .hasMessageContaining("the loss at initialisation,")
                .hasMessageContaining("so the loss ran away; turn the check off with TrainingConfig.builder().noDivergenceCheck()");
        NeuralNet unchecked = irisNet(5L);
        History h = unchecked.fit(X, Y, sgd(1e3, 3).toBuilder().noDivergenceCheck().build());
        assertThat(h.epochs()).isEqualTo(3);
    }

    // 5. Refuse before touching -----------------------------------------------------------------

    @Test
    void everyRefusalLeavesTheNetworkBitIdentical() {
        NeuralNet net = irisNet(6L);
        net.fit(X, Y, Configs.plain(new Adam(0.01), 2, 16, 1L));   // some optimizer state to keep as well
        List<double[][]> before = state(net);
        int[] twoClasses = java.util.Arrays.stream(Y).map(y -> Math.min(y, 1)).toArray();
        Dataset twoNames = new Dataset(IRIS.features(), twoClasses, IRIS.featureNames(), List.of("a", "b"));
        int[] one = new int[150];
        Dataset oneClass = new Dataset(IRIS.features(), one, IRIS.featureNames(), List.of("only"));
        List<Runnable> refused = List.of(
                () -> Model.train(twoNames, net, Configs.plain(new Adam(0.01), 2, 16, 1L)),
                () -> Model.train(oneClass, net, Configs.plain(new Adam(0.01), 2, 16, 1L)),
                () -> net.fit(X, Y, Configs.plain(new Adam(0.01), new io.github.backprop4j.loss.BinaryCrossEntropy(), 2, 16, 1L)),
                () -> net.fit(X, Y, Configs.plain(new Adam(0.01), 2, 16, 1L).toBuilder().dropout(5, 0.5).build()),
                () -> net.fit(X, Y, Configs.plain(new Adam(0.01), 2, 16, 1L).toBuilder().dropout(2, 0.5).build()));
        List<String> messages = new ArrayList<>();
        for (Runnable r : refused) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(r::run);
            assertThat(t).isInstanceOf(IllegalArgumentException.class);
            messages.add(t.getMessage());
            assertSameState(state(net), before);
        }
        assertThat(messages.get(0)).isEqualTo("2 class names for a network with 3 outputs");
        assertThat(messages.get(1)).contains("a classifier needs at least two classes");
        assertThat(messages.get(2)).contains("does not fit the last layer");
        assertThat(messages.get(3)).contains("dropout is set on layer 5");
        assertThat(messages.get(4)).contains("dropout is set on layer 2");
    }

    @Test
    void aLayerThatCannotFitInTheHeapIsRefusedWhenBuiltNamingTheBytes() {
        assertThatThrownBy(() -> new LinearLayer(100_000, 100_000, new ReLU()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a 100000x100000 layer needs 80000000000 bytes for its weights alone, more than the");
    }

    /** In a JVM of 48 MiB, a 1000x1000 layer (8 MB) is built, but training it with Adam (56 MB) is refused. */
    @Test
    void aLayerWhoseTrainingArraysCannotFitIsRefusedWhenTrainingStarts() throws Exception {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("memory", ".log");
        try {
            Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-cp", ResumeTest.classPath(), TrainInSmallHeap.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = java.nio.file.Files.readString(log);
            assertThat(child.exitValue()).as(out).isZero();
            assertThat(out).contains("layer 0 Dense(1000->1000, ReLU) needs 56000000 bytes to train with Adam")
                    .contains("unchanged true");
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    // 6. The task -------------------------------------------------------------------------------

    @Test
    void aNetworkTrainedForRegressionRefusesPredictWhateverItsLastActivation() {
        NeuralNet tanh = new NeuralNet(new LinearLayer(4, 6, new ReLU(), 1L), new LinearLayer(6, 1, new Tanh(), 2L));
        assertThat(tanh.task()).isEmpty();
        double[][] y = new double[150][1];
        for (int i = 0; i < 150; i++) {
            y[i][0] = Math.tanh(X[i][0]);
        }
        tanh.fit(X, y, Configs.plain(new Adam(0.01), new MeanSquaredError(), 3, 16, 1L));
        assertThat(tanh.task()).contains(Task.REGRESSION);
        assertThatThrownBy(() -> tanh.predict(X[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this network was trained for regression");
        // an untrained network still guesses from its last activation
        NeuralNet untrained = new NeuralNet(new LinearLayer(4, 2, new Identity(), 1L));
        assertThatThrownBy(() -> untrained.predict(X[0])).hasMessageContaining("is a regression output");
        // and the task goes through a model file
        Model model = Model.regressor(tanh, null, IRIS.featureNames(), List.of("t"), new MeanSquaredError());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        model.save(out);
        Model back = Model.load(new java.io.ByteArrayInputStream(out.toByteArray()), "t.model");
        assertThat(back.network().task()).contains(Task.REGRESSION);
        assertThatThrownBy(() -> back.network().predict(X[0])).hasMessageContaining("trained for regression");
    }

    // 7. Interrupts and listener errors ---------------------------------------------------------

    @Test
    void anInterruptStopsBetweenBatchesKeepingTheFlagTheHistoryAndTheLastStep() {
        NeuralNet net = irisNet(7L);
        AtomicReference<List<double[][]>> lastStep = new AtomicReference<>();
        TrainingListener interrupter = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                lastStep.set(state(net));
                if (epoch == 2 && batch == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            assertThatThrownBy(() -> net.fit(X, Y, sgd(0.05, 10), interrupter))
                    .isInstanceOf(TrainingInterruptedException.class)
                    .hasMessageStartingWith("training interrupted before epoch 2, batch 4")
                    .satisfies(e -> assertThat(((TrainingInterruptedException) e).history().epochs()).isEqualTo(1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertSameState(state(net), lastStep.get());
    }

    @Test
    void aListenersExceptionReachesTheCallerWithTheNetworkAfterTheLastStep() {
        NeuralNet net = irisNet(8L);
        AtomicReference<List<double[][]>> lastStep = new AtomicReference<>();
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                lastStep.set(state(net));
            }

            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
                if (metrics.epoch() == 2) {
                    throw new IllegalStateException("the listener's own failure");
                }
            }
        };
        assertThatThrownBy(() -> net.fit(X, Y, sgd(0.05, 10), failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the listener's own failure");
        assertSameState(state(net), lastStep.get());
        // and the network trains again afterwards: the failed fit released its guards
        assertThat(net.fit(X, Y, sgd(0.05, 1)).epochs()).isEqualTo(1);
    }

    // The paths around the guards: a user's optimizer, the task, prediction under a held lock.

    /** An optimizer of the user's own, updating in place: the engine copies the front into the back buffer first. */
    record InPlaceSgd(double learningRate) implements io.github.backprop4j.optim.Optimizer {
        @Override
        public void update(Parameter parameter, double[][] gradient, double learningRate) {
            double[][] theta = parameter.values();
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    theta[i][j] -= learningRate * gradient[i][j];
                }
            }
        }
    }

    @Test
    void aUsersInPlaceOptimizerTrainsExactlyAsTheBuiltInOne() {
        NeuralNet mine = irisNet(11L);
        NeuralNet builtIn = irisNet(11L);
        mine.fit(X, Y, Configs.plain(new InPlaceSgd(0.05), 3, 16, 2L));
        builtIn.fit(X, Y, Configs.plain(new Sgd(0.05), 3, 16, 2L));
        for (int p = 0; p < mine.parameters().size(); p++) {
            assertThat(mine.parameters().get(p).values()).isDeepEqualTo(builtIn.parameters().get(p).values());
        }
    }

    @Test
    void theTaskComesFromTheConfigurationOrTheLossOrWhatFitIsGiven() {
        MeanSquaredError mse = new MeanSquaredError();
        io.github.backprop4j.loss.Loss own = new io.github.backprop4j.loss.Loss() {
            @Override
            public double value(double[][] predicted, double[][] target) {
                return mse.value(predicted, target);
            }

            @Override
            public double[][] gradient(double[][] predicted, double[][] target) {
                return mse.gradient(predicted, target);
            }
        };
        NeuralNet classifierByConfig = irisNet(12L);
        classifierByConfig.fit(X, Matrices.oneHot(Y, 3), Configs.plain(new Adam(0.01), new MeanSquaredError(), 1, 16, 1L)
                .toBuilder().task(Task.CLASSIFICATION).build());
        assertThat(classifierByConfig.task()).contains(Task.CLASSIFICATION);
        assertThat(classifierByConfig.predict(X[0])).isBetween(0, 2);
        NeuralNet byCrossEntropy = irisNet(13L);
        byCrossEntropy.fit(X, Y, sgd(0.05, 1));
        assertThat(byCrossEntropy.task()).contains(Task.CLASSIFICATION);
        assertThatThrownBy(() -> Model.regressor(byCrossEntropy, null, IRIS.featureNames(), List.of("a", "b", "c"),
                new MeanSquaredError())).hasMessage("the network was trained for CLASSIFICATION, not REGRESSION");
        NeuralNet byTargets = new NeuralNet(new LinearLayer(4, 3, new Identity(), 1L));
        byTargets.fit(X, Matrices.oneHot(Y, 3), Configs.plain(new Adam(0.01), own, 1, 16, 1L));
        assertThat(byTargets.task()).contains(Task.REGRESSION);
    }

    @Test
    void theGradientStepRefusesArraysOfTheWrongShape() {
        LinearLayer layer = new LinearLayer(3, 2, new Tanh(), 1L);
        layer.forward(new double[][] {{1, 2, 3}});
        assertThatThrownBy(() -> layer.gradients(new double[][] {{1, 1}}, new double[2][2], new double[1][2]))
                .hasMessage("Dense(3->2, Tanh): the weight gradient array must be 3x2, got 2x2");
        assertThatThrownBy(() -> layer.gradients(new double[][] {{1, 1}}, new double[3][2], new double[1][3]))
                .hasMessage("Dense(3->2, Tanh): the bias gradient array must be 1x2, got 1x3");
    }

    /** While a step is being published (the write locks held), a prediction waits and then sees the whole step. */
    @Test
    void aPredictionDuringAPublishTakesTheReadLocksAndWaits() throws Exception {
        NeuralNet net = irisNet(14L);
        double[] before = net.predictValues(X[3]);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread publisher = new Thread(() -> io.github.backprop4j.internal.training.BufferedUpdate.underWriteLock(net.layers(),
                () -> {
                    locked.countDown();
                    await(release);
                }));
        publisher.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicReference<double[]> row = new AtomicReference<>();
        AtomicReference<double[][]> batch = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            row.set(net.predictValues(X[3]));
            batch.set(net.predictValues(new double[][] {X[3]}, 1));
        });
        reader.start();
        reader.join(300);
        assertThat(reader.isAlive()).as("the reader waits for the publish").isTrue();
        release.countDown();
        reader.join(30_000);
        publisher.join(30_000);
        assertThat(row.get()).containsExactly(before);
        assertThat(batch.get()[0]).containsExactly(before);
    }

    @Test
    void resumeChecksItsInputsAsFitDoes() {
        NeuralNet net = irisNet(15L);
        net.fit(X, Y, sgd(0.05, 1));
        double[][] threeColumns = new double[150][3];
        assertThatThrownBy(() -> net.resume(threeColumns, Y, sgd(0.05, 2)))
                .hasMessageContaining("features have 3 columns but layer 0");
        assertThatThrownBy(() -> net.resume(threeColumns, Matrices.oneHot(Y, 3), sgd(0.05, 2), TrainingListener.NONE))
                .hasMessageContaining("features have 3 columns but layer 0");
        assertThatThrownBy(() -> net.resume(X, new double[150][2], sgd(0.05, 2), TrainingListener.NONE))
                .hasMessageContaining("targets have 2 columns");
        assertThatThrownBy(() -> net.resume(X, new int[149], sgd(0.05, 2)))
                .hasMessageContaining("features have 150 rows but labels have 149 entries");
    }

    /** The non-finite checks name the parameter they found: layer 1's bias is parameter 3. */
    @Test
    void applyGradientsNamesTheLayerAndParameterOfANonFiniteEntry() {
        Activation broken = nanDerivativeAt(1);
        NeuralNet odd = new NeuralNet(new LinearLayer(4, 3, new Tanh(), 1L), new LinearLayer(3, 3, broken, 2L),
                new LinearLayer(3, 3, new Softmax(), 3L));
        Gradients g = odd.gradients(new double[][] {X[0], X[1]}, new int[] {0, 1}, new CategoricalCrossEntropy());
        assertThatThrownBy(() -> odd.applyGradients(g, new Sgd(0.1)))
                .hasMessageStartingWith("applyGradients: the gradient of layer 0 dW entry");
        List<double[][]> w = weightsOf(odd);
        List<double[]> b = biasesOf(odd);
        b.get(1)[2] = 1e308;
        assertThatThrownBy(() -> odd.applyGradients(Gradients.of(0, 1, w, b), new Sgd(10)))
                .hasMessageContaining("applyGradients: the update would make layer 1 Dense(3->3, ")
                .hasMessageContaining(" b[0][2] is -Infinity");
    }

    /** An activation of the user's own that overflows a finite Z is caught in A, in both prediction paths. */
    @Test
    void aNonFiniteOutputFromAFiniteZIsRefused() {
        Activation overflowing = new Activation() {
            @Override
            public double[][] forward(double[][] z) {
                double[][] a = Matrices.copy(z);
                a[0][0] = Double.POSITIVE_INFINITY;
                return a;
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                return Matrices.copy(outputGradient);
            }
        };
        NeuralNet net = new NeuralNet(new LinearLayer(4, 3, overflowing, 1L), new LinearLayer(3, 3, new Softmax(), 2L));
        assertThatThrownBy(() -> net.predictValues(X[0])).isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("layer 0 Dense(4->3, ");
        assertThatThrownBy(() -> net.predictValues(new double[][] {X[0]})).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("output row 0, column 0 is Infinity");
    }

    @Test
    void predictOfOneRowReturnsItsClass() {
        NeuralNet net = irisNet(16L);
        net.fit(X, Y, Configs.plain(new Adam(0.02), 40, 16, 1L));
        assertThat(net.predict(X[120])).isEqualTo(2);
        assertThat(net.predict(X[60])).isEqualTo(1);
    }
}
