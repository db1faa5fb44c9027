package io.github.backprop4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.NumericColumn;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Reading refuses every damaged or hostile file with a ModelFormatException that names the problem. */
class ModelFileTest {

    /** A small 2-3-2 classifier with a standard scaler and Adam state: every section of the format. */
    static ModelData small() {
        double[][] w0 = {{0.5, -0.25, 1.0}, {0.125, 2.0, -1.5}};
        double[][] w1 = {{1, -1}, {0.5, 0.25}, {-2, 3}};
        ModelData.State s0 = new ModelData.State(7, List.of("m", "v"), List.of(new double[][] {{1, 2, 3}, {4, 5, 6}},
                new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}));
        ModelData.State b0 = new ModelData.State(7, List.of("m", "v"), List.of(new double[][] {{1, 1, 1}}, new double[][] {{2, 2, 2}}));
        return new ModelData(false, new CategoricalCrossEntropy(), List.of("x \"one\"", "x\ttwo"), List.of("no", "yes"),
                new ModelData.Scaling("standard", new double[] {1, 2}, new double[] {0.5, 4}),
                List.of(new ModelData.Layer(new Tanh(), w0, new double[] {0, 0.1, -0.1}, s0, b0),
                        new ModelData.Layer(new Softmax(), w1, new double[] {0.3, -0.3}, null, null)),
                new Adam(0.01));
    }

    static byte[] bytes(ModelData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(data, out);
        return out.toByteArray();
    }

    static ModelData read(byte[] bytes) {
        return ModelFile.read(new ByteArrayInputStream(bytes), "m.model");
    }

    /** The text without its checksum line, edited by {@code from → to}, with a fresh, correct checksum. */
    static byte[] edited(String from, String to) {
        return edited(small(), from, to);
    }

    static byte[] edited(ModelData data, String from, String to) {
        String text = new String(bytes(data), StandardCharsets.UTF_8);
        String payload = text.substring(0, text.lastIndexOf("crc32 "));
        assertThat(payload).contains(from);
        String changed = payload.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        byte[] body = changed.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        return (changed + String.format(Locale.ROOT, "crc32 %08x\n", crc.getValue())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeThenReadGivesTheSameDataAndTheSameBytes() {
        byte[] first = bytes(small());
        ModelData back = read(first);
        assertThat(back.featureNames()).containsExactly("x \"one\"", "x\ttwo");
        assertThat(back.layers().get(0).weights()).isDeepEqualTo(small().layers().get(0).weights());
        assertThat(back.layers().get(0).weightState().steps()).isEqualTo(7);
        assertThat(back.layers().get(0).weightState().buffers().get(1)).isDeepEqualTo(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        assertThat(back.layers().get(1).weightState()).isNull();
        assertThat(back.optimizer()).isEqualTo(new Adam(0.01));
        assertThat(bytes(back)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("backprop4j-model 6\nmodel classifier\n")
                .contains("\nlayer 0 2 3 Tanh\nW\n0.5 -0.25 1\n").matches("(?s).*\nend\ncrc32 [0-9a-f]{8}\n");
    }

    @Test
    void aWrongMagicWordOrAnUnknownVersionIsNamed() {
        assertThatThrownBy(() -> read("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("m.model line 1: not a backprop4j model file: it should start with 'backprop4j-model 6', it starts with 'PK?? a zip'");
        assertThatThrownBy(() -> read(edited("backprop4j-model 6", "backprop4j-model 7")))
                .hasMessage("m.model line 1: format version '7' is not one this library reads (it reads versions 1 to 6)");
    }

    @Test
    void aTruncatedOrCorruptedFileIsNamed() {
        byte[] good = bytes(small());
        assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated or damaged at the end");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01;
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(ModelFormatException.class).hasMessageContaining("corrupted: the CRC32");
    }

    @Test
    void unknownNamesAreRefusedFromAClosedList() {
        assertThatThrownBy(() -> read(edited("layer 0 2 3 Tanh", "layer 0 2 3 java.lang.Runtime")))
                .hasMessageStartingWith("m.model line 17: unknown activation 'java.lang.Runtime'; known: [Identity, ReLU, Sigmoid,"
                        + " Softmax, Tanh]. A part of your own is read with a registry that knows it: Model.load(file,"
                        + " PartRegistry.defaults().withActivation(");
        assertThatThrownBy(() -> read(edited("loss CategoricalCrossEntropy", "loss Hinge")))
                .hasMessageStartingWith("m.model line 3: unknown loss 'Hinge'; known: [BinaryCrossEntropy, CategoricalCrossEntropy,"
                        + " MeanSquaredError]");
        assertThatThrownBy(() -> read(edited("optimizer Adam", "optimizer Lion")))
                .hasMessageContaining("unknown optimizer 'Lion'");
    }

    @Test
    void shapesThatContradictEachOtherAreNamed() {
        assertThatThrownBy(() -> read(edited("layer 1 3 2 Softmax", "layer 1 4 2 Softmax")))
                .hasMessage("m.model line 22: layer 1 has 4 inputs but layer 0 has 3 outputs");
        assertThatThrownBy(() -> read(edited("scaler standard 2", "scaler standard 3")))
                .hasMessage("m.model line 11: the scaler has 3 columns but the model has 2 features");
        assertThatThrownBy(() -> read(edited("outputs 2\nname \"no\"\nname \"yes\"", "outputs 3\nname \"no\"\nname \"yes\"\nname \"maybe\"")))
                .hasMessage("m.model: the model names 3 classes but its last layer has 2 outputs");
        assertThatThrownBy(() -> read(edited("0.5 -0.25 1\n", "0.5 -0.25\n")))
                .hasMessage("m.model line 19: layer 0 W row 0 has 2 numbers, expected 3");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> read(edited("0.5 -0.25 1\n", "0.5 NaN 1\n")))
                .hasMessage("m.model line 19: layer 0 W row 0 column 1: 'NaN' is not a finite decimal number");
        assertThatThrownBy(() -> read(edited("0.5 -0.25 1\n", "0.5 1e400 1\n")))
                .hasMessage("m.model line 19: layer 0 W row 0 column 1: '1e400' is too large for a double");
        assertThatThrownBy(() -> read(edited("0.5 -0.25 1\n", "0.5 Infinity 1\n")))
                .hasMessageContaining("'Infinity' is not a finite decimal number");
    }

    @Test
    void declaredSizesLargerThanTheFileAreRefusedBeforeAllocating() {
        assertThatThrownBy(() -> read(edited("layer 0 2 3 Tanh", "layer 0 2 999999999 Tanh")))
                .hasMessageStartingWith("m.model line 17: declares 1999999998 layer 0 W entries, more than the")
                .hasMessageEndingWith("characters left in the file can hold");
        assertThatThrownBy(() -> read(edited("features 2", "features 999999999")))
                .hasMessageContaining("declares 999999999 features");
        assertThatThrownBy(() -> read(edited("layers 2", "layers 2147483647")))
                .hasMessageContaining("is not a count from 1 to 999999999");
    }

    /** Cut at every byte offset: always the documented exception, never a raw one. */
    @Test
    void everyTruncationIsAModelFormatException() {
        byte[] good = bytes(small());
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> read(cut)).as("cut at %d", length).isInstanceOf(ModelFormatException.class);
        }
    }

    /** Each byte changed in turn (every bit of it flipped): always the documented exception. */
    @Test
    void everyFlippedByteIsAModelFormatException() {
        byte[] good = bytes(small());
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0xff;
            int at = i;
            assertThatThrownBy(() -> read(bad)).as("byte %d", at).isInstanceOf(ModelFormatException.class);
        }
    }

    /** {@link #small()} with a training run: format version 2's run section, every field of it present. */
    static ModelData smallWithRun() {
        ModelData d = small();
        List<double[][]> best = List.of(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[][] {{0.5, 0, -0.5}},
                new double[][] {{1, 0}, {0, 1}, {2, 2}}, new double[][] {{-1, 1}});
        ModelData.Run run = new ModelData.Run(java.util.Map.of("seed", "9", "optimizer", "Adam[learningRate=0.01]"), 150,
                -42L, 2, 3, 1.25, 7, 123456789L, new long[] {1, -2}, new long[] {3, 4}, java.util.Map.of(0, new long[] {5, 6}),
                1.5, 0.5, 1, 1, best, best, List.of(
                        new io.github.backprop4j.train.EpochMetrics(1, 0.9, 0.5, 0.8, Double.NaN, 0.01, java.time.Duration.ofMillis(3)),
                        new io.github.backprop4j.train.EpochMetrics(2, 0.7, 0.6, 0.85, Double.NaN, 0.01, java.time.Duration.ofMillis(5))),
                "early stopping at \"epoch\" 2");
        return new ModelData(d.regression(), d.loss(), d.featureNames(), d.outputNames(), d.scaler(), d.layers(),
                d.optimizer(), run);
    }

    @Test
    void aTrainingRunIsWrittenAndReadBackExactly() {
        byte[] first = bytes(smallWithRun());
        ModelData back = read(first);
        ModelData.Run r = back.run();
        assertThat(r.settings()).containsEntry("seed", "9").containsEntry("optimizer", "Adam[learningRate=0.01]");
        assertThat(r.dataHash()).isEqualTo(-42L);
        assertThat(r.shuffleAtEpochStart()).containsExactly(1, -2);
        assertThat(r.dropout().get(0)).containsExactly(5, 6);
        assertThat(r.epochs().get(1).validationAccuracy()).isNaN();
        assertThat(r.epochs().get(1).elapsed()).isEqualTo(java.time.Duration.ofMillis(5));
        assertThat(r.bestParameters().get(2)).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}, {2, 2}});
        assertThat(r.stopReason()).isEqualTo("early stopping at \"epoch\" 2");
        assertThat(bytes(back)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\nrun\nsettings 2\n")
                .contains("\nepoch 2 0.69999999999999996 0.59999999999999998 0.84999999999999998 nan 0.01 5000000\n");
    }

    @Test
    void everyTruncationAndFlippedByteOfARunIsAModelFormatException() {
        assertEveryCutAndChangedByteIsAModelFormatException(bytes(smallWithRun()));
    }

    /** Cut at every offset, then each byte changed in turn (every bit flipped): only ModelFormatException. */
    static void assertEveryCutAndChangedByteIsAModelFormatException(byte[] good) {
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> read(cut)).as("cut at %d", length).isInstanceOf(ModelFormatException.class);
        }
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0xff;
            int at = i;
            assertThatThrownBy(() -> read(bad)).as("byte %d", at).isInstanceOf(ModelFormatException.class);
        }
    }

    /**
     * Past the checksum, into the parser: every byte of the run section replaced in turn by each
     * of a few characters, with a fresh, correct checksum. The file either still reads, or is a
     * ModelFormatException; nothing else escapes.
     */
    @Test
    void everyEditOfARunSectionUnderAValidChecksumReadsOrIsAModelFormatException() {
        String text = new String(bytes(smallWithRun()), StandardCharsets.UTF_8);
        String payload = text.substring(0, text.lastIndexOf("crc32 "));
        EditsUnderAChecksum.assertEachReadsOrIsAModelFormatException(payload, payload.indexOf("\nrun\n"), payload.length() - 4,
                "x \n9-0\"n", ModelFileTest::read);
    }

    /** {@link #smallWithRun()} with a provenance: format version 6's section, every field of it present. */
    static ModelData withProvenance() {
        ModelData d = smallWithRun();
        Provenance p = new Provenance("0.1.0", java.util.Map.of("seed", "9", "listener", "com.example.Mine",
                "optimizer", "Adam[learningRate=0.01]"), 2, "early stopping at \"epoch\" 2", 150, "ab".repeat(32));
        return new ModelData(d.regression(), d.loss(), d.featureNames(), d.outputNames(), d.scaler(), d.layers(),
                d.optimizer(), d.run(), d.columns(), d.targets(), p);
    }

    @Test
    void aProvenanceIsWrittenAndReadBackExactly() {
        byte[] first = bytes(withProvenance());
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\ntargets none\nprovenance \"0.1.0\" epochs 2 rows 150"
                + " schema " + "ab".repeat(32) + "\nstop \"early stopping at \\\"epoch\\\" 2\"\nsettings 3\n"
                + "setting \"listener\" \"com.example.Mine\"\nsetting \"optimizer\" \"Adam[learningRate=0.01]\"\n"
                + "setting \"seed\" \"9\"\nlayers 2\n");
        ModelData back = read(first);
        assertThat(back.provenance()).isEqualTo(withProvenance().provenance());
        assertThat(bytes(back)).isEqualTo(first);
    }

    @Test
    void aProvenanceThatCannotBeIsNamed() {
        ModelData d = withProvenance();
        assertThatThrownBy(() -> read(edited(d, "rows 150", "rows 0")))
                .hasMessage("m.model line 15: the provenance: epochs 2 and rows 0: expected at least 0 and 1");
        assertThatThrownBy(() -> read(edited(d, "schema " + "ab".repeat(32), "schema " + "ab".repeat(31))))
                .hasMessageStartingWith("m.model line 15: expected 'provenance none' or 'provenance \"<version>\"");
        assertThatThrownBy(() -> read(edited(d, "setting \"seed\" \"9\"", "setting \"listener\" \"9\"")))
                .hasMessage("m.model line 20: a setting named twice");
        assertThatThrownBy(() -> read(edited(d, "beta1=0.90000000000000002", "beta1=2")))
                .hasMessageStartingWith("m.model line 33: the optimizer Adam cannot be made from the settings {beta1=2.0,")
                .hasMessageContaining("beta1");
        assertThatThrownBy(() -> read(edited(d, "optimizer Adam ", "optimizer Adam beta1=0.5 ")))
                .hasMessageContaining("expected each setting once as 'name=number', got 'beta1=0.9");
    }

    @Test
    void everyTruncationAndFlippedByteOfAProvenanceIsAModelFormatException() {
        assertEveryCutAndChangedByteIsAModelFormatException(bytes(withProvenance()));
    }

    /** Each character of the provenance and the optimizer line replaced in turn, under a valid checksum. */
    @Test
    void everyEditOfAProvenanceOrAPartLineUnderAValidChecksumReadsOrIsAModelFormatException() {
        String text = new String(bytes(withProvenance()), StandardCharsets.UTF_8);
        String payload = text.substring(0, text.lastIndexOf("crc32 "));
        int[][] spans = {{payload.indexOf("\nprovenance "), payload.indexOf("\nlayers ")},
            {payload.indexOf("\noptimizer "), payload.indexOf("\nstate ")}, {payload.indexOf("\nloss "), payload.indexOf("\nfeatures ")}};
        for (int[] span : spans) {
            EditsUnderAChecksum.assertEachReadsOrIsAModelFormatException(payload, span[0] + 1, span[1], "x \n9-0\"=\\", ModelFileTest::read);
        }
    }

    /** A 4-2 classifier whose inputs a preprocessing encodes from a category and a number: a format-4 columns section. */
    static ModelData withColumns() {
        Preprocessing p = new Preprocessing(List.of(new CategoricalColumn("c", List.of("x"), true, false),
                new NumericColumn("n", PreprocessingOptions.Imputation.MEAN, 2.5, true)), List.of("", "NA"),
                PreprocessingOptions.UnknownCategories.ALL_ZEROS,
                new StandardScaler(new double[] {0.5, 0.5, 1, 0.25}, new double[] {0.5, 0.5, 2, 0.5}));
        double[][] w = {{1, -1}, {0.5, 0.25}, {-2, 3}, {0, 1}};
        return new ModelData(false, new CategoricalCrossEntropy(), p.inputNames(), List.of("no", "yes"),
                new ModelData.Scaling("standard", p.scaler().mean(), p.scaler().scale()),
                List.of(new ModelData.Layer(new Softmax(), w, new double[] {0.1, -0.1}, null, null)), null, null, p);
    }

    @Test
    void aColumnsSectionIsWrittenAndReadBackExactly() {
        byte[] first = bytes(withColumns());
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\ncolumns 2 unknown zeros\nmissing 2\nname \"\"\n"
                + "name \"NA\"\ncolumn category 1 other no-missing\nname \"c\"\nname \"x\"\ncolumn number mean 2.5 indicator\n"
                + "name \"n\"\nscaler standard 4\n");
        ModelData back = read(first);
        assertThat(back.columns().columns()).isEqualTo(withColumns().columns().columns());
        assertThat(back.columns().missingTokens()).containsExactly("", "NA");
        assertThat(back.columns().unknownCategories()).isEqualTo(PreprocessingOptions.UnknownCategories.ALL_ZEROS);
        assertThat(bytes(back)).isEqualTo(first);
        assertThat(read(bytes(small())).columns()).isNull();
    }

    @Test
    void aColumnsSectionThatContradictsTheRestIsNamed() {
        ModelData d = withColumns();
        assertThatThrownBy(() -> read(edited(d, "name \"x\"\ncolumn", "name \"y\"\ncolumn")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("m.model line 20: the columns encode to the inputs [c=y, c=(other), n, n=(missing)] but the"
                        + " features are [c=x, c=(other), n, n=(missing)]");
        assertThatThrownBy(() -> read(edited(d, "column number mean", "column number mode")))
                .hasMessage("m.model line 19: expected 'column number median|mean <fill> indicator|plain' or"
                        + " 'column category <count> other|no-other missing|no-missing'");
        assertThatThrownBy(() -> read(edited(d, "columns 2 unknown zeros", "columns 2 unknown maybe")))
                .hasMessage("m.model line 12: expected 'columns none' or 'columns <count> unknown error|zeros'");
        assertThatThrownBy(() -> read(edited(d, "scaler standard 4\noffset", "scaler minmax 4\noffset")))
                .hasMessage("m.model line 23: a model with encoded columns must have 'scaler standard', got 'minmax'");
        assertThatThrownBy(() -> read(edited(d, "column number mean 2.5", "column number mean NaN")))
                .hasMessage("m.model line 19: column 1 fill: 'NaN' is not a finite decimal number");
        assertThatThrownBy(() -> read(edited(d, "column category 1", "column category 99999")))
                .hasMessageContaining("declares 99999 categories, more than the");
        assertThatThrownBy(() -> read(edited(d, "name \"x\"\n", "name \"c\"\nname \"x\"\n").clone()))
                .isInstanceOf(ModelFormatException.class);
        assertThatThrownBy(() -> read(edited(d, "backprop4j-model 6", "backprop4j-model 3")))
                .hasMessage("m.model line 12: expected 'scaler ...', got 'columns 2 unknown zeros'");
        assertThatThrownBy(() -> read(edited(d, "scale 0.5 0.5 2 0.5", "scale 0.5 0.5 2 0")))
                .hasMessage("m.model line 23: scaler scale 3 is 0.0; scales must be > 0");
    }

    @Test
    void everyTruncationAndFlippedByteOfAColumnsSectionIsAModelFormatException() {
        assertEveryCutAndChangedByteIsAModelFormatException(bytes(withColumns()));
    }

    /** A regression model whose network learned standardised targets (format version 5). */
    static ModelData withTargets() {
        double[][] w = {{1, -1}, {0.5, 0.25}};
        return new ModelData(true, new io.github.backprop4j.loss.MeanSquaredError(), List.of("a", "b"), List.of("price", "rent"),
                new ModelData.Scaling("standard", new double[] {1, 2}, new double[] {0.5, 4}),
                List.of(new ModelData.Layer(new io.github.backprop4j.activation.Identity(), w, new double[] {0.1, -0.1},
                        null, null)), null, null, null,
                new ModelData.Scaling("standard", new double[] {250000, 1200.5}, new double[] {80000, 310.25}));
    }

    @Test
    void theTargetsScalingIsWrittenAndReadBackExactly() {
        byte[] first = bytes(withTargets());
        assertThat(new String(first, StandardCharsets.UTF_8))
                .contains("\nscale 0.5 4\ntargets standard 2\noffset 250000 1200.5\nscale 80000 310.25\nprovenance none\nlayers 1\n");
        ModelData back = read(first);
        assertThat(back.targets().offset()).containsExactly(250000, 1200.5);
        assertThat(back.targets().scale()).containsExactly(80000, 310.25);
        assertThat(bytes(back)).isEqualTo(first);
        assertThat(new String(bytes(small()), StandardCharsets.UTF_8)).contains("\ntargets none\nprovenance none\nlayers 2\n");
        assertThat(read(bytes(small())).targets()).isEqualTo(ModelData.Scaling.NONE);
    }

    @Test
    void aTargetsLineThatContradictsTheModelIsNamed() {
        ModelData d = withTargets();
        assertThatThrownBy(() -> read(edited(d, "targets standard 2", "targets standard 3")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("m.model line 14: the targets' scaling has 3 columns but the model has 2 outputs");
        assertThatThrownBy(() -> read(edited(d, "targets standard 2", "targets minmax 2")))
                .hasMessage("m.model line 14: expected 'targets none' or 'targets standard <count>'");
        assertThatThrownBy(() -> read(edited(d, "scale 80000 310.25", "scale 80000 -1")))
                .hasMessage("m.model line 16: target scale 1 is -1.0; scales must be > 0");
        assertThatThrownBy(() -> read(edited(d, "offset 250000 1200.5", "offset 250000 NaN")))
                .hasMessage("m.model line 15: target offset column 1: 'NaN' is not a finite decimal number");
        assertThatThrownBy(() -> read(edited(small(), "targets none", "targets standard 2\noffset 0 0\nscale 1 1")))
                .hasMessage("m.model line 14: a classifier has no targets to scale; expected 'targets none'");
        assertThatThrownBy(() -> read(edited(d, "backprop4j-model 6", "backprop4j-model 4")))
                .as("a version 4 file has no targets line").isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'targets standard 2'");
    }

    @Test
    void everyTruncationAndFlippedByteOfATargetsSectionIsAModelFormatException() {
        assertEveryCutAndChangedByteIsAModelFormatException(bytes(withTargets()));
    }
}
