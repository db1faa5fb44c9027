package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.List;

/**
 * Raw rows as {@link CsvLoader#loadTable} read them, not yet numbers: typed feature columns
 * (numbers with gaps as NaN, categories as text with gaps as null) and the class labels or the
 * regression targets. A {@link Preprocessing} turns it into network inputs; {@code Model.train}
 * fits one on a table. Immutable; getters return copies.
 *
 * <pre>{@code
 * Table penguins = new CsvLoader().withLabelColumn("species").withMissingValues().loadTable(file);
 * System.out.print(penguins.schema());
 * TableSplit split = Splits.stratified(penguins, 0.2, 7L);
 * }</pre>
 */
public final class Table {

    private final String source;
    private final Schema schema;
    private final List<String> featureNames;
    private final Object[] columns;         // per feature: double[] (NaN = missing) or String[] (null = missing)
    private final long[] lines;             // the file line of each row
    private final int[] labels;             // classification, else null
    private final List<String> classNames;
    private final double[][] targets;       // regression, else null
    private final List<String> targetNames;

    Table(String source, Schema schema, List<String> featureNames, Object[] columns, long[] lines, int[] labels,
            List<String> classNames, double[][] targets, List<String> targetNames) {
        this.source = source;
        this.schema = schema;
        this.featureNames = List.copyOf(featureNames);
        this.columns = columns;
        this.lines = lines;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.targets = targets;
        this.targetNames = List.copyOf(targetNames);
    }

    /** {@return what each column is, as loaded} */
    public Schema schema() {
        return schema;
    }

    /** {@return the name of the source it was loaded from, for messages} */
    public String source() {
        return source;
    }

    /** {@return the number of rows} */
    public int size() {
        return lines.length;
    }

    /** {@return the feature columns' names, in the order loaded: the file's, or the loader's {@code withFeatureColumns}} */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * {@return whether a feature column holds text categories rather than numbers}
     *
     * @param column a feature column's name
     */
    public boolean isCategorical(String column) {
        return columns[index(column)] instanceof String[];
    }

    /**
     * {@return a numeric column's values, NaN where a cell was missing}
     *
     * @param column a numeric feature column's name
     */
    public double[] numbers(String column) {
        Object values = columns[index(column)];
        checkArgument(values instanceof double[], "column '%s' holds categories, not numbers", column);
        return ((double[]) values).clone();
    }

    /**
     * {@return a category column's values, null where a cell was missing}
     *
     * @param column a category feature column's name
     */
    public String[] categories(String column) {
        Object values = columns[index(column)];
        checkArgument(values instanceof String[], "column '%s' holds numbers, not categories", column);
        return ((String[]) values).clone();
    }

    /**
     * {@return the number of missing cells in a feature column}
     *
     * @param column a feature column's name
     */
    public int missingCount(String column) {
        Object values = columns[index(column)];
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (missing(values, i)) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@return per column: its kind, missing and distinct counts, and its range or most frequent
     * values; print it for a table of the columns}
     */
    public DataSummary describe() {
        return DataSummary.of(this);
    }

    /** {@return whether this table has regression targets rather than class labels} */
    public boolean isRegression() {
        return targets != null;
    }

    /** {@return a copy of the class labels, indices into {@link #classNames()}} */
    public int[] labels() {
        checkArgument(labels != null, targets != null ? "this table has regression targets %s, not labels"
                : "this table has no labels: it holds features only (CsvLoader.withoutLabel)", targetNames);
        return labels.clone();
    }

    /** {@return the class names in label order (empty for regression)} */
    public List<String> classNames() {
        return classNames;
    }

    /** {@return a copy of the regression targets, one row per row} */
    public double[][] targets() {
        checkArgument(targets != null, labels != null ? "this table has class labels, not regression targets"
                : "this table has no targets: it holds features only (CsvLoader.withoutLabel)");
        double[][] copy = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            copy[i] = targets[i].clone();
        }
        return copy;
    }

    /** {@return the target names (empty for classification)} */
    public List<String> targetNames() {
        return targetNames;
    }

    /** {@return the file line each row came from} */
    public long[] lines() {
        return lines.clone();
    }

    /**
     * {@return the rows at {@code indices}, in that order, with the same schema and names}
     *
     * @param indices row indices, each in {@code [0, size())}
     */
    public Table rows(int[] indices) {
        checkNotNull(indices, "indices");
        checkArgument(indices.length > 0, "indices must not be empty");
        for (int i = 0; i < indices.length; i++) {
            checkArgument(indices[i] >= 0 && indices[i] < size(),
                    "indices[%d] is %d, expected a row index in [0, %d)", i, indices[i], size());
        }
        Object[] picked = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof double[] numbers) {
                double[] out = new double[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    out[i] = numbers[indices[i]];
                }
                picked[c] = out;
            } else {
                String[] text = (String[]) columns[c];
                String[] out = new String[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    out[i] = text[indices[i]];
                }
                picked[c] = out;
            }
        }
        long[] pickedLines = new long[indices.length];
        int[] pickedLabels = labels == null ? null : new int[indices.length];
        double[][] pickedTargets = targets == null ? null : new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            pickedLines[i] = lines[indices[i]];
            if (labels != null) {
                pickedLabels[i] = labels[indices[i]];
            } else if (targets != null) {
                pickedTargets[i] = targets[indices[i]].clone();
            }
        }
        return new Table(source, schema, featureNames, picked, pickedLines, pickedLabels, classNames, pickedTargets, targetNames);
    }

    /** The raw value at a row: a Double (NaN if missing) or a String (null if missing). */
    Object cell(int column, int row) {
        return columns[column] instanceof double[] numbers ? (Object) numbers[row] : ((String[]) columns[column])[row];
    }

    /** The column arrays themselves, for the preprocessing in this package: not to be changed. */
    Object column(int index) {
        return columns[index];
    }

    long line(int row) {
        return lines[row];
    }

    private static boolean missing(Object values, int i) {
        return values instanceof double[] numbers ? Double.isNaN(numbers[i]) : ((String[]) values)[i] == null;
    }

    private int index(String column) {
        checkNotNull(column, "column");
        int index = featureNames.indexOf(column);
        checkArgument(index >= 0, "no feature column '%s'; the features are %s", column, featureNames);
        return index;
    }

    /** E.g. {@code Table(344 rows, features [island, ...])}; {@link #schema()} tells each column's kind. */
    @Override
    public String toString() {
        return "Table(" + size() + " rows, features " + featureNames + ")";
    }
}
