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
    private int[] classIds = new int[1024];     // per row, in first-seen numbering
    private final Map<String, Integer> classes = new LinkedHashMap<>();
    private long previousEnd;                   // line on which the previous record ended

    CsvParse(CsvLoader options, String source) {
        this.options = options;
        this.source = source;
    }

    Dataset read(Reader reader) {
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
        if (rows.isEmpty()) {
            throw error(previousEnd + 1, null, "the header is not followed by any data row");
        }
        return build();
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
        } else {
            if (columns.size() < 2) {
                throw error(line, null, "expected at least 2 columns (features and a label), got " + columns.size()
                        + delimiterHint(columns));
            }
            labelColumn = resolveLabelColumn(line);
        }
        featureColumns = resolveFeatureColumns(line);
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
                if (j != labelColumn && (isTarget == null || !isTarget[j])) {
                    chosen.add(j);
                }
            }
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        for (String feature : options.featureColumns()) {
            int j = names.indexOf(feature);
            if (j < 0) {
                throw error(line, feature, "feature column '" + feature + "' is missing; expected the features "
                        + options.featureColumns() + ", the file has " + names);
            }
            chosen.add(j);
        }
        for (int j = 0; j < names.size(); j++) {
            if (j != labelColumn && (isTarget == null || !isTarget[j]) && !chosen.contains(j)) {
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

    private void addRow(CSVRecord record, long line) {
        if (record.size() != names.size()) {
            boolean tooFew = record.size() < names.size();
            String column = tooFew ? names.get(record.size()) : names.get(names.size() - 1);
            throw error(line, column, "expected " + names.size() + " cells as in the "
                    + (options.header() ? "header" : "first row") + ", got " + record.size()
                    + (tooFew ? ": this and later cells are missing" : ": extra cells after this column"));
        }
        if (isTarget != null) {
            addRegressionRow(record, line);
            return;
        }
        double[] features = features(record, line);
        String label = record.get(labelColumn).strip();
        if (label.isEmpty()) {
            throw error(line, names.get(labelColumn), "empty label; every row needs a class");
        }
        if (rows.size() == classIds.length) {
            classIds = Arrays.copyOf(classIds, classIds.length * 2);
        }
        if (options.classes() != null && !options.classes().contains(label)) {
            throw error(line, names.get(labelColumn), "label '" + label + "' is not one of the known classes "
                    + options.classes());
        }
        classIds[rows.size()] = classes.computeIfAbsent(label, k -> classes.size());
        rows.add(features);
    }

    private void addRegressionRow(CSVRecord record, long line) {
        int targetCount = options.targetColumns().size();
        double[] features = features(record, line);
        double[] targets = new double[targetCount];
        String[] problem = new String[1];
        for (int t = 0; t < targetCount; t++) {
            targets[t] = number(record, names.indexOf(options.targetColumns().get(t)), line, problem);
        }
        rows.add(features);
        targetRows.add(targets);
    }

    private double[] features(CSVRecord record, long line) {
        double[] features = new double[featureColumns.length];
        String[] problem = new String[1];
        for (int f = 0; f < featureColumns.length; f++) {
            features[f] = number(record, featureColumns[f], line, problem);
        }
        return features;
    }

    /** The number in cell {@code j}, or a DataFormatException naming the line and column. */
    private double number(CSVRecord record, int j, long line, String[] problem) {
        double value = StrictNumbers.parse(record.get(j), problem);
        if (problem[0] != null) {
            throw error(line, names.get(j), problem[0]);
        }
        return value;
    }

    private Dataset build() {
        if (isTarget != null) {
            List<String> featureNames = new ArrayList<>();
            for (int j : featureColumns) {
                featureNames.add(names.get(j));
            }
            return Dataset.owningRegression(rows.toArray(new double[0][]), targetRows.toArray(new double[0][]),
                    featureNames, options.targetColumns());
        }
        List<String> classNames = new ArrayList<>(classes.keySet());
        if (options.classes() != null) {
            classNames = new ArrayList<>(options.classes());
        } else if (options.classOrder() == CsvLoader.ClassOrder.SORTED) {
            classNames.sort(labelOrder(classNames));
        }
        int[] finalId = new int[classes.size()];
        for (Map.Entry<String, Integer> seen : classes.entrySet()) {
            // the first-seen number of each label → its index in the class list
            finalId[seen.getValue()] = classNames.indexOf(seen.getKey());
        }
        int[] labels = new int[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = finalId[classIds[i]];
        }
        List<String> featureNames = new ArrayList<>();
        for (int j : featureColumns) {
            featureNames.add(names.get(j));
        }
        return Dataset.owning(rows.toArray(new double[0][]), labels, featureNames, classNames);
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
