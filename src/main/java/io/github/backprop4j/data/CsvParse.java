package io.github.backprop4j.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One pass of a {@link CsvLoader} over one source: the state of reading it, then the data set. */
final class CsvParse {

    private final CsvLoader options;
    private final String source;
    private List<String> names;                 // every column, label included
    private int labelColumn;                    // classification: the label's column; else −1
    private boolean[] isTarget;                 // regression: which columns are targets; else null
    private int[] featureColumns;               // the column of each feature, in the data set's order
    private final List<double[]> targetRows = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final boolean table;                // loadTable: typed columns rather than rows of numbers
    private Column[] columns;                   // table: each feature column as it is read
    private int tableRows;
    private long[] lines = new long[1024];      // table: the line of each row
    private final String[] problem = new String[1];   // why the cell just parsed was not a number
    private Schema.Role[] roles;                // per column
    private boolean[] forcedCategory;           // per column: withCategoricalColumns
    private boolean[] forcedNumber;             // per column: withNumericColumns
    private int[] classIds = new int[1024];     // per row, in first-seen numbering
    private final Map<String, Integer> classes = new LinkedHashMap<>();
    private long previousEnd;                   // line on which the previous record ended
    private final RowProblems problems = new RowProblems();      // of the rows read so far
    private String[] stagedCells;               // table: the row being checked, before it is added
    private double[] stagedNumbers;

    CsvParse(CsvLoader options, String source) {
        this(options, source, false);
    }

    private CsvParse(CsvLoader options, String source, boolean table) {
        this.options = options;
        this.source = source;
        this.table = table;
    }

    /** Reads {@code reader} as a {@link Table} of typed columns. */
    Table readTable(Reader reader) {
        CsvParse parse = new CsvParse(options, source, true);
        parse.records(reader);
        Table table = parse.buildTable();
        parse.reportSkipped();
        return table;
    }

    Dataset read(Reader reader) {
        if (options.withoutLabelColumn()) {
            throw new IllegalStateException("a loader withoutLabel reads features only, into a Table: use loadTable"
                    + " (a Dataset needs labels or targets)");
        }
        records(reader);
        Dataset data = build();
        reportSkipped();
        return data;
    }

    private void reportSkipped() {
        if (options.badRowReport() != null) {
            options.badRowReport().accept(problems.badRows());
        }
    }

    /** Records a problem of the row being read; the row is then not added. */
    private void problem(long line, String column, String value, String reason) {
        problems.add(line, new RowProblem(line, column, value, reason));
    }

    /** The bad rows as one exception: a single problem keeps its own message, several are listed. */
    private DataFormatException badRowsError() {
        if (problems.count() == 1) {
            RowProblem p = problems.first();
            return error(p.line(), p.column(), p.reason());
        }
        return new DataFormatException(source, problems.badRows());
    }

    private void records(Reader reader) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(options.delimiter())
                .setIgnoreEmptyLines(false)     // blank lines come as records, so line numbers stay exact
                .get();
        CSVParser parser = parse(format, skipByteOrderMark(reader));
        Iterator<CSVRecord> records = parser.iterator();
        for (CSVRecord record = next(records); record != null; record = next(records)) {
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (names == null) {
                startColumns(record, line);
                if (options.header()) {
                    continue;
                }
            }
            addRow(record, line);
        }
        if (names == null) {
            throw error(1, null, "the file is empty; expected " + (options.header() ? "a header row and " : "") + "data rows");
        }
        if (problems.count() > 0 && (options.badRowReport() == null || rowCount() == 0)) {
            throw badRowsError();
        }
        if (rowCount() == 0) {
            throw error(previousEnd + 1, null, "the header is not followed by any data row");
        }
    }

    private int rowCount() {
        return table ? tableRows : rows.size();
    }

    private CSVParser parse(CSVFormat format, Reader reader) {
        try {
            return format.parse(reader);
        } catch (IOException | UncheckedIOException e) {
            throw readError(e);
        }
    }

    private CSVRecord next(Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw readError(e);
        }
    }

    private DataFormatException readError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.InvalidUtf8Exception bad) {
                return new DataFormatException(source, bad.line, null,
                        "bytes that are not valid UTF-8; save the file as UTF-8", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CSVException || t instanceof IllegalStateException) {
                return new DataFormatException(source, previousEnd + 1, null,
                        "malformed CSV from here on, e.g. a quote that is never closed (" + t.getMessage() + ")", e);
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new DataFormatException(source, previousEnd + 1, null, "could not be read: " + cause, e);
    }

    private Reader skipByteOrderMark(Reader reader) {
        PushbackReader in = new PushbackReader(reader, 1);
        try {
            int first = in.read();
            if (first != -1 && first != '\uFEFF') {
                in.unread(first);
            }
        } catch (IOException e) {
            throw readError(e);
        }
        return in;
    }

    private void startColumns(CSVRecord record, long line) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < record.size(); j++) {
            String name = options.header() ? record.get(j).strip() : "column" + j;
            if (name.isEmpty()) {
                throw error(line, null, "header column " + (j + 1) + " has no name; every column needs one");
            }
            if (!seen.add(name)) {
                throw error(line, name, "the header names column '" + name + "' twice; names must be unique");
            }
            columns.add(name);
        }
        names = columns;
        if (!options.targetColumns().isEmpty()) {
            resolveTargetColumns(line);
        } else if (options.withoutLabelColumn()) {
            labelColumn = -1;
        } else {
            if (columns.size() < 2) {
                throw error(line, null, "expected at least 2 columns (features and a label), got " + columns.size()
                        + delimiterHint(columns));
            }
            labelColumn = resolveLabelColumn(line);
        }
        resolveRoles(line);
        featureColumns = resolveFeatureColumns(line);
    }

    /** The label or targets, then the ignored, categorical and numeric columns the loader names. */
    private void resolveRoles(long line) {
        roles = new Schema.Role[names.size()];
        forcedCategory = new boolean[names.size()];
        forcedNumber = new boolean[names.size()];
        for (int j = 0; j < names.size(); j++) {
            roles[j] = j == labelColumn ? Schema.Role.LABEL : isTarget != null && isTarget[j] ? Schema.Role.TARGET : null;
        }
        for (int j : columnsOf(options.ignoredColumns(), "ignored", line)) {
            roles[j] = Schema.Role.IGNORED;
        }
        for (int j : columnsOf(options.categoricalColumns(), "categorical", line)) {
            if (!table) {
                throw error(line, names.get(j), "column '" + names.get(j) + "' is set as categorical, and a Dataset holds"
                        + " numbers only: load the file with loadTable, which keeps categories");
            }
            forcedCategory[j] = true;
        }
        for (int j : columnsOf(options.numericColumns(), "numeric", line)) {
            if (forcedCategory[j]) {
                throw error(line, names.get(j), "column '" + names.get(j) + "' is set both as categorical and as numeric");
            }
            forcedNumber[j] = true;
        }
        boolean anyFeature = false;
        for (int j = 0; j < names.size(); j++) {
            anyFeature |= roles[j] == null;
        }
        if (!anyFeature) {
            throw error(line, null, "no feature column is left: the columns are " + names + ", the label or targets and"
                    + " the ignored columns take them all");
        }
    }

    /** The columns a list of names or indices selects; each must exist and be a feature column. */
    private List<Integer> columnsOf(List<Object> selectors, String what, long line) {
        List<Integer> out = new ArrayList<>();
        for (Object s : selectors) {
            int j = s instanceof Integer index ? index : names.indexOf((String) s);
            if (j < 0 || j >= names.size()) {
                throw error(line, s instanceof String n ? n : null, what + " column " + (s instanceof String ? "'" + s + "'"
                        : String.valueOf(s)) + " does not exist; the columns are " + names + " (indices from 0)");
            }
            if (roles[j] != null) {
                String role = roles[j] == Schema.Role.LABEL ? "the label column" + labelNote()
                        : roles[j] == Schema.Role.TARGET ? "a target column" : "already ignored";
                throw error(line, names.get(j), "column '" + names.get(j) + "' cannot be " + what + ": it is " + role);
            }
            out.add(j);
        }
        return out;
    }

    /** How the label column was chosen, for messages: by default the last column. */
    private String labelNote() {
        if (options.labelName() != null || options.labelIndex() >= 0 || labelColumn < 0) {
            return "";
        }
        return " (the last column, by default; choose another with withLabelColumn)";
    }

    /** When one header cell holds another usual delimiter, the option to set. */
    private String delimiterHint(List<String> columns) {
        if (columns.size() != 1 || options.delimiter() != ',') {
            return "";
        }
        for (char c : new char[] {';', '\t', '|'}) {
            if (columns.get(0).indexOf(c) >= 0) {
                String shown = c == '\t' ? "\\t" : String.valueOf(c);
                return "; the header contains '" + shown + "', so the file is probably separated by it:"
                        + " use new CsvLoader().withDelimiter('" + shown + "')";
            }
        }
        return "";
    }

    /** The column of each feature: the loader's named ones in their order, else all but the label or targets. */
    private int[] resolveFeatureColumns(long line) {
        List<Integer> chosen = new ArrayList<>();
        if (options.featureColumns() == null) {
            for (int j = 0; j < names.size(); j++) {
                if (roles[j] == null) {
                    chosen.add(j);
                }
            }
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        for (String feature : options.featureColumns()) {
            int j = names.indexOf(feature);
            if (j >= 0 && roles[j] != null) {
                throw error(line, feature, "feature column '" + feature + "' is " + roles[j].name().toLowerCase(java.util.Locale.ROOT)
                        + " in this loader");
            }
            if (j < 0) {
                throw error(line, feature, "feature column '" + feature + "' is missing; expected the features "
                        + options.featureColumns() + ", the file has " + names);
            }
            chosen.add(j);
        }
        for (int j = 0; j < names.size(); j++) {
            if (roles[j] == null && !chosen.contains(j) && options.withoutLabelColumn()) {
                roles[j] = Schema.Role.IGNORED;     // new rows to score may carry an id, or the label
            } else if (roles[j] == null && !chosen.contains(j)) {
                throw error(line, names.get(j), "column '" + names.get(j) + "' is not one of the features "
                        + options.featureColumns());
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private void resolveTargetColumns(long line) {
        isTarget = new boolean[names.size()];
        for (String target : options.targetColumns()) {
            int index = names.indexOf(target);
            if (index < 0) {
                throw error(line, target, "target column '" + target + "' does not exist; the columns are " + names);
            }
            isTarget[index] = true;
        }
        if (options.targetColumns().size() == names.size()) {
            throw error(line, null, "every column is a target; at least one feature column is needed, the columns are "
                    + names);
        }
        labelColumn = -1;
    }

    private int resolveLabelColumn(long line) {
        if (options.labelName() != null) {
            int index = names.indexOf(options.labelName());
            if (index < 0) {
                throw error(line, options.labelName(), "label column '" + options.labelName()
                        + "' does not exist; the columns are " + names);
            }
            return index;
        }
        int index = options.labelIndex() < 0 ? names.size() - 1 : options.labelIndex();
        if (index >= names.size()) {
            throw error(line, null, "label column index " + index + " does not exist; there are "
                    + names.size() + " columns " + names);
        }
        return index;
    }

    /** Checks the row's cells and adds the row, or records its problems and leaves it out. */
    private void addRow(CSVRecord record, long line) {
        int before = problems.count();
        if (record.size() != names.size()) {
            boolean tooFew = record.size() < names.size();
            String column = tooFew ? names.get(record.size()) : names.get(names.size() - 1);
            problem(line, column, null, "expected " + names.size() + " cells as in the "
                    + (options.header() ? "header" : "first row") + ", got " + record.size()
                    + (tooFew ? ": this and later cells are missing" : ": extra cells after this column"));
        } else if (isTarget != null) {
            addRegressionRow(record, line, before);
        } else if (labelColumn < 0) {
            double[] features = checkFeatures(record, line);
            if (problems.count() == before) {
                addFeatures(features, line);
            }
        } else {
            addClassRow(record, line, before);
        }
    }

    private void addClassRow(CSVRecord record, long line, int before) {
        String label = record.get(labelColumn).strip();
        if (label.isEmpty() || options.missingTokens().contains(label)) {
            problem(line, names.get(labelColumn), label, (label.isEmpty() ? "empty label" : "missing label '" + label + "'")
                    + " in the label column '" + names.get(labelColumn) + "'" + labelNote() + "; every row needs a class");
        } else if (options.classes() != null && !options.classes().contains(label)) {
            problem(line, names.get(labelColumn), label, "label '" + label + "' is not one of the known classes "
                    + options.classes() + labelNote());
        }
        double[] features = checkFeatures(record, line);
        if (problems.count() > before) {
            return;
        }
        addFeatures(features, line);
        int row = rowCount() - 1;
        if (row == classIds.length) {
            classIds = Arrays.copyOf(classIds, classIds.length * 2);
        }
        classIds[row] = classes.computeIfAbsent(label, k -> classes.size());
    }

    private void addRegressionRow(CSVRecord record, long line, int before) {
        int targetCount = options.targetColumns().size();
        double[] targets = new double[targetCount];
        for (int t = 0; t < targetCount; t++) {
            int j = names.indexOf(options.targetColumns().get(t));
            String cell = record.get(j).strip();
            if (cell.isEmpty() || options.missingTokens().contains(cell)) {
                problem(line, names.get(j), cell, "missing value in the target column '" + names.get(j)
                        + "'; every row needs its targets");
            } else {
                targets[t] = number(record, j, line, "the target column '" + names.get(j) + "'");
            }
        }
        double[] features = checkFeatures(record, line);
        if (problems.count() > before) {
            return;
        }
        addFeatures(features, line);
        targetRows.add(targets);
    }

    /**
     * Checks the row's feature cells, recording each problem: for a Dataset, returns the row's
     * numbers; for a Table, stages its cells (null when missing) and their numbers, and returns null.
     */
    private double[] checkFeatures(CSVRecord record, long line) {
        if (!table) {
            double[] features = new double[featureColumns.length];
            for (int f = 0; f < featureColumns.length; f++) {
                int j = featureColumns[f];
                String cell = record.get(j).strip();
                if (options.missingTokens().contains(cell)) {
                    problem(line, names.get(j), cell, "missing value; a Dataset holds numbers only: load the file with"
                            + " loadTable, whose Preprocessing fills gaps");
                } else {
                    features[f] = number(record, j, line, null);
                }
            }
            return features;
        }
        if (columns == null) {
            columns = new Column[featureColumns.length];
            for (int f = 0; f < columns.length; f++) {
                columns[f] = new Column(forcedCategory[featureColumns[f]]);
            }
            stagedCells = new String[featureColumns.length];
            stagedNumbers = new double[featureColumns.length];
        }
        for (int f = 0; f < featureColumns.length; f++) {
            int j = featureColumns[f];
            String cell = record.get(j).strip();
            if (options.missingTokens().contains(cell)) {
                cell = null;
            } else if (cell.isEmpty()) {
                problem(line, names.get(j), cell, "empty cell; a file with gaps loads with"
                        + " new CsvLoader().withMissingValues(), which fills them when training");
            } else {
                checkCell(columns[f], f, j, cell, line);
            }
            stagedCells[f] = cell;
        }
        return null;
    }

    /** Adds a checked row: its numbers to a Dataset, or its staged cells to the table's columns. */
    private void addFeatures(double[] features, long line) {
        if (!table) {
            rows.add(features);
            return;
        }
        if (tableRows == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        lines[tableRows] = line;
        for (int f = 0; f < featureColumns.length; f++) {
            addCell(columns[f], stagedCells[f], stagedNumbers[f], line);
        }
        tableRows++;
    }

    /**
     * One feature column of a table as it is read: its numbers while every cell is one, and its
     * distinct texts as codes, so a category's text is kept once and a number's not at all.
     */
    private static final class Column {
        double[] numbers = new double[1024];     // NaN for a gap
        int[] codes = new int[1024];             // index into texts; -1 for a gap
        Map<String, Integer> index = new java.util.HashMap<>();   // null: too many distinct numbers to be categories
        List<String> texts = new ArrayList<>();
        boolean text;                            // a cell was not a number, or the loader says category
        boolean otherText;                       // a cell was neither a number nor a usual missing token
        boolean anyNumber;
        long textLine;                           // the first cell that was not a number, and its line
        String firstText;
        int missing;

        Column(boolean category) {
            text = category;
            otherText = category;
        }
    }

    /**
     * Checks one present cell of feature {@code f} (file column {@code j}) against what its
     * column has been so far, and stages its number (NaN when it is text).
     */
    private void checkCell(Column c, int f, int j, String cell, long line) {
        stagedNumbers[f] = Double.NaN;
        if (c.otherText) {
            return;
        }
        double value = StrictNumbers.parse(cell, problem);
        if (problem[0] == null) {
            stagedNumbers[f] = value;
        } else if (forcedNumber[j]) {
            problem(line, names.get(j), cell, problem[0] + " (the column is set numeric by withNumericColumns)");
        } else if (c.index == null) {
            problem(line, names.get(j), cell, CsvLoader.DEFAULT_MISSING_TOKENS.contains(cell) ? missingHint(cell)
                    : "'" + cell + "' is not a number, in a column of more than " + options.maxCategories()
                    + " distinct numbers: correct it, or see withCategoricalColumns and withIgnoredColumns");
        }
    }

    /** Adds one checked cell (stripped; null for a gap) with its staged number at row {@code tableRows}. */
    private void addCell(Column c, String cell, double number, long line) {
        int row = tableRows;
        if (row == c.numbers.length) {
            c.numbers = Arrays.copyOf(c.numbers, row * 2);
            c.codes = c.codes == null ? null : Arrays.copyOf(c.codes, row * 2);
        }
        if (cell == null) {
            c.numbers[row] = Double.NaN;
            if (c.codes != null) {
                c.codes[row] = -1;
            }
            c.missing++;
            return;
        }
        if (!c.otherText) {
            if (!Double.isNaN(number)) {
                c.numbers[row] = number;
                c.anyNumber = true;
            } else {
                boolean token = CsvLoader.DEFAULT_MISSING_TOKENS.contains(cell);
                if (!c.text) {
                    c.text = true;
                    c.textLine = line;
                    c.firstText = cell;
                }
                c.otherText = !token;
            }
        }
        if (c.index != null) {
            Integer k = c.index.get(cell);
            if (k == null && !c.text && options.minCategoryCount() == 1 && c.texts.size() >= options.maxCategories()) {
                c.index = null;     // numbers so far, and too many of them to be categories: keep them as numbers only
                c.texts = null;
                c.codes = null;
                return;
            }
            if (k == null) {
                k = c.texts.size();
                c.index.put(cell, k);
                c.texts.add(cell);
            }
            c.codes[row] = k;
        }
    }

    private static String missingHint(String cell) {
        return "'" + cell + "' in a column of numbers; if it marks a missing value, accept gaps with"
                + " new CsvLoader().withMissingValues()";
    }

    /**
     * The number in cell {@code j}; else records the problem, naming the line and column, with a
     * hint for a feature cell holding text, and returns 0.
     *
     * @param role what the column is, for a label or target column; null for a feature
     */
    private double number(CSVRecord record, int j, long line, String role) {
        double value = StrictNumbers.parse(record.get(j), problem);
        if (problem[0] != null) {
            String hint = "";
            if (role != null) {
                hint = " in " + role;
            } else if (record.get(j).isBlank()) {
                hint = "; a file with gaps loads with new CsvLoader().withMissingValues() and loadTable";
            } else if (!StrictNumbers.looksNumeric(record.get(j))) {
                hint = "; a text column loads as categories with loadTable"
                        + (labelNote().isEmpty() ? "" : ", and the label is column '" + names.get(labelColumn) + "'"
                        + labelNote());
            }
            problem(line, names.get(j), record.get(j).strip(), problem[0] + hint);
            return 0;
        }
        return value;
    }

    private Dataset build() {
        List<String> featureNames = new ArrayList<>();
        for (int j : featureColumns) {
            featureNames.add(names.get(j));
        }
        if (isTarget != null) {
            return Dataset.owningRegression(rows.toArray(new double[0][]), targetRows.toArray(new double[0][]),
                    featureNames, options.targetColumns());
        }
        List<String> classNames = classNames();
        return Dataset.owning(rows.toArray(new double[0][]), labels(classNames), featureNames, classNames);
    }

    private List<String> classNames() {
        List<String> classNames = new ArrayList<>(classes.keySet());
        if (options.classes() != null) {
            classNames = new ArrayList<>(options.classes());
        } else if (options.classOrder() == CsvLoader.ClassOrder.SORTED) {
            classNames.sort(labelOrder(classNames));
        }
        return classNames;
    }

    private int[] labels(List<String> classNames) {
        int[] finalId = new int[classes.size()];
        for (Map.Entry<String, Integer> seen : classes.entrySet()) {
            // the first-seen number of each label → its index in the class list
            finalId[seen.getValue()] = classNames.indexOf(seen.getKey());
        }
        int[] labels = new int[rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = finalId[classIds[i]];
        }
        return labels;
    }

    /** Each feature column typed (numbers, or text when a cell is not a number or the loader says so), then the table. */
    private Table buildTable() {
        int n = tableRows;
        Object[] typed = new Object[featureColumns.length];
        Map<String, String> notes = new LinkedHashMap<>();
        for (int f = 0; f < featureColumns.length; f++) {
            int j = featureColumns[f];
            Column c = columns[f];
            String missing = c.missing > 0 ? c.missing + " missing" : "";
            if (!c.text) {
                if (c.missing == n) {
                    throw error(lines[0], names.get(j), "column '" + names.get(j) + "' has no value in any row;"
                            + " skip it with withIgnoredColumns(\"" + names.get(j) + "\")");
                }
                roles[j] = Schema.Role.NUMBER;
                typed[f] = Arrays.copyOf(c.numbers, n);
                notes.put(names.get(j), (forcedNumber[j] ? "by withNumericColumns" + (missing.isEmpty() ? "" : ", ") : "") + missing);
                continue;
            }
            if (c.anyNumber && !c.otherText) {
                throw error(c.textLine, names.get(j), missingHint(c.firstText));
            }
            roles[j] = Schema.Role.CATEGORY;
            checkCategories(c, n, j);
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = c.codes[i] < 0 ? null : c.texts.get(c.codes[i]);
            }
            typed[f] = values;
            notes.put(names.get(j), c.texts.size() + " values" + (forcedCategory[j] ? ", by withCategoricalColumns" : "")
                    + (missing.isEmpty() ? "" : ", " + missing));
        }
        Map<String, Schema.Role> schemaRoles = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Schema.Role role = roles[j] == null ? Schema.Role.IGNORED : roles[j];   // columns the model's features leave out
            schemaRoles.put(names.get(j), role);
            if (role == Schema.Role.LABEL) {
                notes.put(names.get(j), classes.size() + " classes" + (labelNote().isEmpty() ? "" : ", the last column by default"));
            }
        }
        Schema schema = new Schema(schemaRoles, notes, options.missingTokens(), options.minCategoryCount());
        long[] rowLines = Arrays.copyOf(lines, n);
        List<String> featureNames = new ArrayList<>();
        for (int j : featureColumns) {
            featureNames.add(names.get(j));
        }
        if (isTarget != null) {
            return new Table(source, schema, featureNames, typed, rowLines, null, List.of(), targetRows.toArray(new double[0][]),
                    options.targetColumns());
        }
        if (labelColumn < 0) {
            return new Table(source, schema, featureNames, typed, rowLines, null, List.of(), null, List.of());
        }
        List<String> classNames = classNames();
        return new Table(source, schema, featureNames, typed, rowLines, labels(classNames), classNames, null, List.of());
    }

    /** Refuses a category column with more distinct values than the cap (counting, with a minimum count, only those kept). */
    private void checkCategories(Column c, int n, int j) {
        int[] counts = new int[c.texts.size()];
        for (int i = 0; i < n; i++) {
            if (c.codes[i] >= 0) {
                counts[c.codes[i]]++;
            }
        }
        int minimum = options.minCategoryCount();
        int kept = 0;
        for (int count : counts) {
            kept += count >= minimum ? 1 : 0;
        }
        if (kept > options.maxCategories()) {
            throw error(lines[0], names.get(j), "column '" + names.get(j) + "' has " + counts.length + " distinct text values"
                    + (minimum > 1 ? " (" + kept + " seen at least " + minimum + " times)" : "") + ", more than the "
                    + options.maxCategories() + " a category column may have (ids, dates or free text?): skip it with"
                    + " withIgnoredColumns(\"" + names.get(j) + "\"), group rare values into \"(other)\" with"
                    + " withMinCategoryCount(n), or raise the cap with withMaxCategories(n)");
        }
    }

    private static Comparator<String> labelOrder(List<String> labels) {
        boolean numeric = labels.stream().allMatch(StrictNumbers::isPlainDecimal);
        Comparator<String> byText = Comparator.naturalOrder();
        return numeric ? Comparator.comparingDouble(Double::parseDouble).thenComparing(byText) : byText;
    }

    private DataFormatException error(long line, String column, String problem) {
        return new DataFormatException(source, line, column, problem, null);
    }
}
