package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeBytes(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GOOD = "a,b,label\n1,2,x\n3,4,y\n";

    @Test
    void load() {
        Dataset data = new CsvLoader().load(write("good.csv", GOOD));
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(data.labels()).containsExactly(0, 1);
        assertThat(data.featureNames()).containsExactly("a", "b");
        assertThat(data.classNames()).containsExactly("x", "y");
    }

    /** Each bad feature cell: line 3 (header is line 1), column 'b', and what is wrong. */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "abc    | 'abc' is not a number",
        "''     | empty cell, expected a number",
        "NaN    | 'NaN' is not a finite number",
        "Infinity | 'Infinity' is not a finite number",
        "-Infinity | '-Infinity' is not a finite number",
        "1e400  | '1e400' is too large for a double",
        "0x1p3  | '0x1p3' is a Java-only number form",
        "1.5d   | '1.5d' is a Java-only number form",
        "2f     | '2f' is a Java-only number form",
        "1..2   | '1..2' is not a number",
        "1e     | '1e' is not a number",
    })
    void loadRejectsABadNumberNamingLineAndColumn(String cell, String problem) {
        Path file = write("bad.csv", "a,b,label\n1,2,x\n3," + cell + ",y\n");
        assertThatThrownBy(() -> new CsvLoader().load(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv line 3, column 'b': " + problem)
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.column()).isEqualTo("b");
                    assertThat(d.source()).isEqualTo("bad.csv");
                });
    }

    @Test
    void loadRejectsRowsWithTooFewOrTooManyCells() {
        assertThatThrownBy(() -> new CsvLoader().load(write("few.csv", "a,b,label\n1,2,x\n3,y\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("few.csv line 3, column 'label': expected 3 cells as in the header, got 2:"
                        + " this and later cells are missing");
        assertThatThrownBy(() -> new CsvLoader().load(write("many.csv", "a,b,label\n1,2,x,9\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("many.csv line 2, column 'label': expected 3 cells as in the header, got 4:"
                        + " extra cells after this column");
    }

    @Test
    void loadRejectsEmptyFilesAndHeadersWithoutRows() {
        assertThatThrownBy(() -> new CsvLoader().load(write("empty.csv", "")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("empty.csv line 1: the file is empty; expected a header row and data rows");
        assertThatThrownBy(() -> new CsvLoader().load(write("blank.csv", "\n\n")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> new CsvLoader().load(write("header.csv", "a,b,label\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("header.csv line 2: the header is not followed by any data row");
    }

    @Test
    void loadRejectsDuplicateOrEmptyHeaderNames() {
        assertThatThrownBy(() -> new CsvLoader().load(write("dup.csv", "a,b,a,label\n1,2,3,x\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("dup.csv line 1, column 'a': the header names column 'a' twice; names must be unique");
        assertThatThrownBy(() -> new CsvLoader().load(write("noname.csv", "a,,label\n1,2,x\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("noname.csv line 1: header column 2 has no name; every column needs one");
    }

    @Test
    void loadRejectsAnUnterminatedQuoteKeepingTheCause() {
        assertThatThrownBy(() -> new CsvLoader().load(write("quote.csv", "a,b,label\n1,2,x\n3,4,\"y\n5,6,z\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("quote.csv line 3: malformed CSV from here on, e.g. a quote that is never closed")
                .hasRootCauseInstanceOf(CSVException.class);
    }

    @Test
    void loadRejectsBytesThatAreNotUtf8() {
        byte[] latin1 = "a,b,label\n1,2,x\n3,4,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new CsvLoader().load(writeBytes("latin1.csv", latin1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("latin1.csv line 3: bytes that are not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void invalidUtf8FarIntoTheFileIsReportedOnItsLine() {
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 3000; i++) {
            text.append(i).append(",1.25,x\n");   // ~25 KB: past several 8 KB decoding chunks
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 7);
        System.arraycopy(new byte[] {'1', ',', '2', ',', (byte) 0xC3, (byte) 0x28, '\n'}, 0, bad, good.length, 7);
        assertThatThrownBy(() -> new CsvLoader().load(writeBytes("far.csv", bad)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("far.csv line 3002: bytes that are not valid UTF-8");
    }

    @Test
    void loadRejectsALabelColumnThatDoesNotExist() {
        assertThatThrownBy(() -> new CsvLoader().withLabelColumn("specie").load(write("l.csv", GOOD)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("l.csv line 1, column 'specie': label column 'specie' does not exist; the columns are [a, b, label]");
        assertThatThrownBy(() -> new CsvLoader().withLabelColumn(5).load(write("l.csv", GOOD)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("l.csv line 1: label column index 5 does not exist; there are 3 columns [a, b, label]");
    }

    @Test
    void loadRejectsAnEmptyLabel() {
        assertThatThrownBy(() -> new CsvLoader().load(write("nolabel.csv", "a,b,label\n1,2,\n")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("nolabel.csv line 2, column 'label': empty label in the label column 'label' (the last column, by"
                        + " default; choose another with withLabelColumn); every row needs a class");
    }

    @Test
    void loadRejectsAMissingFile() {
        assertThatThrownBy(() -> new CsvLoader().load(dir.resolve("missing.csv")))
                .isInstanceOf(DataFormatException.class).hasMessageEndingWith("missing.csv: no such file");
    }

    @Test
    void loadAcceptsBomCrlfQuotesAndBlankLines() {
        String text = "\uFEFFa,b,label\r\n1,2,\"Iris, setosa\"\r\n\r\n  \r\n3,\"4.5\",\"line\nbreak\"\r\n";
        Dataset data = new CsvLoader().load(write("quirks.csv", text));
        assertThat(data.featureNames()).containsExactly("a", "b");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4.5}});
        assertThat(data.classNames()).containsExactly("Iris, setosa", "line\nbreak");
        assertThat(data.size()).isEqualTo(2);
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() {
        String text = "a,b,label\n\n1,2,\"x\ny\"\n\n3,oops,z\n";
        assertThatThrownBy(() -> new CsvLoader().load(write("lines.csv", text)))
                .hasMessageStartingWith("lines.csv line 6, column 'b'");
    }

    @Test
    void withLabelColumnInTheMiddle() {
        Dataset data = new CsvLoader().withLabelColumn("label").load(write("mid.csv", "a,label,b\n1,x,2\n3,y,4\n"));
        assertThat(data.featureNames()).containsExactly("a", "b");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(new CsvLoader().withLabelColumn(1).load(write("mid.csv", "a,label,b\n1,x,2\n")).classNames())
                .containsExactly("x");
    }

    @Test
    void withClassOrder() {
        String text = "a,label\n1,pear\n2,apple\n3,pear\n4,fig\n";
        Dataset sorted = new CsvLoader().load(write("c.csv", text));
        assertThat(sorted.classNames()).containsExactly("apple", "fig", "pear");
        assertThat(sorted.labels()).containsExactly(2, 0, 2, 1);
        Dataset seen = new CsvLoader().withClassOrder(CsvLoader.ClassOrder.FIRST_SEEN).load(write("c.csv", text));
        assertThat(seen.classNames()).containsExactly("pear", "apple", "fig");
        assertThat(seen.labels()).containsExactly(0, 1, 0, 2);
    }

    @Test
    void numericLabelsSortNumerically() {
        Dataset data = new CsvLoader().load(write("n.csv", "a,label\n1,10\n2,2\n3,0\n4,2\n"));
        assertThat(data.classNames()).containsExactly("0", "2", "10");
        assertThat(data.labels()).containsExactly(2, 1, 0, 1);
    }

    @Test
    void withDelimiterAndWithoutHeader() {
        Dataset data = new CsvLoader().withHeader(false).withDelimiter(';')
                .load(new StringReader("1;2.5;a\n-3;4e-1;b\n"), "inline");
        assertThat(data.featureNames()).containsExactly("column0", "column1");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2.5}, {-3, 0.4}});
        assertThatThrownBy(() -> new CsvLoader().withHeader(false).load(new StringReader("1,2,a\nx,2,b\n"), "inline"))
                .hasMessage("inline line 2, column 'column0': 'x' is not a number; a text column loads as categories with"
                        + " loadTable, and the label is column 'column2' (the last column, by default; choose another with"
                        + " withLabelColumn)");
        assertThatThrownBy(() -> new CsvLoader().withDelimiter('"')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadResource() {
        Dataset iris = new CsvLoader().loadResource("io/github/backprop4j/data/iris.csv");
        assertThat(iris.size()).isEqualTo(150);
        assertThatThrownBy(() -> new CsvLoader().loadResource("nope.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("class path resource 'nope.csv' not found");
    }

    @Test
    void loadNeverDropsOrPadsARow() {
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 2500; i++) {
            text.append(i).append(',').append(-i).append(',').append(i % 3 == 0 ? "p" : "q").append('\n');
        }
        Dataset data = new CsvLoader().load(new StringReader(text.toString()), "many");
        assertThat(data.size()).isEqualTo(2500);
        double[][] x = data.features();
        for (int i = 0; i < 2500; i++) {
            assertThat(x[i]).containsExactly(i, -i);
        }
        assertThat(List.of(data.labels()[0], data.labels()[1])).containsExactly(0, 1);
    }

    @Test
    void withTargetColumnsLoadsRegressionTargets() {
        Dataset data = new CsvLoader().withTargetColumns("price", "rent")
                .load(write("houses.csv", "rooms,price,area,rent\n3,250.5,80,900\n4,310,95.5,1100\n"));
        assertThat(data.isRegression()).isTrue();
        assertThat(data.features()).isDeepEqualTo(new double[][] {{3, 80}, {4, 95.5}});
        assertThat(data.targets()).isDeepEqualTo(new double[][] {{250.5, 900}, {310, 1100}});
        assertThat(data.featureNames()).containsExactly("rooms", "area");
        assertThat(data.targetNames()).containsExactly("price", "rent");
        assertThat(data.classNames()).isEmpty();
    }

    @Test
    void withTargetColumnsRejectsBadTargetsNamingLineAndColumn() {
        Path file = write("houses.csv", "rooms,price\n3,250\n4,cheap\n");
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns("price").load(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("houses.csv line 3, column 'price': 'cheap' is not a number");
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns("cost").load(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("target column 'cost' does not exist; the columns are [rooms, price]");
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns("rooms", "price").load(file))
                .hasMessageContaining("every column is a target");
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns()).hasMessage("give at least one target column name");
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns("a", "a")).hasMessageContaining("distinct");
    }

    @Test
    void withLabelColumnAfterTargetColumnsIsClassificationAgain() {
        Dataset data = new CsvLoader().withTargetColumns("a").withLabelColumn("label").load(write("good.csv", GOOD));
        assertThat(data.isRegression()).isFalse();
        assertThat(data.labels()).containsExactly(0, 1);
    }

    @Test
    void withClassesKeepsTheGivenNumberingAndRejectsAnUnseenLabel() {
        Path file = write("test.csv", "a,b,label\n1,2,virginica\n3,4,virginica\n");
        Dataset data = new CsvLoader().withClasses(List.of("setosa", "versicolor", "virginica")).load(file);
        assertThat(data.labels()).containsExactly(2, 2);
        assertThat(data.classNames()).containsExactly("setosa", "versicolor", "virginica");
        Path unseen = write("unseen.csv", "a,b,label\n1,2,setosa\n3,4,daisy\n");
        assertThatThrownBy(() -> new CsvLoader().withClasses(List.of("setosa", "virginica")).load(unseen))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("unseen.csv line 3, column 'label': label 'daisy' is not one of the known classes [setosa, virginica]"
                        + " (the last column, by default; choose another with withLabelColumn)");
    }

    @Test
    void withFeatureColumnsReadsThoseColumnsInThatOrder() {
        Path file = write("reordered.csv", "b,label,a\n2,x,1\n4,y,3\n");
        Dataset data = new CsvLoader().withLabelColumn("label").withFeatureColumns(List.of("a", "b")).load(file);
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(data.featureNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> new CsvLoader().withLabelColumn("label").withFeatureColumns(List.of("a", "c")).load(file))
                .hasMessageContaining("feature column 'c' is missing; expected the features [a, c], the file has [b, label, a]");
        assertThatThrownBy(() -> new CsvLoader().withLabelColumn("label").withFeatureColumns(List.of("a")).load(file))
                .hasMessageContaining("column 'b' is not one of the features [a]");
    }

    @Test
    void aSingleHeaderCellWithAnotherDelimiterNamesTheOptionToSet() {
        assertThatThrownBy(() -> new CsvLoader().load(write("semi.csv", "a;b;label\n1;2;x\n")))
                .hasMessage("semi.csv line 1: expected at least 2 columns (features and a label), got 1; the header"
                        + " contains ';', so the file is probably separated by it: use new CsvLoader().withDelimiter(';')");
        assertThatThrownBy(() -> new CsvLoader().load(write("tab.csv", "a\tb\tlabel\n1\t2\tx\n")))
                .hasMessageContaining("use new CsvLoader().withDelimiter('\\t')");
        assertThatThrownBy(() -> new CsvLoader().load(write("pipe.csv", "a|b|label\n1|2|x\n")))
                .hasMessageContaining("withDelimiter('|')");
    }
}
