package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.DataFormatException;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.RowProblem;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.examples.PenguinsExample;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.TrainingConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring a CSV file of new rows through the model's schema, with every bad row listed. */
class PredictCsvTest {

    @TempDir
    Path dir;

    private static final TrainingConfig QUICK = TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(30).noValidation()
            .noEarlyStopping().seed(1).build();

    private static final Model SPECIES = species();

    private static Model species() {
        Table penguins = PenguinsExample.penguins();
        Random init = new Random(1);
        int inputs = Preprocessing.inputCount(penguins, PreprocessingOptions.defaults());
        return Model.train(penguins, new NeuralNet(new LinearLayer(inputs, 6, new Tanh(), init),
                new LinearLayer(6, 3, new Softmax(), init)), QUICK);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    // the columns in another order, with an id and the label the model does not read
    private static final String HEADER = "id,sex,year,island,species,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g\n";

    private static Map<String, Object> row(String sex, int year, String island, Object bill, double depth, int flipper,
            int mass) {
        Map<String, Object> row = new HashMap<>();
        row.put("sex", sex);
        row.put("year", year);
        row.put("island", island);
        row.put("bill_length_mm", bill);
        row.put("bill_depth_mm", depth);
        row.put("flipper_length_mm", flipper);
        row.put("body_mass_g", mass);
        return row;
    }

    @Test
    void eachRowIsScoredInFileOrderAsTheSameRowGivenByName() throws IOException {
        Path rows = file("new.csv", HEADER
                + "a7,female,2008,Dream,?,46.5,17.9,192,3500\n"
                + "a8,male,2009,Biscoe,?,50.0,15.2,218,5700\n"
                + "a9,NA,2007,Torgersen,?,NA,18.0,190,3700\n");
        List<Map<String, Object>> same = List.of(row("female", 2008, "Dream", 46.5, 17.9, 192, 3500),
                row("male", 2009, "Biscoe", 50.0, 15.2, 218, 5700), row(null, 2007, "Torgersen", null, 18.0, 190, 3700));
        List<String> predicted = SPECIES.predictCsv(rows);
        double[][] values = SPECIES.predictValuesCsv(rows);
        assertThat(predicted).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(predicted.get(i)).isEqualTo(SPECIES.predict(same.get(i)));
            assertThat(values[i]).containsExactly(SPECIES.predictValues(same.get(i)));
        }
        assertThat(predicted).contains("Gentoo");
    }

    @Test
    void everyBadRowOfTheFileIsListedWithItsLineColumnAndValue() throws IOException {
        Path rows = file("bad.csv", HEADER
                + "a1,female,2008,Dream,?,46.5,17.9,192,3500\n"
                + "a2,male,2009,Biscoe,?,heavy,15.2,218,5700\n"
                + "a3,male,2009\n"
                + "a4,female,2008,Dream,?,46.5,,192,3.5kg\n");     // the empty depth is a gap, which the model fills
        assertThatThrownBy(() -> SPECIES.predictCsv(rows))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv: 3 rows with 3 problems\n  line 3, column 'bill_length_mm': 'heavy' is not"
                        + " a number")
                .satisfies(e -> assertThat(((DataFormatException) e).badRows().listed()).extracting(RowProblem::line)
                        .containsExactly(3L, 4L, 5L));
    }

    @Test
    void unseenCategoriesInSeveralRowsAreListedAndOneKeepsItsOwnMessage() throws IOException {
        Path two = file("islands.csv", HEADER
                + "a1,female,2008,Atlantis,?,46.5,17.9,192,3500\n"
                + "a2,female,2008,Dream,?,46.5,17.9,192,3500\n"
                + "a3,male,2009,Lemuria,?,50.0,15.2,218,5700\n");
        assertThatThrownBy(() -> SPECIES.predictCsv(two))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> {
                    List<RowProblem> listed = ((DataFormatException) e).badRows().listed();
                    assertThat(listed).extracting(RowProblem::line).containsExactly(2L, 4L);
                    assertThat(listed).extracting(RowProblem::value).containsExactly("Atlantis", "Lemuria");
                    assertThat(listed.get(0).reason()).startsWith("category 'Atlantis' was not in the training rows; the"
                            + " known categories are [Biscoe, Dream, Torgersen]");
                });
        Path one = file("island.csv", HEADER + "a1,female,2008,Atlantis,?,46.5,17.9,192,3500\n");
        assertThatThrownBy(() -> SPECIES.predictCsv(one)).isNotInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("row 0 (line 2 of island.csv), column 'island': category 'Atlantis' was not in the"
                        + " training rows");
    }

    @Test
    void aMissingColumnAMissingFileAndTheWrongKindOfModelAreNamed() throws IOException {
        Path noYear = file("no-year.csv", "sex,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g\n"
                + "female,Dream,46.5,17.9,192,3500\n");
        assertThatThrownBy(() -> SPECIES.predictCsv(noYear)).isInstanceOf(DataFormatException.class)
                .hasMessage("no-year.csv line 1, column 'year': numeric column 'year' does not exist; the columns are [sex,"
                        + " island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g] (indices from 0)");
        assertThatThrownBy(() -> SPECIES.predictCsv(dir.resolve("absent.csv"))).isInstanceOf(DataFormatException.class)
                .hasMessageEndingWith("absent.csv: no such file");
        assertThatThrownBy(() -> SPECIES.predictCsv(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file must not be null");
        Random init = new Random(2);
        Model regression = Model.train(TargetScalingTest.prices(50, 3L), new NeuralNet(new LinearLayer(2, 4, new Tanh(), init),
                new LinearLayer(4, 1, new Identity(), init)), QUICK);
        Path prices = file("prices.csv", "age,area\n0.5,10\n-1,12\n");
        assertThatThrownBy(() -> regression.predictCsv(prices)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this model predicts the targets [price]; use predictValues");
        double[][] values = regression.predictValuesCsv(prices);
        assertThat(values[0]).containsExactly(regression.predictValues(new double[] {10, 0.5}));
        assertThat(values[1]).containsExactly(regression.predictValues(new double[] {12, -1}));
    }

    @Test
    void aModelOfNumbersListsTextCellsAsBadRows() throws IOException {
        Model iris = Model.train(Datasets.iris(), new NeuralNet(new LinearLayer(4, 3, new Softmax(), new Random(3))), QUICK);
        Path rows = file("flowers.csv", "petal_width,petal_length,sepal_width,sepal_length\n"
                + "0.2,1.4,3.5,5.1\n1.8,five,3.0,6.5\n2.0,5.5,wide,6.9\n");
        assertThatThrownBy(() -> iris.predictCsv(rows)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("flowers.csv: 2 rows with 2 problems\n  line 3, column 'petal_length': 'five' is not a"
                        + " number");
        Path good = file("flower.csv", "petal_width,petal_length,sepal_width,sepal_length\n0.2,1.4,3.5,5.1\n");
        assertThat(iris.predictCsv(good)).containsExactly(iris.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2}));
    }

    @Test
    void aLoaderWithoutLabelReadsFeaturesOnlyAndOnlyIntoATable() {
        CsvLoader loader = new CsvLoader().withoutLabel();
        Table t = loader.loadTable(new StringReader("a,b\n1,x\n2,y\n"), "new.csv");
        assertThat(t.featureNames()).containsExactly("a", "b");
        assertThat(t.classNames()).isEmpty();
        assertThatThrownBy(t::labels).hasMessage("this table has no labels: it holds features only (CsvLoader.withoutLabel)");
        assertThatThrownBy(t::targets).hasMessage("this table has no targets: it holds features only (CsvLoader.withoutLabel)");
        assertThat(t.rows(new int[] {1}).categories("b")).containsExactly("y");
        assertThatThrownBy(() -> loader.load(new StringReader("a,b\n1,2\n"), "new.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a loader withoutLabel reads features only, into a Table: use loadTable (a Dataset needs labels"
                        + " or targets)");
        assertThat(loader.withLabelColumn("b").loadTable(new StringReader("a,b\n1,x\n2,y\n"), "l.csv").classNames())
                .containsExactly("x", "y");
    }
}
