package io.github.backprop4j.internal;

/**
 * Finds non-finite numbers (NaN, ±∞) in a matrix, its rows shared among threads when it is large.
 * Which entry is reported does not depend on the threads: the first one, row by row. Not part of
 * the public API.
 */
public final class Finite {

    private static final long EXPONENT = 0x7ff0000000000000L;
    private static final long EXPONENT_UNIT = 0x0010000000000000L;

    private Finite() {
    }

    /**
     * The row and column of the first NaN or infinite entry of {@code a}, row by row, or null when
     * every entry is finite. Allocates nothing unless it finds one (and a small task when shared).
     *
     * @param a       a matrix (rows may differ in length, null rows are skipped), not modified
     * @param threads at most this many threads
     * @return {row, column}, or null when every entry is finite
     */
    public static int[] first(double[][] a, int threads) {
        if (allRowsFinite(a, threads)) {
            return null;
        }
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            if (row != null && !allFinite(row)) {
                for (int j = 0; j < row.length; j++) {
                    if (!Double.isFinite(row[j])) {
                        return new int[] {i, j};
                    }
                }
            }
        }
        return null;
    }

    private static boolean allRowsFinite(double[][] a, int threads) {
        long values = 0;
        for (double[] row : a) {
            values += row == null ? 0 : row.length;
        }
        if (threads == 1 || values < Parallel.MIN_WORK / 2) {
            for (double[] row : a) {
                if (row != null && !allFinite(row)) {
                    return false;
                }
            }
            return true;
        }
        boolean[] bad = new boolean[1];
        // one pass over memory, reading values the update has just written (some of them in the
        // other threads' caches): a value costs about two multiply-adds
        Parallel.forRows(a.length, threads, 2 * values, (from, to) -> {
            for (int i = from; i < to && !bad[0]; i++) {
                if (a[i] != null && !allFinite(a[i])) {
                    bad[0] = true;
                }
            }
        });
        return !bad[0];
    }

    /**
     * Whether every value of {@code row} is finite: NaN and ±∞ are the doubles whose exponent bits
     * are all ones, and adding one unit to an all-ones exponent carries into the sign bit, so one
     * OR over the row (which the JIT vectorises) tells.
     */
    private static boolean allFinite(double[] row) {
        long carry = 0;
        for (double v : row) {
            carry |= (Double.doubleToRawLongBits(v) & EXPONENT) + EXPONENT_UNIT;
        }
        return carry >= 0;
    }
}
