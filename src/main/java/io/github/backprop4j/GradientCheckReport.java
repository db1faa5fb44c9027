package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link GradientChecker} found: for each parameter (a layer's {@code W} or {@code b}, or
 * the input of an activation or loss) the worst relative error between the analytic gradient and
 * central differences, and the entry where it occurs.
 *
 * <pre>{@code
 * GradientCheckReport report = new GradientChecker().checkNetwork(net, x, labels, loss);
 * if (!report.passes(1e-6)) System.out.println(report);
 * }</pre>
 */
public final class GradientCheckReport {

    /**
     * The worst entry of one parameter.
     *
     * @param parameter          what was checked, e.g. {@code "layer 1 W"}
     * @param worstRelativeError {@code |a − n| / (|a| + |n|)} at the worst entry; infinite if a value
     *                           was NaN or infinite; 0 where both are below {@link GradientChecker#ABSOLUTE_FLOOR}
     * @param row                the entry's row
     * @param column             the entry's column
     * @param analytic           the analytic gradient there
     * @param numerical          the central difference there
     */
    public record Entry(String parameter, double worstRelativeError, int row, int column, double analytic, double numerical) {
    }

    private final double step;
    private final List<Entry> entries;

    GradientCheckReport(double step, List<Entry> entries) {
        this.step = step;
        this.entries = List.copyOf(entries);
    }

    /** {@return one entry per parameter, in the order checked} */
    public List<Entry> entries() {
        return entries;
    }

    /** {@return the worst relative error over every parameter} */
    public double worstRelativeError() {
        return entries.stream().mapToDouble(Entry::worstRelativeError).max().orElse(0);
    }

    /**
     * Whether every parameter's worst relative error is at most {@code tolerance}; about 1e-6 suits
     * smooth functions in double precision with the default step.
     *
     * @param tolerance the largest relative error that passes, &gt; 0
     * @return whether it passes
     */
    public boolean passes(double tolerance) {
        checkArgument(tolerance > 0, "tolerance must be > 0, got %s", tolerance);
        return worstRelativeError() <= tolerance;
    }

    /** The tolerance {@link #toString()} judges by: {@value}, which suits smooth functions in double precision. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /** A table, one row per parameter, with the verdict at {@link #DEFAULT_TOLERANCE}; see {@link #toString(double)}. */
    @Override
    public String toString() {
        return toString(DEFAULT_TOLERANCE);
    }

    /**
     * A table, one row per parameter (its worst entry, and whether it passes), headed by the
     * verdict: {@code PASSED} when every worst relative error is at most {@code tolerance}, else
     * {@code FAILED} naming how many parameters fail.
     *
     * @param tolerance the largest relative error that passes, &gt; 0
     * @return the report
     */
    public String toString(double tolerance) {
        boolean passed = passes(tolerance);
        long failing = entries.stream().filter(e -> !(e.worstRelativeError() <= tolerance)).count();
        int width = "parameter".length();
        for (Entry e : entries) {
            width = Math.max(width, e.parameter().length());
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "gradient check %s: worst relative error %.2e,"
                + " tolerance %.0e%s; central differences with step %.0e%n", passed ? "PASSED" : "FAILED",
                worstRelativeError(), tolerance, passed ? "" : " (" + failing + " of " + entries.size() + " parameters above it)",
                step));
        String row = "  %-" + width + "s  %-16s  %-10s  %-20s  %-20s  %s%n";
        s.append(String.format(Locale.ROOT, row, "parameter", "worst rel. error", "at", "analytic", "numerical", "verdict"));
        for (Entry e : entries) {
            s.append(String.format(Locale.ROOT, row, e.parameter(), String.format(Locale.ROOT, "%.2e", e.worstRelativeError()),
                    "[" + e.row() + "][" + e.column() + "]", String.format(Locale.ROOT, "%.12g", e.analytic()),
                    String.format(Locale.ROOT, "%.12g", e.numerical()), e.worstRelativeError() <= tolerance ? "ok" : "FAILED"));
        }
        return s.toString();
    }
}
