package io.github.backprop4j;

/** Summary statistics of every entry of a matrix, for tests that check how values were drawn. */
public final class Samples {

    private Samples() {
    }

    /** The mean of all entries: Σv / n. */
    public static double mean(double[][] m) {
        double sum = 0;
        int n = 0;
        for (double[] row : m) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    /** The population standard deviation of all entries: √(Σv²/n − mean²). */
    public static double std(double[][] m) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : m) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
