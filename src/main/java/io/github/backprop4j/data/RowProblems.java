package io.github.backprop4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems found row by row, in order: every one counted, the first
 * {@link CsvLoader#MAX_LISTED_PROBLEMS} kept, and the rows they fall in counted.
 */
final class RowProblems {

    private final List<RowProblem> listed = new ArrayList<>();
    private int count;
    private int rows;
    private long lastRow = -1;

    /** Adds a problem of row {@code row} (any key that is the same for one row's problems, which come together). */
    void add(long row, RowProblem problem) {
        count++;
        rows += row == lastRow ? 0 : 1;
        lastRow = row;
        if (listed.size() < CsvLoader.MAX_LISTED_PROBLEMS) {
            listed.add(problem);
        }
    }

    int count() {
        return count;
    }

    RowProblem first() {
        return listed.get(0);
    }

    BadRows badRows() {
        return new BadRows(rows, count, listed);
    }
}
