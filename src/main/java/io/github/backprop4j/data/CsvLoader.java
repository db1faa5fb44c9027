package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * Loads a data set from CSV with commons-csv: numeric feature columns and either one label column
 * (classification, the default) or one or more numeric target columns (regression, {@link
 * #withTargetColumns}). Immutable; each {@code with...} method returns a loader with one option
 * changed.
 *
 * <p>Defaults: a header row; the label is the last column; comma-separated; class indices given
 * in {@link ClassOrder#SORTED} order. Accepted: a UTF-8 byte-order mark, CRLF or LF line endings,
 * quoted fields (with commas or line breaks inside), blank lines (skipped), spaces around numbers.
 * Refused with a {@link DataFormatException} naming the source, line and column: anything in a
 * feature cell that is not a plain finite decimal number (empty, {@code abc}, {@code NaN},
 * {@code 1e400}, {@code 0x1p3}, {@code 1.5d}), rows with too few or too many cells, an empty file
 * or a header without rows, duplicate or empty header names, an unterminated quote, bytes that
 * are not UTF-8, and a label column that does not exist. No row is ever dropped or padded.
 *
 * <p>{@link #loadTable} reads text feature columns as categories and, with {@link
 * #withMissingValues}, keeps gaps, giving a {@link Table} with its {@link Schema}; {@link #load}
 * on such a file points to it.
 *
 * <pre>{@code
 * Dataset data = new CsvLoader().withLabelColumn("species").load(Path.of("iris.csv"));
 * Table penguins = new CsvLoader().withLabelColumn("species").withMissingValues().loadTable(file);
 * Dataset semi = new CsvLoader().withDelimiter(';').withLabelColumn(0).load(reader, "upload");
 * Dataset houses = new CsvLoader().withTargetColumns("price").load(Path.of("houses.csv"));
 * }</pre>
 */
public final class CsvLoader {

    /** How class names map to class indices. */
    public enum ClassOrder {
        /**
         * Sorted: numerically when every label is a number ({@code "2" < "10"}), else as strings.
         * The mapping depends only on which labels occur, not on the row order.
         */
        SORTED,
        /** In the order the labels first occur in the file. */
        FIRST_SEEN
    }

    /** The most distinct values a text column may have as a category, unless changed with {@link #withMaxCategories}. */
    public static final int DEFAULT_MAX_CATEGORIES = 100;
    /** The cell texts {@link #withMissingValues()} reads as missing: empty, NA, N/A, null and ?. */
    public static final List<String> DEFAULT_MISSING_TOKENS = List.of("", "NA", "N/A", "null", "?");

    /**
     * How many problems a failed load, or a load that skips bad rows, lists one by one; beyond it
     * they are counted. A load reads the whole file and reports every bad row it has.
     */
    public static final int MAX_LISTED_PROBLEMS = 100;

    // each with... method changes one field of a copy, so a loader never changes once made
    private boolean header = true;
    private String labelName;               // null: use labelIndex
    private int labelIndex = -1;            // -1: the last column
    private char delimiter = ',';
    private ClassOrder classOrder = ClassOrder.SORTED;
    private List<String> targetColumns = List.of();   // empty: classification with a label column
    private List<String> classes;           // null: numbered from the file's own labels
    private List<String> featureColumns;    // null: every column but the label, targets and ignored ones
    private List<Object> categoricalColumns = List.of();  // names (String) or indices (Integer)
    private List<Object> numericColumns = List.of();
    private List<Object> ignoredColumns = List.of();
    private List<String> missingTokens = List.of();       // empty: a missing cell is an error
    private int maxCategories = DEFAULT_MAX_CATEGORIES;
    private int minCategoryCount = 1;
    private java.util.function.Consumer<? super BadRows> badRowReport;   // null: a bad row fails the load
    private boolean withoutLabel;           // features only: new rows to score

    /** A loader with the defaults: header, last column is the label, comma, sorted classes. */
    public CsvLoader() {
    }

    private CsvLoader copy() {
        CsvLoader c = new CsvLoader();
        c.header = header;
        c.labelName = labelName;
        c.labelIndex = labelIndex;
        c.delimiter = delimiter;
        c.classOrder = classOrder;
        c.targetColumns = targetColumns;
        c.classes = classes;
        c.featureColumns = featureColumns;
        c.categoricalColumns = categoricalColumns;
        c.numericColumns = numericColumns;
        c.ignoredColumns = ignoredColumns;
        c.missingTokens = missingTokens;
        c.maxCategories = maxCategories;
        c.minCategoryCount = minCategoryCount;
        c.badRowReport = badRowReport;
        c.withoutLabel = withoutLabel;
        return c;
    }

    /**
     * Fixes the class list: label {@code k} is {@code classNames.get(k)} whatever labels the file
     * has, so data for a trained model keeps the model's numbering. A label not in the list is a
     * {@link DataFormatException} naming the line, the column, the label and the known classes.
     *
     * @param classNames distinct names, at least one
     * @return a loader with the class list fixed
     */
    public CsvLoader withClasses(List<String> classNames) {
        checkNotNull(classNames, "classNames");
        checkArgument(classNames.stream().noneMatch(java.util.Objects::isNull), "class names must not contain null");
        List<String> list = List.copyOf(classNames);
        checkArgument(!list.isEmpty() && new HashSet<>(list).size() == list.size(),
                "class names must be distinct and at least one, got %s", list);
        CsvLoader c = copy();
        c.classes = list;
        return c;
    }

    /**
     * Reads exactly these feature columns, by header name and in this order, e.g. a model's
     * features; a missing column, or a column that is neither one of them nor the label or a
     * target, is a {@link DataFormatException}.
     *
     * @param names the column names
     * @return a loader reading those feature columns
     */
    public CsvLoader withFeatureColumns(List<String> names) {
        checkNotNull(names, "names");
        checkArgument(names.stream().noneMatch(java.util.Objects::isNull), "feature column names must not contain null");
        List<String> list = List.copyOf(names);
        checkArgument(!list.isEmpty() && new HashSet<>(list).size() == list.size(),
                "feature column names must be distinct and at least one, got %s", list);
        CsvLoader c = copy();
        c.featureColumns = list;
        return c;
    }

    /**
     * Regression: the named columns (by header name) are numeric targets, every other column a
     * feature; replaces any label column. Target cells are parsed as strictly as features.
     *
     * @param names one or more distinct column names
     * @return a loader for regression targets
     */
    public CsvLoader withTargetColumns(String... names) {
        checkNotNull(names, "target column names");
        checkArgument(names.length > 0, "give at least one target column name");
        for (int i = 0; i < names.length; i++) {
            checkArgument(names[i] != null, "target column name %d is null", i);
        }
        List<String> list = List.of(names);
        checkArgument(new HashSet<>(list).size() == list.size(), "target column names must be distinct, got %s", list);
        CsvLoader c = copy();
        c.labelName = null;
        c.labelIndex = -1;
        c.targetColumns = list;
        c.withoutLabel = false;
        return c;
    }

    /**
     * Whether the first row holds column names (default true); without one, columns are named column0, column1, ....
     *
     * @param hasHeader whether the first row holds the column names
     * @return a loader with that option changed
     */
    public CsvLoader withHeader(boolean hasHeader) {
        CsvLoader c = copy();
        c.header = hasHeader;
        return c;
    }

    /**
     * The label column by its header name (classification; replaces any target columns).
     *
     * @param name the name
     * @return a loader with that option changed
     */
    public CsvLoader withLabelColumn(String name) {
        checkNotNull(name, "label column name");
        CsvLoader c = copy();
        c.labelName = name;
        c.labelIndex = -1;
        c.targetColumns = List.of();
        c.withoutLabel = false;
        return c;
    }

    /**
     * The label column by its index from 0.
     *
     * @param index the column index, from 0
     * @return a loader with that option changed
     */
    public CsvLoader withLabelColumn(int index) {
        checkArgument(index >= 0, "label column index must be >= 0, got %d", index);
        CsvLoader c = copy();
        c.labelName = null;
        c.labelIndex = index;
        c.targetColumns = List.of();
        c.withoutLabel = false;
        return c;
    }

    /**
     * The cell separator (default {@code ','}); not a quote, line break or space.
     *
     * @param delimiter the cell separator
     * @return a loader with that option changed
     */
    public CsvLoader withDelimiter(char delimiter) {
        checkArgument(delimiter != '"' && delimiter != '\n' && delimiter != '\r' && delimiter != ' ',
                "delimiter must not be a quote, line break or space, got '%s'", delimiter);
        CsvLoader c = copy();
        c.delimiter = delimiter;
        return c;
    }

    /**
     * How class names become class indices (default {@link ClassOrder#SORTED}).
     *
     * @param order how class names become class indices
     * @return a loader with that option changed
     */
    public CsvLoader withClassOrder(ClassOrder order) {
        checkNotNull(order, "class order");
        CsvLoader c = copy();
        c.classOrder = order;
        return c;
    }

    /**
     * Reads these columns as categories (text, one-hot encoded), even when every cell is a number,
     * e.g. a year or a product code; for {@link #loadTable}.
     *
     * @param names column names
     * @return a loader with those columns read as categories
     */
    public CsvLoader withCategoricalColumns(String... names) {
        CsvLoader c = copy();
        c.categoricalColumns = selectors(names, "categorical");
        return c;
    }

    /**
     * Reads these columns, by index from 0, as categories; see {@link #withCategoricalColumns(String...)}.
     *
     * @param indices column indices
     * @return a loader with those columns read as categories
     */
    public CsvLoader withCategoricalColumns(int... indices) {
        CsvLoader c = copy();
        c.categoricalColumns = selectors(indices, "categorical");
        return c;
    }

    /**
     * Reads these columns as numbers: a cell that is not a number is an error naming it, where
     * {@link #loadTable} would otherwise read the column as categories.
     *
     * @param names column names
     * @return a loader with those columns read as numbers
     */
    public CsvLoader withNumericColumns(String... names) {
        CsvLoader c = copy();
        c.numericColumns = selectors(names, "numeric");
        return c;
    }

    /**
     * Reads these columns, by index from 0, as numbers; see {@link #withNumericColumns(String...)}.
     *
     * @param indices column indices
     * @return a loader with those columns read as numbers
     */
    public CsvLoader withNumericColumns(int... indices) {
        CsvLoader c = copy();
        c.numericColumns = selectors(indices, "numeric");
        return c;
    }

    /**
     * Skips these columns, e.g. ids, dates or free text; their cells are not read.
     *
     * @param names column names
     * @return a loader that skips those columns
     */
    public CsvLoader withIgnoredColumns(String... names) {
        CsvLoader c = copy();
        c.ignoredColumns = selectors(names, "ignored");
        return c;
    }

    /**
     * Skips these columns, by index from 0; see {@link #withIgnoredColumns(String...)}.
     *
     * @param indices column indices
     * @return a loader that skips those columns
     */
    public CsvLoader withIgnoredColumns(int... indices) {
        CsvLoader c = copy();
        c.ignoredColumns = selectors(indices, "ignored");
        return c;
    }

    /**
     * Accepts missing feature cells written as one of {@link #DEFAULT_MISSING_TOKENS} (empty,
     * {@code NA}, {@code N/A}, {@code null}, {@code ?}); {@link #loadTable} keeps them as gaps,
     * which a {@link Preprocessing} fills. Without this, a missing cell is an error. A missing
     * label or target is always an error naming its line.
     *
     * @return a loader accepting missing feature cells
     */
    public CsvLoader withMissingValues() {
        return withMissingValues(DEFAULT_MISSING_TOKENS.toArray(new String[0]));
    }

    /**
     * Accepts missing feature cells written as one of {@code tokens} (compared after stripping
     * spaces, case-sensitively); see {@link #withMissingValues()}.
     *
     * @param tokens at least one text, e.g. {@code ""} and {@code "-"}
     * @return a loader accepting missing feature cells
     */
    public CsvLoader withMissingValues(String... tokens) {
        checkNotNull(tokens, "tokens");
        checkArgument(tokens.length > 0, "give at least one missing-value token");
        List<String> list = new java.util.ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            checkArgument(tokens[i] != null, "missing-value token %d is null", i);
            list.add(tokens[i].strip());
        }
        CsvLoader c = copy();
        c.missingTokens = List.copyOf(new java.util.LinkedHashSet<>(list));
        return c;
    }

    /**
     * The most distinct values a category column may have (default {@value #DEFAULT_MAX_CATEGORIES});
     * a text column with more (ids, dates, free text) is refused by {@link #loadTable}, naming it.
     *
     * @param max at least 1
     * @return a loader with that cap
     */
    public CsvLoader withMaxCategories(int max) {
        checkArgument(max >= 1, "max categories must be >= 1, got %d", max);
        CsvLoader c = copy();
        c.maxCategories = max;
        return c;
    }

    /**
     * Groups category values seen in fewer than {@code count} rows into one {@code "(other)"}
     * category (default 1: none), which also takes, at prediction time, any value not seen in
     * training. Only the values that remain count towards {@link #withMaxCategories}.
     *
     * @param count at least 1
     * @return a loader grouping rare values
     */
    public CsvLoader withMinCategoryCount(int count) {
        checkArgument(count >= 1, "min category count must be >= 1, got %d", count);
        CsvLoader c = copy();
        c.minCategoryCount = count;
        return c;
    }

    /**
     * Reads a file of features only, such as new rows to score: no label and no targets, for
     * {@link #loadTable} (a {@link Dataset} needs labels or targets). With
     * {@link #withFeatureColumns}, the other columns are ignored, so a file may carry an id or
     * even the label beside the features.
     *
     * @return a loader for files without a label
     */
    public CsvLoader withoutLabel() {
        CsvLoader c = copy();
        c.withoutLabel = true;
        c.targetColumns = List.of();
        return c;
    }

    /**
     * Loads the good rows and skips the bad ones. By default a load fails on bad rows, listing
     * every one; with this, a row with a wrong cell count, a cell that cannot be read, or a
     * missing label or target is left out, and {@code report} receives, once per load, how many
     * rows were skipped and why (also when none were). Problems of the whole file, its header or
     * a whole column still fail the load.
     *
     * @param report told the skipped rows of each load, e.g. {@code bad -> log.warn(bad.toString())}
     * @return a loader that skips bad rows
     */
    public CsvLoader withBadRowsSkipped(java.util.function.Consumer<? super BadRows> report) {
        checkNotNull(report, "report");
        CsvLoader c = copy();
        c.badRowReport = report;
        return c;
    }

    private static List<Object> selectors(String[] names, String what) {
        checkNotNull(names, what + " column names");
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            checkArgument(names[i] != null, "%s column name %d is null", what, i);
            list.add(names[i]);
        }
        return List.copyOf(list);
    }

    private static List<Object> selectors(int[] indices, String what) {
        checkNotNull(indices, what + " column indices");
        List<Object> list = new java.util.ArrayList<>();
        for (int index : indices) {
            checkArgument(index >= 0, "%s column index must be >= 0, got %d", what, index);
            list.add(index);
        }
        return List.copyOf(list);
    }

    /**
     * Loads a UTF-8 file as a {@link Table}: feature columns of numbers or text categories, with
     * gaps where {@link #withMissingValues} allows them. Each column's kind is inferred (numbers
     * when every present cell is a number, else categories) unless set with
     * {@link #withCategoricalColumns} or {@link #withNumericColumns}.
     *
     * @param path the file
     * @return the table
     * @throws DataFormatException naming the line and column of what is wrong
     */
    public Table loadTable(Path path) {
        checkNotNull(path, "path");
        String source = String.valueOf(path.getFileName());
        try (InputStream in = Files.newInputStream(path)) {
            return new CsvParse(this, source).readTable(new StrictUtf8Reader(in));
        } catch (NoSuchFileException e) {
            throw new DataFormatException(path.toString(), 0, null, "no such file", e);
        } catch (IOException e) {
            throw new DataFormatException(path.toString(), 0, null, "cannot be read: " + e, e);
        }
    }

    /**
     * Loads a table from already decoded text; the reader is read to the end but not closed. See {@link #loadTable(Path)}.
     *
     * @param reader the text
     * @param sourceName what to call the data in error messages, e.g. a file name
     * @return the table
     */
    public Table loadTable(Reader reader, String sourceName) {
        checkNotNull(reader, "reader");
        checkNotNull(sourceName, "sourceName");
        return new CsvParse(this, sourceName).readTable(reader);
    }

    /**
     * Loads a table from a UTF-8 stream, which is not closed. See {@link #loadTable(Path)}.
     *
     * @param in the bytes
     * @param sourceName what to call the data in error messages
     * @return the table
     */
    public Table loadTable(InputStream in, String sourceName) {
        checkNotNull(in, "in");
        checkNotNull(sourceName, "sourceName");
        return new CsvParse(this, sourceName).readTable(new StrictUtf8Reader(in));
    }

    /**
     * Loads a UTF-8 file.
     *
     * @throws DataFormatException if the file cannot be read or is not a valid data set
     * @param path the file
     * @return the data set
     */
    public Dataset load(Path path) {
        checkNotNull(path, "path");
        String source = String.valueOf(path.getFileName());
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, source);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(path.toString(), 0, null, "no such file", e);
        } catch (IOException e) {
            throw new DataFormatException(path.toString(), 0, null, "cannot be read: " + e, e);
        }
    }

    /**
     * Loads from already decoded text; the reader is read to the end but not closed.
     *
     * @param sourceName what to call the data in error messages, e.g. a file name
     * @param reader the text, read to the end but not closed
     * @return the data set
     */
    public Dataset load(Reader reader, String sourceName) {
        checkNotNull(reader, "reader");
        checkNotNull(sourceName, "sourceName");
        return new CsvParse(this, sourceName).read(reader);
    }

    /**
     * Loads a UTF-8 resource from the class path (the context class loader's, else this library's),
     * e.g. {@code "data/train.csv"} packed in the application's JAR.
     *
     * @param resourceName the resource's name on the class path
     * @return the data set
     */
    public Dataset loadResource(String resourceName) {
        checkNotNull(resourceName, "resourceName");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resourceName);
        if (in == null) {
            in = CsvLoader.class.getClassLoader().getResourceAsStream(resourceName);
        }
        if (in == null) {
            // this library's own resources, which its module does not open to class loaders
            try {
                in = CsvLoader.class.getModule().getResourceAsStream(resourceName);
            } catch (IOException e) {
                throw new DataFormatException(resourceName, 0, null, "cannot be read: " + e, e);
            }
        }
        checkArgument(in != null, "class path resource '%s' not found", resourceName);
        try (InputStream stream = in) {
            return load(stream, resourceName);
        } catch (IOException e) {
            throw new DataFormatException(resourceName, 0, null, "cannot be read: " + e, e);
        }
    }

    /** Loads from a UTF-8 byte stream, which is not closed. */
    Dataset load(InputStream in, String sourceName) {
        return new CsvParse(this, sourceName).read(new StrictUtf8Reader(in));
    }

    List<Object> categoricalColumns() {
        return categoricalColumns;
    }

    List<Object> numericColumns() {
        return numericColumns;
    }

    List<Object> ignoredColumns() {
        return ignoredColumns;
    }

    List<String> missingTokens() {
        return missingTokens;
    }

    boolean withoutLabelColumn() {
        return withoutLabel;
    }

    java.util.function.Consumer<? super BadRows> badRowReport() {
        return badRowReport;
    }

    int maxCategories() {
        return maxCategories;
    }

    int minCategoryCount() {
        return minCategoryCount;
    }

    boolean header() {
        return header;
    }

    String labelName() {
        return labelName;
    }

    int labelIndex() {
        return labelIndex;
    }

    char delimiter() {
        return delimiter;
    }

    ClassOrder classOrder() {
        return classOrder;
    }

    List<String> targetColumns() {
        return targetColumns;
    }

    List<String> classes() {
        return classes;
    }

    List<String> featureColumns() {
        return featureColumns;
    }
}
