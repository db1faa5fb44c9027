package io.github.backprop4j.data;

import java.util.List;

/**
 * The rows of a file that could not be loaded, and why: what a failed load lists
 * ({@link DataFormatException#badRows()}) and what a loader that skips bad rows reports
 * ({@link CsvLoader#withBadRowsSkipped}).
 *
 * @param rows     how many rows had a problem
 * @param problems how many problems were found in all (a row may have several)
 * @param listed   the first problems, in file order, at most {@link CsvLoader#MAX_LISTED_PROBLEMS}
 */
public record BadRows(int rows, int problems, List<RowProblem> listed) {

    /**
     * Copies {@code listed}.
     *
     * @param rows     how many rows had a problem
     * @param problems how many problems were found in all
     * @param listed   the first problems, in file order
     */
    public BadRows {
        listed = List.copyOf(listed);
    }

    /** One problem per line, after a count; e.g. {@code 2 rows with 3 problems:} then each. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(rows).append(rows == 1 ? " row" : " rows").append(" with ").append(problems)
                .append(problems == 1 ? " problem" : " problems");
        for (RowProblem p : listed) {
            s.append("\n  ").append(p);
        }
        if (listed.size() < problems) {
            s.append("\n  ... and ").append(problems - listed.size()).append(" more (the first ")
                    .append(listed.size()).append(" are listed)");
        }
        return s.toString();
    }
}
