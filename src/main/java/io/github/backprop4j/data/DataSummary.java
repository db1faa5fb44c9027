package io.github.backprop4j.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a loaded table or data set holds, per column: its kind, missing and distinct counts, and
 * the range of its numbers or the most frequent of its values. From {@link Table#describe()} and
 * {@link Dataset#describe()}; {@link #toString()} prints it as a table, one line per column.
 *
 * @param rows    the number of rows
 * @param columns the features in order, then the label (named {@code label} in a data set) or the targets
 */
public record DataSummary(int rows, List<ColumnSummary> columns) {

    private static final int SHOWN_VALUES = 3;

    /**
     * Copies {@code columns}.
     *
     * @param rows    the number of rows
     * @param columns the features in order, then the label or the targets
     */
    public DataSummary {
        columns = List.copyOf(columns);
    }

    /**
     * {@return one column's summary}
     *
     * @param name the column's name
     * @throws IllegalArgumentException if there is no such column
     */
    public ColumnSummary column(String name) {
        for (ColumnSummary c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.format("no column '%s'; the columns are %s", name,
                columns.stream().map(ColumnSummary::name).toList()));
    }

    static DataSummary of(Table t) {
        List<ColumnSummary> out = new ArrayList<>();
        for (String name : t.featureNames()) {
            out.add(t.isCategorical(name) ? categories(name, Schema.Role.CATEGORY, t.categories(name))
                    : numbers(name, Schema.Role.NUMBER, t.numbers(name)));
        }
        String label = t.schema().roles().entrySet().stream().filter(e -> e.getValue() == Schema.Role.LABEL)
                .map(Map.Entry::getKey).findFirst().orElse("label");
        addOutputs(out, label, t.isRegression(), t.isRegression() ? null : t.labels(), t.classNames(),
                t.isRegression() ? t.targets() : null, t.targetNames());
        return new DataSummary(t.size(), out);
    }

    static DataSummary of(Dataset d) {
        List<ColumnSummary> out = new ArrayList<>();
        double[][] x = d.features();
        for (int f = 0; f < d.featureCount(); f++) {
            out.add(numbers(d.featureNames().get(f), Schema.Role.NUMBER, column(x, f)));
        }
        addOutputs(out, "label", d.isRegression(), d.isRegression() ? null : d.labels(), d.classNames(),
                d.isRegression() ? d.targets() : null, d.targetNames());
        return new DataSummary(d.size(), out);
    }

    private static void addOutputs(List<ColumnSummary> out, String label, boolean regression, int[] labels, List<String> classNames,
            double[][] targets, List<String> targetNames) {
        if (regression) {
            for (int t = 0; t < targetNames.size(); t++) {
                out.add(numbers(targetNames.get(t), Schema.Role.TARGET, column(targets, t)));
            }
            return;
        }
        String[] names = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            names[i] = classNames.get(labels[i]);
        }
        out.add(categories(label, Schema.Role.LABEL, names));
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static ColumnSummary numbers(String name, Schema.Role kind, double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int distinct = 0;
        for (int i = 0; i < present.length; i++) {
            distinct += i == 0 || present[i] != present[i - 1] ? 1 : 0;
        }
        return new ColumnSummary(name, kind, values.length - present.length, distinct,
                present.length == 0 ? Double.NaN : present[0], present.length == 0 ? Double.NaN : present[present.length - 1],
                Map.of());
    }

    private static ColumnSummary categories(String name, Schema.Role kind, String[] values) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (String v : values) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN_VALUES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ColumnSummary(name, kind, missing, counts.size(), Double.NaN, Double.NaN, top);
    }

    /**
     * One line per column under a header, e.g.
     * {@code island  category  0  3  Biscoe 168, Dream 124, Torgersen 52}; numbers to 6
     * significant digits.
     */
    @Override
    public String toString() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"column", "kind", "missing", "distinct", "min", "max", "most frequent"});
        for (ColumnSummary c : columns) {
            StringBuilder top = new StringBuilder();
            c.mostFrequent().forEach((v, n) -> top.append(top.length() == 0 ? "" : ", ").append(v).append(' ').append(n));
            lines.add(new String[] {c.name(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
                    String.valueOf(c.missing()), String.valueOf(c.distinct()), shown(c.min()), shown(c.max()), top.toString()});
        }
        int[] widths = new int[7];
        for (String[] line : lines) {
            for (int k = 0; k < 7; k++) {
                widths[k] = Math.max(widths[k], line[k].length());
            }
        }
        StringBuilder s = new StringBuilder().append(rows).append(" rows");
        for (String[] line : lines) {
            StringBuilder l = new StringBuilder();
            for (int k = 0; k < 7; k++) {
                l.append(line[k]).append(" ".repeat(k < 6 ? widths[k] - line[k].length() + 2 : 0));
            }
            s.append('\n').append(l.toString().stripTrailing());
        }
        return s.toString();
    }

    private static String shown(double v) {
        return Double.isNaN(v) ? "" : new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
