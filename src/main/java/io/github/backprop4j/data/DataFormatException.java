package io.github.backprop4j.data;

/**
 * A data file that cannot be read as a data set: names the source, the line (from 1) and, where
 * there is one, the column, e.g. {@code "iris.csv line 17, column 'sepal_width': 'abc' is not a
 * number"}. The underlying exception, if any (a commons-csv or decoding error), is the cause.
 *
 * <p>When several rows are bad, one exception lists them all (up to
 * {@link CsvLoader#MAX_LISTED_PROBLEMS}), one per line, and {@link #badRows()} gives them as
 * values; {@link #line()} and {@link #column()} are then the first problem's.
 */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What was read, e.g. a file name. */
    private final String source;
    /** The line (from 1) of the problem, or 0 for the whole source. */
    private final long line;
    /** The column name, or null. */
    private final String column;
    /** Every problem this exception reports. */
    private final transient BadRows badRows;

    /**
     * An exception naming where the data is wrong.
     *
     * @param source  where the data came from (file name, resource name, or the caller's label)
     * @param line    the line number from 1, or 0 if not known
     * @param column  the column name, or null if the problem is not in one column
     * @param problem what is wrong, and what was expected
     * @param cause   the underlying exception, or null
     */
    public DataFormatException(String source, long line, String column, String problem, Throwable cause) {
        super(message(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.badRows = new BadRows(line > 0 ? 1 : 0, 1, java.util.List.of(new RowProblem(line, column, null, problem)));
    }

    /** An exception listing several problems: the source, then one problem per line. */
    DataFormatException(String source, BadRows badRows) {
        super(source + ": " + badRows);
        this.source = source;
        this.line = badRows.listed().get(0).line();
        this.column = badRows.listed().get(0).column();
        this.badRows = badRows;
    }

    private static String message(String source, long line, String column, String problem) {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(" line ").append(line);
        }
        if (column != null) {
            s.append(", column '").append(column).append('\'');
        }
        return s.append(": ").append(problem).toString();
    }

    /** {@return where the data came from} */
    public String source() {
        return source;
    }

    /** {@return the line number from 1, or 0 if not known} */
    public long line() {
        return line;
    }

    /** {@return every problem found, one per bad cell or row; a single problem for one that stopped the read} */
    public BadRows badRows() {
        return badRows;
    }

    /** {@return the column name, or null if the problem is not in one column} */
    public String column() {
        return column;
    }
}
