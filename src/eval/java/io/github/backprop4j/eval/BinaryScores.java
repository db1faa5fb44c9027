package io.github.backprop4j.eval;

import static io.github.backprop4j.eval.EvalChecks.checkArgument;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Scores computed from predicted probabilities: log loss and ROC AUC. */
final class BinaryScores {

    /**
     * The clipping of probabilities before the log loss: the machine epsilon of double,
     * {@code 2⁻⁵² ≈ 2.2e-16}, as scikit-learn 1.2 to 1.9 clip ({@code np.finfo(float64).eps});
     * probabilities are clipped to {@code [ε, 1 − ε]} and each row renormalised to sum to 1.
     */
    static final double EPSILON = Math.ulp(1.0);

    private BinaryScores() {
    }

    /** One column per class: a single column {@code p} becomes {@code [1 − p, p]}; checks every value is a probability. */
    static double[][] perClass(double[][] probabilities, int classes) {
        double[][] p = new double[probabilities.length][];
        for (int i = 0; i < p.length; i++) {
            double[] row = probabilities[i];
            checkArgument(row != null && row.length == probabilities[0].length, "probabilities row %d has another length", i);
            for (int k = 0; k < row.length; k++) {
                checkArgument(row[k] >= 0 && row[k] <= 1, "probabilities row %d, column %d is %s; expected a value in [0, 1]",
                        i, k, row[k]);
            }
            p[i] = row.length == 1 && classes == 2 ? new double[] {1 - row[0], row[0]} : row.clone();
        }
        return p;
    }

    /** {@code −(1/n) Σ_i log p_i,y_i}, each row first divided by its sum, probabilities clipped at ε. */
    static double logLoss(int[] actual, double[][] p) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            // plain left-to-right sums, as numpy adds a short row (DoubleStream.sum would compensate)
            double rowSum = 0;
            for (double v : p[i]) {
                rowSum += Math.min(Math.max(v, EPSILON), 1 - EPSILON);
            }
            double q = Math.min(Math.max(p[i][actual[i]], EPSILON), 1 - EPSILON) / rowSum;
            // L += −log p(true class)
            sum -= Math.log(q);
        }
        return sum / actual.length;
    }

    /**
     * The probability that a random row of class 1 scores above a random row of class 0, ties
     * counting half: the Mann–Whitney statistic {@code (R₁ − n₁(n₁ + 1)/2)/(n₁·n₀)} with average
     * ranks {@code R}. NaN when only one class occurs.
     */
    static double rocAuc(int[] actual, double[] score) {
        int n = actual.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double[] rank = new double[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
                end++;
            }
            // tied scores share the mean of their ranks (ranks count from 1)
            double average = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++) {
                rank[order[j]] = average;
            }
            start = end + 1;
        }
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (actual[i] == 1) {
                positives++;
                rankSum += rank[i];
            }
        }
        double negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /** {@code Σ a_k·w_k / Σ w_k}, or the plain mean without weights; NaN if any value is NaN. */
    static double average(double[] values, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < values.length; k++) {
            double w = weights == null ? 1 : weights[k];
            sum += values[k] * w;
            total += w;
        }
        return sum / total;
    }
}
