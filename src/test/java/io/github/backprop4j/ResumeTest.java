package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.CosineDecay;
import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.Monitor;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingControl;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.Validation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that is checkpointed, loaded and resumed ends bit for bit where the uninterrupted run
 * ends: the independent reference is always a run that was never interrupted. The configuration
 * has everything that keeps state: Adam, shuffling, a cosine schedule, dropout, a validation
 * hold-out and early stopping with best-weight restore.
 */
class ResumeTest {

    static final Dataset IRIS = Datasets.iris();
    static final double[][] X = StandardScaler.fit(IRIS.features()).transform(IRIS.features());
    static final int[] Y = IRIS.labels();

    @TempDir
    Path dir;

    /** The configuration of every run here, with {@code epochs} as its total. */
    static TrainingConfig config(int epochs) {
        return config(epochs, 4, 0);
    }

    /** The same with another early stopping: {@code patience} epochs, improvements above {@code minDelta}. */
    static TrainingConfig config(int epochs, int patience, double minDelta) {
        return TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(epochs).batchSize(16).seed(9L)
                .schedule(new CosineDecay(10, 1e-4)).dropout(0, 0.2).validation(Validation.fraction(0.2))
                .earlyStopping(new EarlyStopping(Monitor.VALIDATION_LOSS, patience, minDelta, true)).build();
    }

    static NeuralNet network() {
        return new NeuralNet(new LinearLayer(4, 10, new ReLU(), 3L), new LinearLayer(10, 3, new Softmax(), 4L));
    }

    static Model model(NeuralNet net) {
        return Model.classifier(net, null, IRIS.featureNames(), IRIS.classNames(), new io.github.backprop4j.loss.CategoricalCrossEntropy());
    }

    @Test
    void fiveEpochsACheckpointAndFiveMoreEqualTenUninterruptedEpochs() {
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(10));

        NeuralNet first = network();
        first.fit(X, Y, config(5));
        Path file = dir.resolve("five.ckpt");
        model(first).saveCheckpoint(file);
        Checkpoint loaded = Model.loadCheckpoint(file);
        assertThat(loaded.hasTrainingRun()).isTrue();
        assertThat(loaded.epochsDone()).isEqualTo(5);
        History resumed = loaded.model().network().resume(X, Y, config(10));

        assertSameState(loaded.model().network(), reference);
        assertSameHistory(resumed, uninterrupted);
        assertThat(resumed.epochs()).as("the resumed history covers every epoch").isEqualTo(uninterrupted.epochs());
    }

    @Test
    void aCheckpointSavedByAListenerInsideAnEpochResumesExactly() {
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(8));

        NeuralNet interrupted = network();
        Path file = dir.resolve("inside.ckpt");
        TrainingListener saveAtEpoch3Batch2 = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                if (epoch == 3 && batch == 2) {
                    model(interrupted).saveCheckpoint(file);
                }
            }
        };
        interrupted.fit(X, Y, config(8), saveAtEpoch3Batch2);
        NeuralNet resumedNet = Model.loadCheckpoint(file).model().network();
        History resumed = resumedNet.resume(X, Y, config(8));

        assertSameState(resumedNet, reference);
        assertSameHistory(resumed, uninterrupted);
    }

    @Test
    void aCheckpointSavedAtAnEpochsEndResumesExactlyAndAStoppedRunStaysStopped() {
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(40, 3, 0.01));
        assertThat(uninterrupted.stopReason()).as("the configuration stops early within 40 epochs, so the"
                + " early-stopping state and the best weights are exercised").hasValueSatisfying(
                        r -> assertThat(r).contains("early stopping").contains("restored the weights of epoch"));

        NeuralNet interrupted = network();
        Path file = dir.resolve("epoch.ckpt");
        interrupted.fit(X, Y, config(40, 3, 0.01), new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
                if (metrics.epoch() == uninterrupted.epochs() - 2) {
                    model(interrupted).saveCheckpoint(file);
                }
            }
        });
        NeuralNet resumedNet = Model.loadCheckpoint(file).model().network();
        History resumed = resumedNet.resume(X, Y, config(40, 3, 0.01));
        assertSameState(resumedNet, reference);
        assertSameHistory(resumed, uninterrupted);

        // resuming a run that stopped early changes nothing
        History again = resumedNet.resume(X, Y, config(40, 3, 0.01));
        assertSameState(resumedNet, reference);
        assertSameHistory(again, uninterrupted);
    }

    @Test
    void aRunThatRestoredItsBestWeightsContinuesFromWhereItWasNotFromTheBest() {
        // find a total at which the run ends by restoring older weights (not by stopping early)
        int total = 0;
        for (int epochs = 2; epochs <= 12 && total == 0; epochs++) {
            History h = network().fit(X, Y, config(epochs, 100, 0.01));
            if (h.stopReason().map(r -> r.startsWith("restored")).orElse(false)) {
                total = epochs;
            }
        }
        assertThat(total).as("some total between 2 and 12 ends with a restore").isPositive();
        int grown = total + 3;
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(grown, 100, 0.01));

        NeuralNet first = network();
        first.fit(X, Y, config(total, 100, 0.01));
        Path file = dir.resolve("restored.ckpt");
        model(first).saveCheckpoint(file);
        NeuralNet loaded = Model.loadCheckpoint(file).model().network();
        assertThat(loaded.layers().get(0).weights()).as("the model in the file holds the restored weights")
                .isDeepEqualTo(first.layers().get(0).weights());
        History resumed = loaded.resume(X, Y, config(grown, 100, 0.01));
        assertSameState(loaded, reference);
        assertSameHistory(resumed, uninterrupted);
    }

    @Test
    void resumingInAnotherJvmEqualsTheUninterruptedRun() throws Exception {
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(10));
        NeuralNet first = network();
        first.fit(X, Y, config(5));
        Path in = dir.resolve("five.ckpt");
        Path out = dir.resolve("ten.ckpt");
        model(first).saveCheckpoint(in);

        Process child = new ProcessBuilder(javaCommand(), "-cp", classPath(), ResumeInAnotherJvm.class.getName(),
                in.toString(), out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        Checkpoint ten = Model.loadCheckpoint(out);
        assertThat(ten.epochsDone()).isEqualTo(10);
        assertSameState(ten.model().network(), reference);
        // the history the other JVM saw, as its checkpoint recorded it
        History fromFile = ten.model().network().resume(X, Y, config(10));
        assertSameHistory(fromFile, uninterrupted);
    }

    @Test
    void resumingWithAnotherSettingOrOtherRowsIsRefusedByName() {
        NeuralNet net = network();
        net.fit(X, Y, config(3));
        assertThatThrownBy(() -> net.resume(X, Y, config(6).toBuilder().batchSize(32).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its setting batchSize was 16 when it started but is 32 now");
        assertThatThrownBy(() -> net.resume(X, Y, config(6).toBuilder().optimizer(new Adam(0.02)).build()))
                .hasMessageContaining("its setting optimizer was Adam[learningRate=0.01");
        assertThatThrownBy(() -> net.resume(X, Y, config(6).toBuilder().seed(10L).build()))
                .hasMessageContaining("its setting seed was 9 when it started but is 10 now");
        assertThatThrownBy(() -> net.resume(X, Y, config(2)))
                .hasMessageContaining("it has done 3 epochs, more than the epoch total 2; the total may only grow");
        double[][] fewer = java.util.Arrays.copyOf(X, 149);
        assertThatThrownBy(() -> net.resume(fewer, java.util.Arrays.copyOf(Y, 149), config(6)))
                .hasMessageContaining("it started on 150 rows, these are 149");
        double[][] changed = io.github.backprop4j.math.Matrices.copy(X);
        changed[17][2] += 1e-9;
        assertThatThrownBy(() -> net.resume(changed, Y, config(6)))
                .hasMessageContaining("these 150 rows differ from the ones it started on");
        // the thread count may differ: results do not depend on it
        History more = net.resume(X, Y, config(6).toBuilder().threads(1).build());
        assertThat(more.epochs()).isLessThanOrEqualTo(6);
    }

    @Test
    void aNetworkWithoutARunCannotResume() {
        assertThatThrownBy(() -> network().resume(X, Y, config(3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this network has no training run to resume")
                .hasMessageContaining("checkpoints of format version 1 hold no training position");
        assertThatThrownBy(() -> model(network()).saveCheckpoint(dir.resolve("x.ckpt")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the network has no training run to save");
    }

    @Test
    void aCheckpointOfFormatVersion1LoadsWithItsStateButNoPosition() throws IOException {
        Checkpoint old;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v1.ckpt")) {
            old = Model.loadCheckpoint(in, "golden-v1.ckpt");
        }
        // written by the library before format version 2 (Adam(0.01), 3 epochs of 10 batches)
        assertThat(old.optimizer()).isEqualTo(new Adam(0.01));
        assertThat(old.hasTrainingRun()).isFalse();
        assertThat(old.epochsDone()).isZero();
        assertThat(old.model().network().layers().get(0).weightParameter().state().steps()).isEqualTo(30);
        double[] p = old.model().predictProbabilities(new double[] {5.1, 3.5, 1.4, 0.2});
        assertThat(p[0]).isCloseTo(0.7974428023788769, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p[1]).isCloseTo(0.1459135480493381, org.assertj.core.api.Assertions.within(1e-12));
        double[][] x = old.model().scaler().get().transform(IRIS.features());
        assertThatThrownBy(() -> old.model().network().resume(x, Y, config(4)))
                .hasMessageContaining("checkpoints of format version 1 hold no training position");
        // fit starts a new run from epoch 1 and keeps the optimizer state
        old.model().network().fit(x, Y, TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(1).batchSize(16)
                .noValidation().noEarlyStopping().build());
        assertThat(old.model().network().layers().get(0).weightParameter().state().steps()).isEqualTo(40);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"golden-v2.ckpt", "golden-v3.ckpt", "golden-v4.ckpt"})
    void theGoldenCheckpointsResumeToTheUninterruptedRun(String name) throws IOException {
        Checkpoint golden;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/" + name)) {
            golden = Model.loadCheckpoint(in, name);
        }
        assertThat(golden.epochsDone()).isEqualTo(5);
        NeuralNet reference = network();
        History uninterrupted = reference.fit(X, Y, config(10));
        History resumed = golden.model().network().resume(X, Y, config(10));
        assertSameState(golden.model().network(), reference);
        assertSameHistory(resumed, uninterrupted);
    }

    @Test
    void saveCheckpointWithAnotherOptimizerThanTheRunsIsRefused() {
        NeuralNet net = network();
        net.fit(X, Y, config(2));
        assertThatThrownBy(() -> model(net).saveCheckpoint(dir.resolve("x.ckpt"), new Sgd(0.1)))
                .hasMessageContaining("the network's training run trains with Adam[learningRate=0.01");
    }

    /** A model trained by Model.train resumes with the very config it was trained with. */
    @Test
    void aModelTrainedByModelTrainResumesWithItsOwnConfig() {
        NeuralNet reference = network();
        Model uninterrupted = Model.train(IRIS, reference, config(8));
        NeuralNet first = network();
        Model model = Model.train(IRIS, first, config(4));
        Path file = dir.resolve("model-train.ckpt");
        model.saveCheckpoint(file);
        Checkpoint loaded = Model.loadCheckpoint(file);
        double[][] x = loaded.model().scaler().get().transform(IRIS.features());
        History resumed = loaded.model().network().resume(x, IRIS.labels(), config(8));
        assertSameState(loaded.model().network(), reference);
        assertSameHistory(resumed, uninterrupted.history().get());
    }

    /** Writes the golden checkpoint of format version 2: run once by hand when the format changes. */
    static void writeGolden(Path file) {
        NeuralNet net = network();
        net.fit(X, Y, config(5));
        model(net).saveCheckpoint(file);
    }

    /** Every parameter's values and optimizer state, bit for bit. */
    static void assertSameState(NeuralNet actual, NeuralNet expected) {
        List<Parameter> a = actual.parameters();
        List<Parameter> e = expected.parameters();
        assertThat(a).hasSameSizeAs(e);
        for (int p = 0; p < a.size(); p++) {
            assertThat(a.get(p).values()).as("parameter %d", p).isDeepEqualTo(e.get(p).values());
            OptimizerState sa = a.get(p).state();
            OptimizerState se = e.get(p).state();
            assertThat(sa.steps()).as("parameter %d steps", p).isEqualTo(se.steps());
            for (String name : se.names()) {
                assertThat(sa.buffer(name)).as("parameter %d buffer %s", p, name).isDeepEqualTo(se.buffer(name));
            }
        }
    }

    /** Every epoch's figures bit for bit (not the wall-clock time), and the stop reason. */
    static void assertSameHistory(History actual, History expected) {
        assertThat(figures(actual)).isEqualTo(figures(expected));
        assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
    }

    private static List<List<Double>> figures(History h) {
        List<List<Double>> out = new ArrayList<>();
        for (EpochMetrics m : h.epochMetrics()) {
            out.add(List.of((double) m.epoch(), m.loss(), m.accuracy(), m.validationLoss(), m.validationAccuracy(),
                    m.learningRate()));
        }
        return out;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's module and class path, as one class path for the child. */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
