package io.github.backprop4j.data;

/**
 * One problem in a data file: where it is, the cell's text and what is wrong with it.
 *
 * @param line   the line from 1, or 0 for a problem of the whole source
 * @param column the column's name, or null when the problem is not in one column
 * @param value  the cell's text (stripped), or null when there is no one cell
 * @param reason what is wrong, and what was expected
 */
public record RowProblem(long line, String column, String value, String reason) {

    /** E.g. {@code line 17, column 'sepal_width': 'abc' is not a number}. */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line : "";
        if (column != null) {
            where += (where.isEmpty() ? "" : ", ") + "column '" + column + "'";
        }
        return where.isEmpty() ? reason : where + ": " + reason;
    }
}
