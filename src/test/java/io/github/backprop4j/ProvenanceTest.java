package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.io.PartRegistry;
import io.github.backprop4j.io.Provenance;
import io.github.backprop4j.optim.Momentum;
import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.LearningRateSchedule;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a model file says of where its model came from, checked against the run that made it. */
class ProvenanceTest {

    @TempDir
    Path dir;

    private static final PartRegistry WITH_SWISH = PartRegistry.defaults()
            .withActivation(Swish.class, s -> new Swish(s.get("beta")));

    /** A schedule of the user's own: halves the rate every ten epochs. */
    static final class Halving implements LearningRateSchedule {
        @Override
        public double learningRate(int epoch, double baseRate, List<EpochMetrics> finished) {
            return baseRate * Math.pow(0.5, (epoch - 1) / 10);
        }
    }

    /** A listener of the user's own, which does nothing. */
    static final class Quiet implements TrainingListener {
    }

    /** The version in the project's pom.xml: what the JAR is built as. */
    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>backprop4j</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static NeuralNet irisNet(long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(4, 6, new Swish(1.5), init), new LinearLayer(6, 3, new Softmax(), init));
    }

    @Test
    void aTrainedModelRecordsVersionConfigurationEpochsRowsAndSchema() throws Exception {
        TrainingConfig config = TrainingConfig.builder().epochs(30).batchSize(16).noEarlyStopping().seed(2)
                .validation(Validation.fraction(0.2)).schedule(new Halving()).build();
        Model model = Model.train(Datasets.iris(), irisNet(2), config, new Quiet());
        Provenance p = model.provenance().orElseThrow();
        assertThat(p.libraryVersion()).isEqualTo(pomVersion());
        assertThat(p.config()).containsEntry("epochs", "30").containsEntry("batchSize", "16").containsEntry("seed", "2")
                .containsEntry("schedule", Halving.class.getName()).containsEntry("listener", Quiet.class.getName())
                .containsEntry("earlyStopping", "none").containsKey("optimizer").containsKey("threads");
        assertThat(p.config().get("optimizer")).startsWith("Adam[");
        assertThat(p.epochs()).isEqualTo(30);
        assertThat(p.stopReason()).isEqualTo("ran the configured 30 epochs");
        assertThat(p.rows()).as("150 rows, 10 of each species held out").isEqualTo(120);
        // the documented text, written out here by hand
        assertThat(p.schemaHash()).isEqualTo(sha256("classifier\nnumber \"sepal_length\"\nnumber \"sepal_width\"\n"
                + "number \"petal_length\"\nnumber \"petal_width\"\noutput \"setosa\"\noutput \"versicolor\"\n"
                + "output \"virginica\"\n"));
    }

    @Test
    void anEarlyStopIsRecordedWithTheHistorysReason() {
        Model model = Model.train(Datasets.iris(), irisNet(4), TrainingConfig.builder().epochs(2000).seed(4)
                .earlyStopping(EarlyStopping.onValidationLoss(3)).build());
        History history = model.history().orElseThrow();
        assertThat(history.stopReason()).as("this run stops early").isPresent();
        Provenance p = model.provenance().orElseThrow();
        assertThat(p.stopReason()).isEqualTo(history.stopReason().get());
        assertThat(p.epochs()).isEqualTo(history.epochs()).isLessThan(2000);
        assertThat(p.config()).containsEntry("listener", "none");
    }

    @Test
    void aTablesSchemaNamesItsColumnsOfCategories() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "size,colour,price\n1,red,10\n2,blue,20\n3,red,30\n4,blue,40\n5,red,50\n6,blue,60\n");
        Table table = new CsvLoader().withTargetColumns("price").loadTable(csv);
        assertThat(Provenance.schemaHash(table)).isEqualTo(sha256("regressor\nnumber \"size\"\ncategory \"colour\"\n"
                + "output \"price\"\n"));
        Dataset numbers = Datasets.iris();
        assertThat(Provenance.schemaHash(numbers)).isNotEqualTo(Provenance.schemaHash(table));
    }

    @Test
    void saveAndLoadKeepItAndAModelOfThisFormatReSavesByteForByte() throws IOException {
        Model model = Model.train(Datasets.iris(), irisNet(5), TrainingConfig.builder().epochs(10).seed(5)
                .optimizer(new Momentum(0.05, 0.9, true)).build());
        Path first = dir.resolve("first.ckpt");
        model.saveCheckpoint(first);
        Checkpoint loaded = Model.loadCheckpoint(first, WITH_SWISH);
        assertThat(loaded.model().provenance()).isEqualTo(model.provenance()).isPresent();
        Path second = dir.resolve("second.ckpt");
        loaded.model().saveCheckpoint(second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        Path plain = dir.resolve("plain.model");
        model.save(plain);
        Path again = dir.resolve("again.model");
        Model.load(plain, WITH_SWISH).save(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(plain));
    }

    @Test
    void anOlderFileHasNoneAndIsRewrittenInTheCurrentFormat() throws IOException {
        Model old;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v5-regression.model")) {
            old = Model.load(in, "golden-v5-regression.model");
        }
        assertThat(old.provenance()).isEmpty();
        Path file = dir.resolve("rewritten.model");
        old.save(file);
        assertThat(Files.readString(file)).startsWith("backprop4j-model 6\n").contains("\nprovenance none\n");
        Model back = Model.load(file);
        double[] row = {11.5, -0.5};
        assertThat(back.predictValues(row)).isEqualTo(old.predictValues(row));
    }

    /** Writes the golden checkpoint of format version 6: run once by hand when the format changes. */
    static void writeGolden(Path file) {
        Model.train(Datasets.iris(), irisNet(6), TrainingConfig.builder().epochs(12).seed(6).noEarlyStopping()
                .optimizer(new Momentum(0.05, 0.9, true)).build()).saveCheckpoint(file);
    }

    /**
     * The format-6 golden file loads with the registry that knows its Swish layer, says what it was
     * trained with, and saves again to the very same bytes; without that registry it names Swish.
     */
    @Test
    void theVersionSixGoldenCheckpointLoadsAndReSavesToTheSameBytes() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v6.ckpt")) {
            golden = in.readAllBytes();
        }
        Checkpoint c = Model.loadCheckpoint(new java.io.ByteArrayInputStream(golden), "golden-v6.ckpt", WITH_SWISH);
        assertThat(c.optimizer()).isEqualTo(new Momentum(0.05, 0.9, true));
        assertThat(c.model().network().layers().get(0).activation().settings()).containsEntry("beta", 1.5);
        Provenance p = c.model().provenance().orElseThrow();
        assertThat(p.libraryVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(p.epochs()).isEqualTo(12);
        assertThat(p.rows()).isEqualTo(135);
        assertThat(p.config()).containsEntry("optimizer", "Momentum[learningRate=0.05, momentum=0.9, nesterov=true]");
        assertThat(p.schemaHash()).isEqualTo(Provenance.schemaHash(Datasets.iris()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        c.model().saveCheckpoint(out);
        assertThat(out.toByteArray()).isEqualTo(golden);
        assertThatThrownBy(() -> Model.loadCheckpoint(new java.io.ByteArrayInputStream(golden), "golden-v6.ckpt"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("unknown activation 'Swish'");
    }
}
