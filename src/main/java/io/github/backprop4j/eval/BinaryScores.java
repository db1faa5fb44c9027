package io.github.backprop4j.eval;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Scores computed from predicted probabilities: log loss and ROC AUC. */
final class BinaryScores {

    /** Probabilities are kept in {@code [ε, 1 − ε]} before the log, as scikit-learn 1.2 does. */
    static final double EPSILON = 1e-15;

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
            double rowSum = Arrays.stream(p[i]).map(v -> Math.min(Math.max(v, EPSILON), 1 - EPSILON)).sum();
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
}
