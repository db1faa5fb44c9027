package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.EncodedColumn;
import io.github.backprop4j.data.NumericColumn;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.data.TableSplit;
import io.github.backprop4j.data.TrainTestSplit;
import io.github.backprop4j.examples.PenguinsExample;
import io.github.backprop4j.internal.StratifiedSplit;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingPlan;
import io.github.backprop4j.train.Validation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models trained on tables: preprocessing fitted after the hold-out, validation encoded alike, rows by name, the file. */
class TableModelTest {

    @TempDir
    Path dir;

    private static final Table PENGUINS = PenguinsExample.penguins();
    private static final TableSplit SPLIT = Splits.stratified(PENGUINS, 0.25, 5L);

    private static NeuralNet network(int inputs, long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(inputs, 6, new Tanh(), init), new LinearLayer(6, 3, new Softmax(), init));
    }

    private static TrainingConfig fixedEpochs(int epochs, Validation validation) {
        TrainingConfig.Builder b = TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(epochs).batchSize(16).seed(3)
                .noEarlyStopping();
        return (validation == null ? b.noValidation() : b.validation(validation)).build();
    }

    private static Model penguinModel() {
        int inputs = Preprocessing.inputCount(SPLIT.train(), PreprocessingOptions.defaults());
        return Model.train(SPLIT.train(), network(inputs, 2L), fixedEpochs(60, Validation.fraction(0.2)));
    }

    private static Map<String, Object> penguin(Object island, Object bill, Object sex) {
        Map<String, Object> row = new HashMap<>();
        row.put("island", island);
        row.put("bill_length_mm", bill);
        row.put("bill_depth_mm", 17.9);
        row.put("flipper_length_mm", 192);
        row.put("body_mass_g", "3500");
        row.put("sex", sex);
        row.put("year", 2008);
        return row;
    }

    /** The mean log loss −(1/n) Σ ln p[y], computed here from the model's own probabilities. */
    private static double logLoss(double[][] p, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(p[i][labels[i]]);
        }
        return sum / labels.length;
    }

    @Test
    void aDatasetModelFitsItsScalerOnTheRowsFitTrainsOnNotOnTheHeldOutOnes() {
        Dataset iris = Datasets.iris();
        int[] plannedRows = new int[2];
        TrainingListener plan = new TrainingListener() {
            @Override
            public void onTrainStart(TrainingPlan p) {
                plannedRows[0] = p.trainingRows();
                plannedRows[1] = p.validationRows();
            }
        };
        Model model = Model.train(iris, network4(), fixedEpochs(2, Validation.fraction(0.2)), plan);
        boolean[] held = StratifiedSplit.validationRows(iris.labels(), iris.size(), 3, 0.2, 3);
        int[] kept = java.util.stream.IntStream.range(0, iris.size()).filter(i -> !held[i]).toArray();
        assertThat(kept).hasSize(plannedRows[0]);
        assertThat(iris.size() - kept.length).isEqualTo(plannedRows[1]).isEqualTo(30);
        double[] expected = StandardScaler.fit(iris.rows(kept).features()).mean();
        StandardScaler scaler = (StandardScaler) model.scaler().orElseThrow();
        assertThat(scaler.mean()).containsExactly(expected);
        assertThat(scaler.mean()).isNotEqualTo(StandardScaler.fit(iris.features()).mean());
        Model all = Model.train(iris, network4(), fixedEpochs(2, null));
        assertThat(((StandardScaler) all.scaler().orElseThrow()).mean()).containsExactly(StandardScaler.fit(iris.features()).mean());
    }

    private static NeuralNet network4() {
        Random init = new Random(1);
        return new NeuralNet(new LinearLayer(4, 5, new Tanh(), init), new LinearLayer(5, 3, new Softmax(), init));
    }

    /** The reported bug: Validation.of(rawX, y) reached the network unscaled (val_loss 197.8 where the model had 0.088). */
    @Test
    void anExplicitRawValidationSetIsScaledLikeTheTrainingRows() {
        TrainTestSplit split = Splits.stratified(Datasets.iris(), 0.25, 3L);
        Dataset test = split.test();
        Model model = Model.train(split.train(), network4(), fixedEpochs(40, Validation.of(test.features(), test.labels())));
        double reported = model.history().orElseThrow().last().validationLoss();
        assertThat(reported).isCloseTo(logLoss(model.predictValues(test.features()), test.labels()), within(1e-12));
        assertThat(reported).isLessThan(0.5);
    }

    @Test
    void aTableModelFitsItsPreprocessingAfterTheHoldOut() {
        Model model = penguinModel();
        Preprocessing p = model.preprocessing().orElseThrow();
        Table train = SPLIT.train();
        boolean[] held = StratifiedSplit.validationRows(train.labels(), train.size(), 3, 0.2, 3);
        int[] kept = java.util.stream.IntStream.range(0, train.size()).filter(i -> !held[i]).toArray();
        double[] bills = Arrays.stream(kept).mapToDouble(i -> train.numbers("bill_length_mm")[i])
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        double median = bills.length % 2 == 1 ? bills[bills.length / 2]
                : (bills[bills.length / 2 - 1] + bills[bills.length / 2]) / 2;
        assertThat(((NumericColumn) p.columns().get(1)).fill()).isEqualTo(median);
        // standardised on exactly the kept rows: there every input has mean 0, over all rows not
        double[][] keptInputs = p.transform(train.rows(kept));
        double[][] allInputs = p.transform(train);
        for (int j = 0; j < p.inputCount(); j++) {
            final int column = j;
            assertThat(Arrays.stream(keptInputs).mapToDouble(r -> r[column]).average().orElseThrow()).as("input %d", j)
                    .isCloseTo(0, within(1e-12));
        }
        assertThat(Arrays.stream(allInputs).mapToDouble(r -> r[3]).average().orElseThrow()).isNotCloseTo(0, within(1e-6));
        assertThat(model.featureNames()).containsExactly("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex", "year");
        assertThat(model.inputNames()).hasSize(11).startsWith("island=Biscoe", "island=Dream", "island=Torgersen");
        assertThat(model.csvLoader("species").loadTable(new StringReader(
                "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
                + "Adelie,Dream,39,18,190,3500,NA,2009\n"), "new.csv").isCategorical("island")).isTrue();
    }

    @Test
    void aValidationTableGoesThroughTheSamePreprocessing() {
        TableSplit inner = Splits.stratified(SPLIT.train(), 0.2, 9L);
        int inputs = Preprocessing.inputCount(inner.train(), PreprocessingOptions.defaults());
        Model model = Model.train(inner.train(), inner.test(), PreprocessingOptions.defaults(), network(inputs, 2L),
                fixedEpochs(30, null), TrainingListener.NONE);
        double reported = model.history().orElseThrow().last().validationLoss();
        assertThat(reported).isCloseTo(logLoss(model.predictValues(inner.test()), inner.test().labels()), within(1e-12));
        assertThat(model.preprocessing().orElseThrow().scaler().mean())
                .containsExactly(Preprocessing.fit(inner.train(), PreprocessingOptions.defaults()).scaler().mean());
    }

    @Test
    void trainingATableRefusesWhatDoesNotFit() {
        assertThatThrownBy(() -> Model.train(SPLIT.train(), network(7, 1L), TrainingConfig.defaults()))
                .hasMessage("the table encodes to 11 inputs but the network has 7: build its first layer with"
                        + " Preprocessing.inputCount(table, options) = 11 inputs");
        assertThatThrownBy(() -> Model.train(SPLIT.train(), network(11, 1L), fixedEpochs(1, Validation.of(new double[][] {
            new double[11]}, new int[] {0})))).hasMessageContaining("pass the validation rows as a Table");
        Table other = new CsvLoader().withLabelColumn("species").withMissingValues().loadTable(new StringReader(
                "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
                + "Emperor,Dream,39,18,190,3500,male,2009\n"), "other.csv");
        assertThatThrownBy(() -> Model.train(SPLIT.train(), other, PreprocessingOptions.defaults(), network(11, 1L),
                fixedEpochs(1, null), TrainingListener.NONE))
                .hasMessage("the validation table's classes [Emperor] are not the training table's [Adelie, Chinstrap,"
                        + " Gentoo]: load it with new CsvLoader().withClasses(...) and the training classes");
    }

    @Test
    void predictsFromValuesByNameAsFromATable() {
        Model model = penguinModel();
        Table test = SPLIT.test();
        double[][] byTable = model.predictValues(test);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> row = new HashMap<>();
            for (String name : test.featureNames()) {
                Object value = test.isCategorical(name) ? test.categories(name)[i] : test.numbers(name)[i];
                row.put(name, value instanceof Double d && d.isNaN() ? null : value);
            }
            assertThat(model.predictValues(row)).containsExactly(byTable[i]);
            assertThat(model.predict(row)).isEqualTo(model.classNames().get(model.predict(test)[i]));
        }
        Map<String, Double> p = model.predictProbabilities(penguin("Dream", 46.5, null));
        assertThat(p.keySet()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(model.predict(penguin("Dream", 46.5, null))).isEqualTo("Chinstrap");
        assertThat(model.predict(test)).containsExactly(model.network().predict(model.preprocessing().orElseThrow()
                .transform(test)));
        Map<String, Object> lacking = penguin("Dream", 46.5, "male");
        lacking.remove("year");
        lacking.put("colour", "black");
        assertThatThrownBy(() -> model.predict(lacking))
                .hasMessage("the row lacks [year] and has names that are not columns [colour]; the columns are [island,"
                        + " bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex, year]");
        assertThatThrownBy(() -> model.predict(penguin("Atlantis", 46.5, "male")))
                .hasMessageStartingWith("the row, column 'island': category 'Atlantis' was not in the training rows; the"
                        + " known categories are [Biscoe, Dream, Torgersen]");
        assertThatThrownBy(() -> model.predict(new double[11]))
                .hasMessage("the row has 11 values but the model has 7 features [island, bill_length_mm, bill_depth_mm,"
                        + " flipper_length_mm, body_mass_g, sex, year]");
        assertThatThrownBy(() -> model.predict(new double[7]))
                .hasMessage("column 'island' holds categories; got a Double (0.0), expected text");
    }

    @Test
    void aModelWithoutPreprocessingAlsoTakesRowsByNameAndTables() {
        TrainTestSplit split = Splits.stratified(Datasets.iris(), 0.25, 3L);
        Model model = Model.train(split.train(), network4(), fixedEpochs(5, null));
        double[] flower = {5.9, 3.0, 4.2, 1.5};
        Map<String, Object> named = Map.of("sepal_length", 5.9, "sepal_width", "3.0", "petal_length", 4.2,
                "petal_width", 1.5f);
        assertThat(model.predictValues(named)).containsExactly(model.predictValues(flower));
        assertThat(model.predict(named)).isEqualTo(model.predictClassName(flower));
        assertThat(model.inputNames()).isEqualTo(model.featureNames());
        Table table = new CsvLoader().loadTable(new StringReader("sepal_length,sepal_width,petal_length,petal_width,species\n"
                + "5.9,3.0,4.2,1.5,versicolor\n"), "one.csv");
        assertThat(model.predictValues(table)[0]).containsExactly(model.predictValues(flower));
        assertThatThrownBy(() -> model.predict(Map.of("sepal_length", 1)))
                .hasMessageStartingWith("the row lacks [sepal_width, petal_length, petal_width]");
        Map<String, Object> gap = new HashMap<>(named);
        gap.put("sepal_width", null);
        assertThatThrownBy(() -> model.predict(gap))
                .hasMessage("column 'sepal_width' is missing, and the model was trained without missing values");
    }

    @Test
    void theFileKeepsThePreprocessingAndPredictionsBitForBit() {
        Model model = penguinModel();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("backprop4j-model 6\n").contains("\ncolumns 7 unknown error\nmissing 5\nname \"\"\n"
                + "name \"NA\"\n").contains("\ncolumn category 3 no-other no-missing\nname \"island\"\nname \"Biscoe\"\n")
                .contains("\ncolumn category 2 no-other missing\nname \"sex\"\n");
        Model back = Model.load(new ByteArrayInputStream(out.toByteArray()), "penguins.model");
        assertThat(back.preprocessing().orElseThrow().columns()).isEqualTo(model.preprocessing().orElseThrow().columns());
        assertThat(back.predictValues(SPLIT.test())).isDeepEqualTo(model.predictValues(SPLIT.test()));
        assertThat(back.predictValues(penguin("Biscoe", "50.1", "female")))
                .containsExactly(model.predictValues(penguin("Biscoe", "50.1", "female")));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.save(again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    /** Every cut and every changed byte of a model with preprocessing: only the documented exception. */
    @Test
    void everyTruncationAndChangedByteOfATableModelIsAModelFormatException() {
        Table tiny = new CsvLoader().withMissingValues().withMinCategoryCount(2).loadTable(new StringReader(
                "c,n,label\nx,1,a\nx,NA,b\ny,3,a\nz,4,b\n"), "tiny.csv");
        Random init = new Random(1);
        NeuralNet net = new NeuralNet(new LinearLayer(Preprocessing.inputCount(tiny, PreprocessingOptions.defaults()
                .withMissingIndicators(true)), 2, new Softmax(), init));
        Model model = Model.train(tiny, null, PreprocessingOptions.defaults().withMissingIndicators(true), net,
                fixedEpochs(1, null), TrainingListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        byte[] good = out.toByteArray();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("column category 1 other no-missing\n")
                .contains("column number median 3 indicator\n");
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> Model.load(new ByteArrayInputStream(cut), "t.model")).as("cut at %d", cut.length)
                    .isInstanceOf(ModelFormatException.class);
        }
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0xff;
            int at = i;
            assertThatThrownBy(() -> Model.load(new ByteArrayInputStream(bad), "t.model")).as("byte %d", at)
                    .isInstanceOf(ModelFormatException.class);
        }
    }

    /**
     * The format-4 golden file (a penguins model, written once by {@link #writeGolden}) keeps loading, and
     * its prediction for a row equals one computed here by hand from the parts it holds.
     */
    @Test
    void theVersionFourGoldenTableModelLoadsAndPredictsAsItsPartsSay() throws Exception {
        Model golden;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v4-table.model")) {
            golden = Model.load(in, "golden-v4-table.model");
        }
        Map<String, Object> row = penguin("Torgersen", null, "female");
        Preprocessing p = golden.preprocessing().orElseThrow();
        // encode by hand: one-hot over the stored categories, gaps filled, then (x − μ) / σ
        double[] x = new double[p.inputCount()];
        int at = 0;
        for (EncodedColumn column : p.columns()) {
            Object value = row.get(column.name());
            if (column instanceof CategoricalColumn c) {
                int k = value == null ? c.categories().size() + (c.other() ? 1 : 0) : c.categories().indexOf(value);
                x[at + k] = 1;
                at += c.width();
            } else {
                NumericColumn n = (NumericColumn) column;
                x[at++] = value == null ? n.fill() : Double.parseDouble(value.toString());
            }
        }
        double[] mean = p.scaler().mean();
        double[] scale = p.scaler().scale();
        for (int j = 0; j < x.length; j++) {
            x[j] = (x[j] - mean[j]) / scale[j];
        }
        // the forward pass by hand: tanh(x·W0 + b0), then softmax(h·W1 + b1)
        double[] h = affine(x, golden.network().layers().get(0));
        for (int j = 0; j < h.length; j++) {
            h[j] = Math.tanh(h[j]);
        }
        double[] z = affine(h, golden.network().layers().get(1));
        double max = Arrays.stream(z).max().orElseThrow();
        double total = Arrays.stream(z).map(v -> Math.exp(v - max)).sum();
        double[] predicted = golden.predictValues(row);
        for (int k = 0; k < z.length; k++) {
            assertThat(predicted[k]).isCloseTo(Math.exp(z[k] - max) / total, within(1e-12));
        }
        assertThat(golden.classNames()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(golden.featureNames()).contains("island", "sex");
    }

    private static double[] affine(double[] x, LinearLayer layer) {
        double[][] w = layer.weights();
        double[] out = layer.bias();
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < x.length; i++) {
                out[j] += x[i] * w[i][j];
            }
        }
        return out;
    }

    /** Writes the golden table model of format version 4: run once by hand when the format changes. */
    static void writeGolden(Path file) {
        int inputs = Preprocessing.inputCount(SPLIT.train(), PreprocessingOptions.defaults());
        Model.train(SPLIT.train(), network(inputs, 2L), fixedEpochs(20, Validation.fraction(0.2))).save(file);
    }

    @Test
    void historyOfATableModelIsKept() {
        History h = penguinModel().history().orElseThrow();
        assertThat(h.epochs()).isEqualTo(60);
        assertThat(h.last().hasValidation()).isTrue();
    }
}
