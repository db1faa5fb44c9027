package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.data.PreprocessingOptions.Imputation;
import io.github.backprop4j.data.PreprocessingOptions.UnknownCategories;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything between a raw row and a network's inputs, fitted on training rows: each feature
 * column's encoding ({@link NumericColumn}: gaps filled with the training median or mean, with
 * an optional indicator; {@link CategoricalColumn}: one-hot over the training categories), then a
 * {@link StandardScaler} over the encoded inputs. A {@code Model} keeps it and saves it in its
 * file. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * Preprocessing prep = Preprocessing.fit(split.train(), PreprocessingOptions.defaults());
 * double[][] x = prep.transform(split.test());
 * double[] row = prep.transformRow(Map.of("island", "Dream", "bill_length_mm", 39.1, ...));
 * }</pre>
 */
public final class Preprocessing {

    private final List<EncodedColumn> columns;
    private final List<String> missingTokens;
    private final UnknownCategories unknownCategories;
    private final StandardScaler scaler;
    private final List<String> inputNames;
    private final List<String> columnNames;
    private final int[] offsets;                        // first input of each column
    private final List<Map<String, Integer>> indices;   // per column: category → input within it; null for numbers

    /**
     * A preprocessing from parts, e.g. read back from a model file.
     *
     * @param columns           the feature columns' encodings, in raw column order, distinct names
     * @param missingTokens     cell texts read as missing; empty when missing values are refused
     * @param unknownCategories what a category unseen in training becomes
     * @param scaler            the standardisation of the encoded inputs
     */
    public Preprocessing(List<EncodedColumn> columns, List<String> missingTokens, UnknownCategories unknownCategories,
            StandardScaler scaler) {
        checkNotNull(columns, "columns");
        checkNotNull(missingTokens, "missingTokens");
        checkArgument(!new ArrayList<>(columns).contains(null) && !new ArrayList<>(missingTokens).contains(null),
                "columns and missingTokens must not hold null");
        this.columns = List.copyOf(columns);
        this.missingTokens = List.copyOf(missingTokens);
        this.unknownCategories = checkNotNull(unknownCategories, "unknownCategories");
        this.scaler = checkNotNull(scaler, "scaler");
        checkArgument(!this.columns.isEmpty(), "a preprocessing needs at least one column");
        List<String> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        this.offsets = new int[this.columns.size()];
        this.indices = new ArrayList<>();
        for (int c = 0; c < this.columns.size(); c++) {
            EncodedColumn column = this.columns.get(c);
            checkArgument(!names.contains(column.name()), "column '%s' appears twice", column.name());
            names.add(column.name());
            offsets[c] = inputs.size();
            inputs.addAll(column.inputNames());
            if (column instanceof CategoricalColumn categorical) {
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < categorical.categories().size(); k++) {
                    index.put(categorical.categories().get(k), k);
                }
                indices.add(index);
            } else {
                indices.add(null);
            }
        }
        checkArgument(scaler.columns() == inputs.size(), "the scaler has %d columns but the columns encode to %d inputs %s",
                scaler.columns(), inputs.size(), inputs);
        this.inputNames = List.copyOf(inputs);
        this.columnNames = List.copyOf(names);
    }

    /**
     * Fits on every row of {@code data}: the categories, the fill values and the scaler.
     *
     * @param data    the training rows
     * @param options how to fill gaps and what an unseen category becomes
     * @return the fitted preprocessing
     */
    public static Preprocessing fit(Table data, PreprocessingOptions options) {
        checkNotNull(data, "data");
        return fit(data, io.github.backprop4j.internal.Permutations.identity(data.size()), options);
    }

    /**
     * Fits the encoding's shape on every row of {@code data} (which categories exist, which columns
     * have gaps, so {@link #inputCount(Table, PreprocessingOptions)} knows the network's inputs
     * from {@code data} alone), and its numbers (fill values, the scaler) on {@code statisticsRows}
     * only, e.g. the rows left after a validation hold-out.
     *
     * @param data           the training rows
     * @param statisticsRows indices of the rows the fill values and the scaler are fitted on
     * @param options        how to fill gaps and what an unseen category becomes
     * @return the fitted preprocessing
     */
    public static Preprocessing fit(Table data, int[] statisticsRows, PreprocessingOptions options) {
        checkNotNull(data, "data");
        checkNotNull(statisticsRows, "statisticsRows");
        checkNotNull(options, "options");
        checkArgument(statisticsRows.length > 0, "statisticsRows must not be empty");
        Table statistics = data.rows(statisticsRows);
        List<EncodedColumn> columns = new ArrayList<>();
        for (String name : data.featureNames()) {
            if (data.isCategorical(name)) {
                columns.add(categorical(data, name));
            } else {
                boolean indicator = options.missingIndicators() && data.missingCount(name) > 0;
                double fill = fillValue(statistics.numbers(name), options.imputation(), name);
                columns.add(new NumericColumn(name, options.imputation(), fill, indicator));
            }
        }
        int width = 0;
        for (EncodedColumn column : columns) {
            width += column.inputNames().size();
        }
        StandardScaler identity = new StandardScaler(new double[width], filled(width, 1.0));
        Preprocessing unscaled = new Preprocessing(columns, data.schema().missingTokens(), options.unknownCategories(), identity);
        StandardScaler scaler = StandardScaler.fit(unscaled.encode(statistics, false));
        return new Preprocessing(columns, data.schema().missingTokens(), options.unknownCategories(), scaler);
    }

    /**
     * {@return how many network inputs {@code data} encodes to with these options: the input count
     * the first layer needs}
     *
     * @param data    the training rows
     * @param options the options
     */
    public static int inputCount(Table data, PreprocessingOptions options) {
        return fit(data, options).inputCount();
    }

    /** The categories with at least the schema's minimum count, sorted; the rest become "(other)". */
    private static CategoricalColumn categorical(Table data, String name) {
        Map<String, Integer> counts = new TreeMap<>();
        boolean missing = false;
        for (String value : (String[]) data.column(data.featureNames().indexOf(name))) {
            if (value == null) {
                missing = true;
            } else {
                counts.merge(value, 1, Integer::sum);
            }
        }
        int minimum = data.schema().minCategoryCount();
        TreeSet<String> kept = new TreeSet<>();
        boolean other = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minimum) {
                kept.add(e.getKey());
            } else {
                other = true;
            }
        }
        return new CategoricalColumn(name, new ArrayList<>(kept), other, missing);
    }

    private static double fillValue(double[] values, Imputation imputation, String name) {
        double[] present = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                present[n++] = v;
            }
        }
        present = Arrays.copyOf(present, n);
        checkArgument(present.length > 0, "column '%s' has no value in the training rows to fill its gaps with", name);
        if (imputation == Imputation.MEAN) {
            // μ = (1/n) Σ x_i over the present values
            double sum = 0;
            for (double v : present) {
                sum += v;
            }
            return sum / present.length;
        }
        // the median: the middle value, or the mean of the two middle ones
        Arrays.sort(present);
        int half = present.length / 2;
        return present.length % 2 == 1 ? present[half] : (present[half - 1] + present[half]) / 2;
    }

    /** {@return the feature columns' encodings, in raw column order} */
    public List<EncodedColumn> columns() {
        return columns;
    }

    /** {@return the raw feature columns' names, in order} */
    public List<String> columnNames() {
        return columnNames;
    }

    /** {@return the names of the network inputs, e.g. {@code bill_length_mm}, {@code island=Dream}} */
    public List<String> inputNames() {
        return inputNames;
    }

    /** {@return the number of network inputs} */
    public int inputCount() {
        return inputNames.size();
    }

    /** {@return the cell texts read as missing; empty when missing values are refused} */
    public List<String> missingTokens() {
        return missingTokens;
    }

    /** {@return what a category unseen in training becomes} */
    public UnknownCategories unknownCategories() {
        return unknownCategories;
    }

    /** {@return the standardisation applied to the encoded inputs} */
    public StandardScaler scaler() {
        return scaler;
    }

    /**
     * Encodes and scales every row of a table with these feature columns.
     *
     * @param table rows with this preprocessing's feature columns, of the same kinds
     * @return {@code [table.size() × inputCount()]}
     * @throws IllegalArgumentException naming the column, the row and its line for a column that
     *                                  is absent or of another kind, or an unseen category under
     *                                  {@link UnknownCategories#ERROR}
     */
    public double[][] transform(Table table) {
        checkNotNull(table, "table");
        return encode(table, true);
    }

    private double[][] encode(Table table, boolean scale) {
        int[] source = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).name();
            source[c] = table.featureNames().indexOf(name);
            checkArgument(source[c] >= 0, "the table has no column '%s'; it has %s", name, table.featureNames());
            boolean categorical = columns.get(c) instanceof CategoricalColumn;
            checkArgument(table.isCategorical(name) == categorical, "column '%s' holds %s in the table but %s in this"
                    + " preprocessing", name, table.isCategorical(name) ? "text" : "numbers", categorical ? "text" : "numbers");
        }
        double[][] out = new double[table.size()][inputCount()];
        Problems problems = new Problems();
        for (int i = 0; i < table.size(); i++) {
            for (int c = 0; c < columns.size(); c++) {
                Object values = table.column(source[c]);
                if (values instanceof double[] numbers) {
                    if (Double.isNaN(numbers[i]) && missingTokens.isEmpty()) {
                        String reason = "missing, and the model was trained without missing values";
                        problems.add(table, i, columnNames.get(c), null,
                                where(table, i) + ": column '" + columnNames.get(c) + "' is " + reason, reason);
                        continue;
                    }
                    encodeNumber(c, numbers[i], out[i]);
                } else {
                    encodeCategory(c, ((String[]) values)[i], out[i], table, i, problems);
                }
            }
            if (scale) {
                scaler.transformRow(out[i], out[i]);
            }
        }
        problems.throwIfAny(table);
        return out;
    }

    /**
     * The cells of a table that cannot be encoded: one is an {@link IllegalArgumentException} with
     * its own message, several a {@link DataFormatException} listing each by line.
     */
    private static final class Problems {
        private final RowProblems rows = new RowProblems();
        private String first;

        void add(Table table, int row, String column, String value, String message, String reason) {
            first = first == null ? message : first;
            rows.add(row, new RowProblem(table.line(row), column, value, reason));
        }

        void throwIfAny(Table table) {
            if (rows.count() == 1) {
                throw new IllegalArgumentException(first);
            }
            if (rows.count() > 1) {
                throw new DataFormatException(table.source(), rows.badRows());
            }
        }
    }

    /**
     * Encodes and scales one row given by column name: numbers as {@link Number} or as numeric text,
     * categories as text (a whole {@code Integer} or {@code Long} is read as its digits), and a
     * gap as null or one of the missing tokens.
     *
     * @param row one value per feature column, by name
     * @return the {@code inputCount()} network inputs
     * @throws IllegalArgumentException naming the missing or extra names, or the column and value
     *                                  that is wrong
     */
    public double[] transformRow(Map<String, ?> row) {
        checkNotNull(row, "row");
        List<String> absent = new ArrayList<>();
        for (String name : columnNames) {
            if (!row.containsKey(name)) {
                absent.add(name);
            }
        }
        List<Object> extra = new ArrayList<>(row.keySet());
        extra.removeAll(columnNames);
        if (!absent.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("the row " + (absent.isEmpty() ? "" : "lacks " + absent)
                    + (absent.isEmpty() || extra.isEmpty() ? "" : " and ")
                    + (extra.isEmpty() ? "" : "has names that are not columns " + extra) + "; the columns are " + columnNames);
        }
        double[] out = new double[inputCount()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).name();
            Object value = row.get(name);
            if (columns.get(c) instanceof NumericColumn) {
                encodeNumber(c, number(name, value), out);
            } else {
                encodeCategory(c, category(name, value), out, null, 0, null);
            }
        }
        scaler.transformRow(out, out);
        return out;
    }

    /**
     * Encodes and scales one row given as numbers in {@link #columnNames()} order, NaN for a gap;
     * for preprocessings whose columns are all numeric.
     *
     * @param row one number per column
     * @return the {@code inputCount()} network inputs
     */
    public double[] transformRow(double[] row) {
        checkArgument(row != null && row.length == columns.size(), "the row has %s values but there are %d columns %s",
                row == null ? "no" : String.valueOf(row.length), columns.size(), columnNames);
        Map<String, Object> named = new HashMap<>();
        for (int c = 0; c < row.length; c++) {
            named.put(columnNames.get(c), Double.isNaN(row[c]) ? null : (Object) row[c]);
        }
        return transformRow(named);
    }

    private double number(String name, Object value) {
        if (value == null || value instanceof CharSequence text && missingTokens.contains(text.toString().strip())) {
            checkArgument(!missingTokens.isEmpty(), "column '%s' is missing, and the model was trained without missing"
                    + " values", name);
            return Double.NaN;
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            checkArgument(Double.isFinite(v), "column '%s': %s is not a finite number", name, value);
            return v;
        }
        if (value instanceof CharSequence text) {
            String[] problem = new String[1];
            double v = StrictNumbers.parse(text.toString(), problem);
            checkArgument(problem[0] == null, "column '%s': %s", name, problem[0]);
            return v;
        }
        throw new IllegalArgumentException("column '" + name + "' is numeric; got a " + value.getClass().getSimpleName()
                + " (" + value + "), expected a Number or numeric text");
    }

    private String category(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        checkArgument(value instanceof CharSequence, "column '%s' holds categories; got a %s (%s), expected text",
                name, value.getClass().getSimpleName(), value);
        String text = value.toString().strip();
        return missingTokens.contains(text) ? null : text;
    }

    private void encodeNumber(int c, double value, double[] out) {
        NumericColumn column = (NumericColumn) columns.get(c);
        boolean missing = Double.isNaN(value);
        out[offsets[c]] = missing ? column.fill() : value;
        if (column.indicator()) {
            out[offsets[c] + 1] = missing ? 1 : 0;
        }
    }

    /** Where a row is, for messages: its index and line, or "the row" for a single row. */
    private static String where(Table table, int row) {
        return table == null ? "the row" : "row " + row + " (line " + table.line(row) + " of " + table.source() + ")";
    }

    /** One-hot encodes a category; a value it cannot encode is thrown (a single row) or added to {@code problems}. */
    private void encodeCategory(int c, String value, double[] out, Table table, int row, Problems problems) {
        CategoricalColumn column = (CategoricalColumn) columns.get(c);
        int start = offsets[c];
        int known = column.categories().size();
        if (value == null) {
            if (column.missing()) {
                out[start + known + (column.other() ? 1 : 0)] = 1;
                return;
            }
            if (missingTokens.isEmpty()) {
                String reason = "missing, and the model was trained without missing values";
                report(problems, table, row, column.name(), null, where(table, row) + ": column '" + column.name() + "' is "
                        + reason, reason);
                return;
            }
        } else {
            Integer k = indices.get(c).get(value);
            if (k != null) {
                out[start + k] = 1;
                return;
            }
            if (column.other()) {
                out[start + known] = 1;
                return;
            }
        }
        if (unknownCategories == UnknownCategories.ERROR) {
            String reason = (value == null ? "a missing value, which the training rows never had in this column"
                    : "category '" + value + "' was not in the training rows")
                    + "; the known categories are " + column.categories()
                    + " (PreprocessingOptions.withUnknownCategories(ALL_ZEROS) encodes such values as zeros)";
            report(problems, table, row, column.name(), value, where(table, row) + ", column '" + column.name() + "': "
                    + reason, reason);
        }
        // ALL_ZEROS: every one-hot input of the column stays 0
    }

    private static void report(Problems problems, Table table, int row, String column, String value, String message,
            String reason) {
        if (problems == null) {
            throw new IllegalArgumentException(message);
        }
        problems.add(table, row, column, value, message, reason);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /** The columns' encodings and the input count, e.g. {@code Preprocessing(11 inputs from [CategoricalColumn[...], ...])}. */
    @Override
    public String toString() {
        return "Preprocessing(" + inputCount() + " inputs from " + columns + ")";
    }
}
