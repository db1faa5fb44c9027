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
 * <pre>{@code
 * Dataset data = new CsvLoader().withLabelColumn("species").load(Path.of("iris.csv"));
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

    private final boolean header;
    private final String labelName;     // null: use labelIndex
    private final int labelIndex;       // -1: the last column
    private final char delimiter;
    private final ClassOrder classOrder;
    private final List<String> targetColumns;   // empty: classification with a label column
    private final List<String> classes;         // null: numbered from the file's own labels
    private final List<String> featureColumns;  // null: every column but the label or targets

    /** A loader with the defaults: header, last column is the label, comma, sorted classes. */
    public CsvLoader() {
        this(true, null, -1, ',', ClassOrder.SORTED, List.of(), null, null);
    }

    private CsvLoader(boolean header, String labelName, int labelIndex, char delimiter, ClassOrder classOrder,
            List<String> targetColumns, List<String> classes, List<String> featureColumns) {
        this.header = header;
        this.labelName = labelName;
        this.labelIndex = labelIndex;
        this.delimiter = delimiter;
        this.classOrder = classOrder;
        this.targetColumns = targetColumns;
        this.classes = classes;
        this.featureColumns = featureColumns;
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
        return new CsvLoader(header, labelName, labelIndex, delimiter, classOrder, targetColumns, list, featureColumns);
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
        return new CsvLoader(header, labelName, labelIndex, delimiter, classOrder, targetColumns, classes, list);
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
        return new CsvLoader(header, null, -1, delimiter, classOrder, list, classes, featureColumns);
    }

    /**
     * Whether the first row holds column names (default true); without one, columns are named column0, column1, ....
     *
     * @param hasHeader whether the first row holds the column names
     * @return a loader with that option changed
     */
    public CsvLoader withHeader(boolean hasHeader) {
        return new CsvLoader(hasHeader, labelName, labelIndex, delimiter, classOrder, targetColumns, classes, featureColumns);
    }

    /**
     * The label column by its header name (classification; replaces any target columns).
     *
     * @param name the name
     * @return a loader with that option changed
     */
    public CsvLoader withLabelColumn(String name) {
        checkNotNull(name, "label column name");
        return new CsvLoader(header, name, -1, delimiter, classOrder, List.of(), classes, featureColumns);
    }

    /**
     * The label column by its index from 0.
     *
     * @param index the column index, from 0
     * @return a loader with that option changed
     */
    public CsvLoader withLabelColumn(int index) {
        checkArgument(index >= 0, "label column index must be >= 0, got %d", index);
        return new CsvLoader(header, null, index, delimiter, classOrder, List.of(), classes, featureColumns);
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
        return new CsvLoader(header, labelName, labelIndex, delimiter, classOrder, targetColumns, classes, featureColumns);
    }

    /**
     * How class names become class indices (default {@link ClassOrder#SORTED}).
     *
     * @param order how class names become class indices
     * @return a loader with that option changed
     */
    public CsvLoader withClassOrder(ClassOrder order) {
        checkNotNull(order, "class order");
        return new CsvLoader(header, labelName, labelIndex, delimiter, order, targetColumns, classes, featureColumns);
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
