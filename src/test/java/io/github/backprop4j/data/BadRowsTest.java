package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A load lists every bad row at once; a loader that skips bad rows keeps the good ones and reports the rest. */
class BadRowsTest {

    // lines 3, 4 (two bad cells) and 6 are bad; 2 and 5 are good
    private static final String THREE_BAD = """
            x,y,label
            1,2,a
            1,abc,b
            q,,a
            3,4,b
            5,6
            """;

    private static final String TEXT_HINT = "a text column loads as categories with loadTable, and the label is column"
            + " 'label' (the last column, by default; choose another with withLabelColumn)";

    @Test
    void aLoadListsEveryProblemWithItsLineColumnValueAndReason() {
        DataFormatException e = catchLoad(new CsvLoader(), THREE_BAD);
        assertThat(e).hasMessage("bad.csv: 3 rows with 4 problems\n"
                + "  line 3, column 'y': 'abc' is not a number; " + TEXT_HINT + "\n"
                + "  line 4, column 'x': 'q' is not a number; " + TEXT_HINT + "\n"
                + "  line 4, column 'y': empty cell, expected a number; a file with gaps loads with new CsvLoader().withMissingValues()"
                + " and loadTable\n"
                + "  line 6, column 'label': expected 3 cells as in the header, got 2: this and later cells are missing");
        BadRows bad = e.badRows();
        assertThat(bad.rows()).isEqualTo(3);
        assertThat(bad.problems()).isEqualTo(4);
        assertThat(bad.listed().get(0)).isEqualTo(new RowProblem(3, "y", "abc", "'abc' is not a number; " + TEXT_HINT));
        assertThat(bad.listed()).extracting(RowProblem::value).containsExactly("abc", "q", "", null);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("y");
    }

    @Test
    void aSingleProblemKeepsItsOwnMessage() {
        DataFormatException e = catchLoad(new CsvLoader(), "x,label\n1,a\nz,b\n");
        assertThat(e).hasMessage("bad.csv line 3, column 'x': 'z' is not a number; " + TEXT_HINT);
        assertThat(e.badRows().rows()).isEqualTo(1);
        assertThat(e.badRows().listed()).hasSize(1);
    }

    @Test
    void beyondTheCapProblemsAreCountedNotListed() {
        StringBuilder file = new StringBuilder("x,label\n");
        for (int i = 0; i < 150; i++) {
            file.append("bad").append(i).append(",a\n1,b\n");
        }
        DataFormatException e = catchLoad(new CsvLoader(), file.toString());
        assertThat(e.badRows().problems()).isEqualTo(150);
        assertThat(e.badRows().rows()).isEqualTo(150);
        assertThat(e.badRows().listed()).hasSize(CsvLoader.MAX_LISTED_PROBLEMS);
        assertThat(e.badRows().listed().get(99).line()).isEqualTo(2 + 2 * 99);
        assertThat(e.getMessage()).endsWith("\n  ... and 50 more (the first 100 are listed)");
    }

    @Test
    void skippingLoadsTheGoodRowsAndReportsTheBadOnes() {
        List<BadRows> reports = new ArrayList<>();
        Dataset data = new CsvLoader().withBadRowsSkipped(reports::add).load(new StringReader(THREE_BAD), "bad.csv");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(data.classNames(data.labels())).containsExactly("a", "b");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).isEqualTo(catchLoad(new CsvLoader(), THREE_BAD).badRows());
        assertThat(reports.get(0).toString()).startsWith("3 rows with 4 problems\n  line 3, column 'y'");
    }

    @Test
    void skippingInATableLeavesOutRowsWithAMissingLabelAndReportsNoneWhenAllAreGood() {
        List<BadRows> reports = new ArrayList<>();
        CsvLoader loader = new CsvLoader().withMissingValues().withBadRowsSkipped(reports::add);
        Table t = loader.loadTable(new StringReader("size,colour,label\n1,red,a\n2,NA,\n,blue,b\nx,y\n"), "t.csv");
        assertThat(t.lines()).containsExactly(2, 4);
        assertThat(t.categories("colour")).containsExactly("red", "blue");
        assertThat(t.numbers("size")).containsExactly(1, Double.NaN);
        assertThat(reports.get(0).rows()).isEqualTo(2);
        assertThat(reports.get(0).listed()).extracting(RowProblem::line).containsExactly(3L, 5L);
        assertThat(reports.get(0).listed().get(0).reason()).startsWith("empty label in the label column 'label'");

        loader.loadTable(new StringReader("size,label\n1,a\n"), "good.csv");
        assertThat(reports.get(1)).isEqualTo(new BadRows(0, 0, List.of()));
    }

    @Test
    void aSkippedRowLeavesNoTraceInTheColumnsItWouldHaveChanged() {
        // the bad row's "green" (line 3) and its number-looking 7 must not reach the table's columns
        Table t = new CsvLoader().withBadRowsSkipped(bad -> { }).loadTable(
                new StringReader("colour,size,label\nred,1,a\ngreen,,b\nblue,2,a\n"), "t.csv");
        assertThat(t.categories("colour")).containsExactly("red", "blue");
        assertThat(t.schema().toString()).contains("2 values").doesNotContain("3 values");
        assertThat(t.missingCount("size")).isZero();
    }

    @Test
    void skippingRegressionRowsLeavesOutAMissingTarget() {
        List<BadRows> reports = new ArrayList<>();
        Dataset data = new CsvLoader().withTargetColumns("price").withMissingValues()
                .withBadRowsSkipped(reports::add)
                .load(new StringReader("area,price\n50,100\n60,NA\n70,abc\n80,200\n"), "houses.csv");
        assertThat(data.targets()).isDeepEqualTo(new double[][] {{100}, {200}});
        assertThat(reports.get(0).listed()).extracting(RowProblem::line).containsExactly(3L, 4L);
        assertThat(reports.get(0).listed().get(1).reason()).isEqualTo("'abc' is not a number in the target column 'price'");
    }

    @Test
    void skippingStillFailsWhenNoRowIsGoodOrTheFileItselfIsWrong() {
        CsvLoader skipping = new CsvLoader().withBadRowsSkipped(bad -> { });
        assertThatThrownBy(() -> skipping.load(new StringReader("x,label\nq,a\nr,b\n"), "bad.csv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv: 2 rows with 2 problems\n  line 2, column 'x': 'q' is not a number");
        assertThatThrownBy(() -> skipping.load(new StringReader("x,x\n1,a\n"), "bad.csv"))
                .hasMessage("bad.csv line 1, column 'x': the header names column 'x' twice; names must be unique");
        StringBuilder ids = new StringBuilder("id,label\n");
        for (int i = 0; i < 5; i++) {
            ids.append("id").append(i).append(",a\n");
        }
        assertThatThrownBy(() -> skipping.withMaxCategories(3).loadTable(new StringReader(ids.toString()), "ids.csv"))
                .hasMessageContaining("column 'id' has 5 distinct text values, more than the 3");
        assertThatThrownBy(() -> new CsvLoader().withBadRowsSkipped(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("report must not be null");
    }

    private static DataFormatException catchLoad(CsvLoader loader, String text) {
        try {
            loader.load(new StringReader(text), "bad.csv");
        } catch (DataFormatException e) {
            return e;
        }
        throw new AssertionError("the load did not fail");
    }
}
