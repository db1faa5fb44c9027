package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** describe(): counted by hand on small files, and printed as a table. */
class DataSummaryTest {

    private static final String SHOP = """
            age,plan,city,label
            30,basic,Oslo,yes
            ,pro,Oslo,no
            41.5,basic,,yes
            30,free,Bergen,yes
            -2,basic,Oslo,no
            """;

    @Test
    void aTableIsDescribedPerColumn() {
        Table t = new CsvLoader().withMissingValues().loadTable(new StringReader(SHOP), "shop.csv");
        DataSummary s = t.describe();
        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.columns()).extracting(ColumnSummary::name).containsExactly("age", "plan", "city", "label");
        assertThat(s.column("age")).isEqualTo(new ColumnSummary("age", Schema.Role.NUMBER, 1, 3, -2, 41.5, Map.of()));
        ColumnSummary plan = s.column("plan");
        assertThat(plan.kind()).isEqualTo(Schema.Role.CATEGORY);
        assertThat(plan.distinct()).isEqualTo(3);
        assertThat(plan.min()).isNaN();
        assertThat(plan.mostFrequent()).containsExactly(Map.entry("basic", 3), Map.entry("free", 1), Map.entry("pro", 1));
        assertThat(s.column("city").missing()).isEqualTo(1);
        assertThat(s.column("city").mostFrequent()).containsExactly(Map.entry("Oslo", 3), Map.entry("Bergen", 1));
        assertThat(s.column("label").kind()).isEqualTo(Schema.Role.LABEL);
        assertThat(s.column("label").mostFrequent()).containsExactly(Map.entry("yes", 3), Map.entry("no", 2));
        assertThat(s.toString()).isEqualTo("""
                5 rows
                column  kind      missing  distinct  min  max   most frequent
                age     number    1        3         -2   41.5
                plan    category  0        3                    basic 3, free 1, pro 1
                city    category  1        2                    Oslo 3, Bergen 1
                label   label     0        2                    yes 3, no 2""");
        assertThatThrownBy(() -> s.column("zip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column 'zip'; the columns are [age, plan, city, label]");
    }

    @Test
    void aDataSetIsDescribedWithItsLabelOrTargets() {
        DataSummary iris = Datasets.iris().describe();
        assertThat(iris.rows()).isEqualTo(150);
        ColumnSummary sepal = iris.columns().get(0);
        assertThat(sepal.min()).isEqualTo(4.3);
        assertThat(sepal.max()).isEqualTo(7.9);
        assertThat(sepal.distinct()).isEqualTo(35);
        assertThat(iris.column("label").mostFrequent())
                .containsExactly(Map.entry("setosa", 50), Map.entry("versicolor", 50), Map.entry("virginica", 50));

        Dataset houses = Dataset.regression(new double[][] {{1}, {2}, {2}}, new double[][] {{100.25}, {1e-7}, {123456789}},
                List.of("rooms"), List.of("price"));
        ColumnSummary price = houses.describe().column("price");
        assertThat(price.kind()).isEqualTo(Schema.Role.TARGET);
        assertThat(price.min()).isEqualTo(1e-7);
        assertThat(houses.describe().toString()).contains("\nprice   target  0        3         0.0000001  123457000");
        assertThat(houses.describe().column("rooms").distinct()).isEqualTo(2);

        Table flats = new CsvLoader().withTargetColumns("price")
                .loadTable(new StringReader("area,city,price\n50,Oslo,100\n60,Bergen,250\n"), "flats.csv");
        assertThat(flats.describe().column("price"))
                .isEqualTo(new ColumnSummary("price", Schema.Role.TARGET, 0, 2, 100, 250, Map.of()));
    }

    /** The figures docs/data.md shows for the penguins. */
    @Test
    void thePenguinsAreDescribedAsTheDocsShow() {
        DataSummary penguins = io.github.backprop4j.examples.PenguinsExample.penguins().describe();
        assertThat(penguins.toString()).startsWith("""
                344 rows
                column             kind      missing  distinct  min   max   most frequent
                island             category  0        3                     Biscoe 168, Dream 124, Torgersen 52
                bill_length_mm     number    2        164       32.1  59.6
                """).endsWith("species            label     0        3                     Adelie 152, Gentoo 124,"
                + " Chinstrap 68");
        assertThat(penguins.column("island").mostFrequent())
                .containsExactly(Map.entry("Biscoe", 168), Map.entry("Dream", 124), Map.entry("Torgersen", 52));
    }
}
