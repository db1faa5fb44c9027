package io.github.backprop4j;

/** Shape tests for the training loop that allocate nothing; the callers build messages only when one fails. */
final class Shapes {

    private Shapes() {
    }

    /** Whether {@code a} and {@code b} are non-empty rectangular matrices of one shape. */
    static boolean same(double[][] a, double[][] b) {
        return b != null && b.length > 0 && b[0] != null && rectangular(a, b[0].length) && a.length == b.length
                && rectangular(b, b[0].length);
    }

    /** Whether {@code a} is a non-empty matrix whose every row has {@code columns} &gt; 0 entries. */
    static boolean rectangular(double[][] a, int columns) {
        if (a == null || a.length == 0 || columns <= 0) {
            return false;
        }
        for (double[] row : a) {
            if (row == null || row.length != columns) {
                return false;
            }
        }
        return true;
    }
}
