package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.data.PreprocessingOptions.Imputation;
import io.github.backprop4j.data.PreprocessingOptions.UnknownCategories;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fitted encoding, checked against statistics computed by hand for a four-row table. */
class PreprocessingTest {

    private static final CsvLoader LOADER = new CsvLoader().withMissingValues();
    private static final Table TRAIN = table("color,size,label\nred,1,a\nblue,NA,b\nred,3,a\ngreen,6,b\n");

    private static Table table(String text) {
        return LOADER.loadTable(new StringReader(text), "test.csv");
    }

    private static Map<String, Object> row(Object color, Object size) {
        Map<String, Object> row = new HashMap<>();
        row.put("color", color);
        row.put("size", size);
        return row;
    }

    @Test
    void fitsCategoriesMediansAndTheScalerOnTheTrainingRows() {
        Preprocessing p = Preprocessing.fit(TRAIN, PreprocessingOptions.defaults());
        assertThat(p.columns()).containsExactly(new CategoricalColumn("color", List.of("blue", "green", "red"), false, false),
                new NumericColumn("size", Imputation.MEDIAN, 3.0, false));   // median of 1, 3, 6
        assertThat(p.inputNames()).containsExactly("color=blue", "color=green", "color=red", "size");
        assertThat(p.columnNames()).containsExactly("color", "size");
        // encoded rows: [0,0,1,1], [1,0,0,3 (filled)], [0,0,1,3], [0,1,0,6]
        assertThat(p.scaler().mean()).containsExactly(0.25, 0.25, 0.5, 3.25);
        double sizeSigma = Math.sqrt((2.25 * 2.25 + 0.25 * 0.25 + 0.25 * 0.25 + 2.75 * 2.75) / 4);
        assertThat(p.scaler().scale()).containsExactly(new double[] {Math.sqrt(0.1875), Math.sqrt(0.1875), 0.5, sizeSigma},
                within(1e-15));
        double[][] x = p.transform(TRAIN);
        assertThat(x[1]).containsExactly(new double[] {0.75 / Math.sqrt(0.1875), -0.25 / Math.sqrt(0.1875), -1,
            -0.25 / sizeSigma}, within(1e-15));
        assertThat(Preprocessing.inputCount(TRAIN, PreprocessingOptions.defaults())).isEqualTo(4);
        assertThat(p.toString()).isEqualTo("Preprocessing(4 inputs from [CategoricalColumn[name=color, categories=[blue,"
                + " green, red], other=false, missing=false], NumericColumn[name=size, imputation=MEDIAN, fill=3.0,"
                + " indicator=false]])");
    }

    @Test
    void theMeanIndicatorsAndTheMissingCategoryAreOptions() {
        Table gaps = table("color,size,label\nred,1,a\nNA,NA,b\nred,3,a\ngreen,8,b\n");
        Preprocessing p = Preprocessing.fit(gaps, PreprocessingOptions.defaults().withImputation(Imputation.MEAN)
                .withMissingIndicators(true));
        assertThat(p.inputNames()).containsExactly("color=green", "color=red", "color=(missing)", "size", "size=(missing)");
        assertThat(((NumericColumn) p.columns().get(1)).fill()).isEqualTo(4.0);   // (1 + 3 + 8) / 3
        assertThat(p.scaler().mean()).containsExactly(0.25, 0.5, 0.25, 4.0, 0.25);
        assertThat(((NumericColumn) Preprocessing.fit(gaps, PreprocessingOptions.defaults()).columns().get(1)).fill())
                .isEqualTo(3.0);   // the median of 1, 3, 8
        Table even = table("size,label\n1,a\n3,b\n6,a\n8,b\n");
        assertThat(((NumericColumn) Preprocessing.fit(even, PreprocessingOptions.defaults()).columns().get(0)).fill())
                .isEqualTo(4.5);
        assertThat(Preprocessing.inputCount(gaps, PreprocessingOptions.defaults().withMissingIndicators(true))).isEqualTo(5);
    }

    @Test
    void statisticsComeFromTheGivenRowsAndCategoriesFromAll() {
        Preprocessing p = Preprocessing.fit(TRAIN, new int[] {0, 2}, PreprocessingOptions.defaults());
        assertThat(((CategoricalColumn) p.columns().get(0)).categories()).containsExactly("blue", "green", "red");
        assertThat(((NumericColumn) p.columns().get(1)).fill()).isEqualTo(2.0);   // median of 1 and 3
        assertThat(p.scaler().mean()).containsExactly(0, 0, 1, 2);
        assertThat(p.scaler().scale()).containsExactly(1, 1, 1, 1);   // constant columns get 1; size: σ of 1, 3 is 1
        assertThatThrownBy(() -> Preprocessing.fit(TRAIN, new int[] {1}, PreprocessingOptions.defaults()))
                .hasMessage("column 'size' has no value in the training rows to fill its gaps with");
    }

    @Test
    void anUnseenCategoryIsAnErrorOrZerosByPolicy() {
        Table test = table("color,size,label\npurple,2,a\n");
        assertThatThrownBy(() -> Preprocessing.fit(TRAIN, PreprocessingOptions.defaults()).transform(test))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0 (line 2 of test.csv), column 'color': category 'purple' was not in the training rows;"
                        + " the known categories are [blue, green, red] (PreprocessingOptions.withUnknownCategories(ALL_ZEROS)"
                        + " encodes such values as zeros)");
        Preprocessing zeros = Preprocessing.fit(TRAIN, PreprocessingOptions.defaults()
                .withUnknownCategories(UnknownCategories.ALL_ZEROS));
        double[] expected = new double[] {0, 0, 0, 2};   // every one-hot input of the column 0, then scaled
        zeros.scaler().transformRow(expected, expected);
        assertThat(zeros.transform(test)[0]).containsExactly(expected);
        assertThat(zeros.transformRow(row("purple", 2))).containsExactly(expected);
        assertThatThrownBy(() -> Preprocessing.fit(TRAIN, PreprocessingOptions.defaults()).transformRow(row(null, 2)))
                .hasMessageContaining("the row, column 'color': a missing value, which the training rows never had in this"
                        + " column");
    }

    @Test
    void rareValuesGoToOtherWhichAlsoTakesUnseenOnes() {
        Table rare = new CsvLoader().withMinCategoryCount(2)
                .loadTable(new StringReader("c,label\nx,a\nx,b\ny,a\nz,b\n"), "rare.csv");
        Preprocessing p = Preprocessing.fit(rare, PreprocessingOptions.defaults());
        assertThat(p.inputNames()).containsExactly("c=x", "c=(other)");
        double[] y = p.transformRow(Map.of("c", "y"));
        assertThat(p.transformRow(Map.of("c", "never seen"))).containsExactly(y);
        assertThat(p.transform(rare)[2]).containsExactly(y);
    }

    @Test
    void aRowByNameTakesNumbersTextAndGapsAndNamesWhatIsWrong() {
        Preprocessing p = Preprocessing.fit(TRAIN, PreprocessingOptions.defaults());
        double[] first = p.transform(TRAIN)[0];
        assertThat(p.transformRow(row("red", 1))).containsExactly(first);
        assertThat(p.transformRow(row(" red ", "1.0"))).containsExactly(first);
        assertThat(p.transformRow(row("red", 1L))).containsExactly(first);
        assertThat(p.transformRow(row("blue", null))).containsExactly(p.transform(TRAIN)[1]);
        assertThat(p.transformRow(row("blue", "NA"))).containsExactly(p.transform(TRAIN)[1]);
        assertThatThrownBy(() -> p.transformRow(Map.of("color", "red")))
                .hasMessage("the row lacks [size]; the columns are [color, size]");
        assertThatThrownBy(() -> p.transformRow(Map.of("color", "red", "size", 1, "weight", 2)))
                .hasMessage("the row has names that are not columns [weight]; the columns are [color, size]");
        assertThatThrownBy(() -> p.transformRow(row("red", "big"))).hasMessage("column 'size': 'big' is not a number");
        assertThatThrownBy(() -> p.transformRow(row("red", Double.POSITIVE_INFINITY)))
                .hasMessage("column 'size': Infinity is not a finite number");
        assertThatThrownBy(() -> p.transformRow(row("red", Boolean.TRUE)))
                .hasMessage("column 'size' is numeric; got a Boolean (true), expected a Number or numeric text");
        assertThatThrownBy(() -> p.transformRow(row(1.5, 1)))
                .hasMessage("column 'color' holds categories; got a Double (1.5), expected text");
        assertThatThrownBy(() -> p.transformRow(new double[] {1}))
                .hasMessage("the row has 1 values but there are 2 columns [color, size]");
    }

    @Test
    void aNumericRowFillsNaNAndGapsNeedATrainingThatAcceptedThem() {
        Preprocessing p = Preprocessing.fit(table("a,b,label\n1,NA,x\n3,4,y\n"), PreprocessingOptions.defaults());
        assertThat(p.transformRow(new double[] {1, Double.NaN})).containsExactly(p.transformRow(new double[] {1, 4}));
        Table complete = new CsvLoader().loadTable(new StringReader("a,label\n1,x\n3,y\n"), "c.csv");
        Preprocessing strict = Preprocessing.fit(complete, PreprocessingOptions.defaults());
        assertThatThrownBy(() -> strict.transformRow(new double[] {Double.NaN}))
                .hasMessage("column 'a' is missing, and the model was trained without missing values");
        assertThatThrownBy(() -> strict.transform(table("a,label\nNA,x\n5,y\n")))
                .hasMessage("row 0 (line 2 of test.csv): column 'a' is missing, and the model was trained without missing values");
        assertThatThrownBy(() -> strict.transform(table("b,label\n1,x\n"))).hasMessage("the table has no column 'a'; it has [b]");
        assertThatThrownBy(() -> strict.transform(table("a,label\nq,x\n")))
                .hasMessage("column 'a' holds text in the table but numbers in this preprocessing");
    }

    @Test
    void partsAreChecked() {
        StandardScaler two = new StandardScaler(new double[2], new double[] {1, 1});
        assertThatThrownBy(() -> new Preprocessing(List.of(new NumericColumn("a", Imputation.MEDIAN, 0, false)), List.of(),
                UnknownCategories.ERROR, two)).hasMessage("the scaler has 2 columns but the columns encode to 1 inputs [a]");
        NumericColumn a = new NumericColumn("a", Imputation.MEDIAN, 0, false);
        assertThatThrownBy(() -> new Preprocessing(List.of(a, a), List.of(), UnknownCategories.ERROR, two))
                .hasMessage("column 'a' appears twice");
        assertThatThrownBy(() -> new Preprocessing(java.util.Arrays.asList(a, null), List.of(), UnknownCategories.ERROR, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("columns and missingTokens must not hold null");
        assertThatThrownBy(() -> new Preprocessing(List.of(a), java.util.Arrays.asList("NA", null), UnknownCategories.ERROR,
                new StandardScaler(new double[1], new double[] {1}))).hasMessage("columns and missingTokens must not hold null");
        assertThatThrownBy(() -> new NumericColumn("a", Imputation.MEAN, Double.NaN, false))
                .hasMessage("column 'a': fill value NaN is not finite");
        assertThatThrownBy(() -> new CategoricalColumn("c", List.of("x", "x"), false, false))
                .hasMessage("column 'c': categories repeat: [x, x]");
        assertThatThrownBy(() -> new CategoricalColumn("c", List.of(), false, false)).hasMessage("column 'c' has no category at all");
        assertThat(new CategoricalColumn("c", List.of("x"), true, true).width()).isEqualTo(3);
    }
}
