package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** {@link CsvLoader#loadTable}: typed columns, the schema and its overrides, missing values, and every refusal. */
class TableLoadingTest {

    private static final String SHOP = """
            id,country,age,plan,spent,churned
            1,FR,34,gold,120.5,no
            2,DE,,silver,80,yes
            3,FR,51,gold,NA,no
            4,IT,28,,15,yes
            """;

    private static Table load(CsvLoader loader, String text) {
        return loader.loadTable(new StringReader(text), "shop.csv");
    }

    @Test
    void infersNumbersCategoriesAndTheLabelAndKeepsGaps() {
        Table t = load(new CsvLoader().withMissingValues().withIgnoredColumns("id"), SHOP);
        assertThat(t.featureNames()).containsExactly("country", "age", "plan", "spent");
        assertThat(t.isCategorical("country")).isTrue();
        assertThat(t.isCategorical("age")).isFalse();
        assertThat(t.categories("plan")).containsExactly("gold", "silver", "gold", null);
        assertThat(t.numbers("age")).containsExactly(34, Double.NaN, 51, 28);
        assertThat(t.numbers("spent")).containsExactly(120.5, 80, Double.NaN, 15);
        assertThat(t.missingCount("spent")).isEqualTo(1);
        assertThat(t.classNames()).containsExactly("no", "yes");
        assertThat(t.labels()).containsExactly(0, 1, 0, 1);
        assertThat(t.lines()).containsExactly(2, 3, 4, 5);
        assertThat(t.schema().role("id")).isEqualTo(Schema.Role.IGNORED);
        assertThat(t.schema().role("churned")).isEqualTo(Schema.Role.LABEL);
        assertThat(t.schema().categoricalColumns()).containsExactly("country", "plan");
        assertThat(t.schema().numericColumns()).containsExactly("age", "spent");
        assertThat(t.schema().toString()).isEqualTo("""
                id       ignored
                country  category (3 values)
                age      number (1 missing)
                plan     category (2 values, 1 missing)
                spent    number (1 missing)
                churned  label (2 classes, the last column by default)
                """);
    }

    @Test
    void overridesByNameAndByIndex() {
        Table t = load(new CsvLoader().withMissingValues().withCategoricalColumns(2).withIgnoredColumns(0)
                .withNumericColumns("spent"), SHOP);
        assertThat(t.isCategorical("age")).isTrue();
        assertThat(t.categories("age")).containsExactly("34", null, "51", "28");
        assertThat(t.schema().toString()).contains("age      category (3 values, by withCategoricalColumns, 1 missing)")
                .contains("spent    number (by withNumericColumns, 1 missing)");
        String text = "year,code,price\n2007,A1,3\n2008,7,4\n";
        Table numbersAsText = load(new CsvLoader().withTargetColumns("price").withCategoricalColumns("year"), text);
        assertThat(numbersAsText.categories("year")).containsExactly("2007", "2008");
        assertThat(numbersAsText.categories("code")).containsExactly("A1", "7");
        assertThat(numbersAsText.targets()).isDeepEqualTo(new double[][] {{3}, {4}});
        assertThatThrownBy(() -> load(new CsvLoader().withTargetColumns("price").withNumericColumns("code"), text))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("shop.csv line 2, column 'code': 'A1' is not a number (the column is set numeric by"
                        + " withNumericColumns)");
    }

    @Test
    void badSelectionsAreNamed() {
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues().withIgnoredColumns("nope"), SHOP))
                .hasMessage("shop.csv line 1, column 'nope': ignored column 'nope' does not exist; the columns are"
                        + " [id, country, age, plan, spent, churned] (indices from 0)");
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues().withCategoricalColumns(9), SHOP))
                .hasMessageContaining("categorical column 9 does not exist");
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues().withCategoricalColumns("churned"), SHOP))
                .hasMessage("shop.csv line 1, column 'churned': column 'churned' cannot be categorical: it is the label"
                        + " column (the last column, by default; choose another with withLabelColumn)");
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues().withCategoricalColumns("plan")
                .withNumericColumns("plan"), SHOP)).hasMessageContaining("set both as categorical and as numeric");
        assertThatThrownBy(() -> load(new CsvLoader().withIgnoredColumns("a", "b"), "a,b,c\n1,2,x\n"))
                .hasMessageContaining("no feature column is left");
        assertThatThrownBy(() -> new CsvLoader().withCategoricalColumns((String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("categorical column name 0 is null");
        assertThatThrownBy(() -> new CsvLoader().withIgnoredColumns(-1))
                .hasMessage("ignored column index must be >= 0, got -1");
        assertThatThrownBy(() -> new CsvLoader().withMissingValues(new String[0]))
                .hasMessage("give at least one missing-value token");
        assertThatThrownBy(() -> new CsvLoader().withMaxCategories(0)).hasMessage("max categories must be >= 1, got 0");
        assertThatThrownBy(() -> new CsvLoader().withMinCategoryCount(0)).hasMessage("min category count must be >= 1, got 0");
    }

    @Test
    void gapsAreRefusedUntilAcceptedAndThenTokensAreConfigurable() {
        assertThatThrownBy(() -> load(new CsvLoader().withIgnoredColumns("id"), SHOP))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("shop.csv: 2 rows with 2 problems\n"
                        + "  line 3, column 'age': empty cell; a file with gaps loads with"
                        + " new CsvLoader().withMissingValues(), which fills them when training\n"
                        + "  line 5, column 'plan': empty cell; a file with gaps loads with"
                        + " new CsvLoader().withMissingValues(), which fills them when training");
        String na = "x,y,label\n1,NA,a\n2,5,b\n";
        assertThatThrownBy(() -> load(new CsvLoader(), na))
                .hasMessage("shop.csv line 2, column 'y': 'NA' in a column of numbers; if it marks a missing value,"
                        + " accept gaps with new CsvLoader().withMissingValues()");
        Table dashes = load(new CsvLoader().withMissingValues("-", "n/a"), "x,y,label\n1,-,a\n n/a ,NA,b\n");
        assertThat(dashes.numbers("x")).containsExactly(1, Double.NaN);
        assertThat(dashes.categories("y")).containsExactly(null, "NA");   // "NA" is not a token here
        assertThat(dashes.schema().missingTokens()).containsExactly("-", "n/a");
        assertThat(CsvLoader.DEFAULT_MISSING_TOKENS).containsExactly("", "NA", "N/A", "null", "?");
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues(), "x,y,label\nNA,,a\n?,null,b\n"))
                .hasMessage("shop.csv line 2, column 'x': column 'x' has no value in any row; skip it with"
                        + " withIgnoredColumns(\"x\")");
    }

    @Test
    void aMissingLabelOrTargetIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> load(new CsvLoader().withMissingValues(), "x,label\n1,a\n2,NA\n"))
                .hasMessage("shop.csv line 3, column 'label': missing label 'NA' in the label column 'label' (the last"
                        + " column, by default; choose another with withLabelColumn); every row needs a class");
        assertThatThrownBy(() -> load(new CsvLoader().withLabelColumn("label").withMissingValues(), "label,x\n,1\n"))
                .hasMessage("shop.csv line 2, column 'label': empty label in the label column 'label'; every row needs a class");
        assertThatThrownBy(() -> load(new CsvLoader().withTargetColumns("price").withMissingValues(), "x,price\n1,?\n"))
                .hasMessage("shop.csv line 2, column 'price': missing value in the target column 'price'; every row needs"
                        + " its targets");
        assertThatThrownBy(() -> load(new CsvLoader().withTargetColumns("price"), "x,price\n1,cheap\n"))
                .hasMessage("shop.csv line 2, column 'price': 'cheap' is not a number in the target column 'price'");
    }

    @Test
    void aTextColumnWithTooManyValuesIsRefusedUnlessRareOnesAreGrouped() {
        StringBuilder text = new StringBuilder("user,n,label\n");
        for (int i = 0; i < 120; i++) {
            text.append(i < 100 ? "u" + i : "common").append(',').append(i).append(',').append(i % 2).append('\n');
        }
        assertThatThrownBy(() -> load(new CsvLoader(), text.toString()))
                .hasMessage("shop.csv line 2, column 'user': column 'user' has 101 distinct text values, more than the 100"
                        + " a category column may have (ids, dates or free text?): skip it with withIgnoredColumns(\"user\"),"
                        + " group rare values into \"(other)\" with withMinCategoryCount(n), or raise the cap with"
                        + " withMaxCategories(n)");
        Table grouped = load(new CsvLoader().withMinCategoryCount(2), text.toString());
        assertThat(grouped.schema().minCategoryCount()).isEqualTo(2);
        CategoricalColumn user = (CategoricalColumn) Preprocessing.fit(grouped, PreprocessingOptions.defaults())
                .columns().get(0);
        assertThat(user.categories()).containsExactly("common");
        assertThat(user.other()).isTrue();
        assertThat(load(new CsvLoader().withMaxCategories(101), text.toString()).isCategorical("user")).isTrue();
        assertThatThrownBy(() -> load(new CsvLoader().withMaxCategories(1).withMinCategoryCount(2), text.toString()
                .replace("u1,", "common,").replace("u2,", "u3,"))).hasMessageContaining("has 99 distinct text values"
                        + " (2 seen at least 2 times), more than the 1 a category column may have");
    }

    /** A column of many distinct numbers keeps no text while it is read; a stray word in it is named on its line. */
    @Test
    void aStrayWordInAColumnOfManyNumbersIsNamedOnItsLine() {
        StringBuilder text = new StringBuilder("zip,label\n");
        for (int i = 0; i < 150; i++) {
            text.append(10_000 + i).append(",x\n");
        }
        String many = text.toString();
        assertThat(load(new CsvLoader(), many).numbers("zip")).hasSize(150).startsWith(10_000, 10_001);
        assertThatThrownBy(() -> load(new CsvLoader(), many + "SW1A,y\n"))
                .hasMessage("shop.csv line 152, column 'zip': 'SW1A' is not a number, in a column of more than 100 distinct"
                        + " numbers: correct it, or see withCategoricalColumns and withIgnoredColumns");
        assertThatThrownBy(() -> load(new CsvLoader(), many + "NA,y\n"))
                .hasMessage("shop.csv line 152, column 'zip': 'NA' in a column of numbers; if it marks a missing value,"
                        + " accept gaps with new CsvLoader().withMissingValues()");
        Table zips = load(new CsvLoader().withCategoricalColumns("zip").withMaxCategories(200), many + "SW1A,y\n");
        assertThat(zips.categories("zip")).hasSize(151).endsWith("SW1A");
        assertThat(load(new CsvLoader(), "a,label\n1,x\nNA,y\nb,x\n").categories("a")).containsExactly("1", "NA", "b");
    }

    @Test
    void aDatasetLoadNamesTheDefaultLabelAndPointsToLoadTable() {
        assertThatThrownBy(() -> new CsvLoader().load(new StringReader("quality,size,score\ngood,3,1\n"), "wine.csv"))
                .hasMessage("wine.csv line 2, column 'quality': 'good' is not a number; a text column loads as categories"
                        + " with loadTable, and the label is column 'score' (the last column, by default; choose another"
                        + " with withLabelColumn)");
        assertThatThrownBy(() -> new CsvLoader().withLabelColumn("score").load(new StringReader("a,score\nx,1\n"), "w.csv"))
                .hasMessage("w.csv line 2, column 'a': 'x' is not a number; a text column loads as categories with loadTable");
        assertThatThrownBy(() -> new CsvLoader().withMissingValues().load(new StringReader("a,label\nNA,x\n"), "w.csv"))
                .hasMessage("w.csv line 2, column 'a': missing value; a Dataset holds numbers only: load the file with"
                        + " loadTable, whose Preprocessing fills gaps");
        assertThatThrownBy(() -> new CsvLoader().withCategoricalColumns("a").load(new StringReader("a,label\n1,x\n"), "w.csv"))
                .hasMessageContaining("is set as categorical, and a Dataset holds numbers only");
        assertThatThrownBy(() -> new CsvLoader().load(new StringReader("a,label\n,x\n"), "w.csv"))
                .hasMessage("w.csv line 2, column 'a': empty cell, expected a number; a file with gaps loads with"
                        + " new CsvLoader().withMissingValues() and loadTable");
        Dataset ignored = new CsvLoader().withIgnoredColumns("id").load(new StringReader("id,a,label\nx7,1,y\n"), "w.csv");
        assertThat(ignored.featureNames()).containsExactly("a");
    }

    @Test
    void aModelsFeatureColumnsAndEveryWayToLoad() throws Exception {
        Table t = load(new CsvLoader().withFeatureColumns(java.util.List.of("country", "plan")),
                "plan,country,churned\ngold,FR,no\n");
        assertThat(t.featureNames()).containsExactly("country", "plan");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("table", ".csv");
        try {
            java.nio.file.Files.writeString(file, "a,label\n1,x\n2,y\n");
            assertThat(new CsvLoader().loadTable(file).numbers("a")).containsExactly(1, 2);
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                assertThat(new CsvLoader().loadTable(in, "s").size()).isEqualTo(2);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThatThrownBy(() -> new CsvLoader().loadTable(file)).hasMessageEndingWith("no such file");
    }

    @Test
    void rowsAndStratifiedSplitsKeepTheSchema() {
        Table t = load(new CsvLoader().withMissingValues().withIgnoredColumns("id"), SHOP);
        Table picked = t.rows(new int[] {3, 0});
        assertThat(picked.categories("plan")).containsExactly(null, "gold");
        assertThat(picked.labels()).containsExactly(1, 0);
        assertThat(picked.lines()).containsExactly(5, 2);
        assertThat(picked.schema()).isSameAs(t.schema());
        TableSplit split = Splits.stratified(t, 0.5, 1L);
        assertThat(split.train().size() + split.test().size()).isEqualTo(4);
        assertThat(split.test().labels()).containsExactlyInAnyOrder(0, 1);
        assertThatThrownBy(() -> t.rows(new int[] {4})).hasMessage("indices[0] is 4, expected a row index in [0, 4)");
        assertThatThrownBy(() -> t.numbers("plan")).hasMessage("column 'plan' holds categories, not numbers");
        assertThatThrownBy(() -> t.categories("nope")).hasMessageContaining("no feature column 'nope'");
        assertThatThrownBy(() -> t.targets()).hasMessage("this table has class labels, not regression targets");
        assertThat(t.toString()).isEqualTo("Table(4 rows, features [country, age, plan, spent])");
    }
}
