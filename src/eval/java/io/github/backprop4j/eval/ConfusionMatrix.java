package io.github.backprop4j.eval;

import static io.github.backprop4j.eval.EvalChecks.checkArgument;
import static io.github.backprop4j.eval.EvalChecks.checkNotNull;

import java.util.List;
import java.util.Objects;

/**
 * Counts of (actual class, predicted class) pairs: {@code count(a, p)} is the number of rows of
 * class {@code a} predicted as {@code p}. The diagonal holds the correct predictions.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(test.labels(), net.predict(test.features()), test.classNames());
 * System.out.println(cm.accuracy());
 * System.out.println(cm);   // a table with the class names
 * }</pre>
 */
public final class ConfusionMatrix {

    private final int[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(int[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /**
     * Tallies {@code actual} against {@code predicted}.
     *
     * @param actual     the true class of each row, indices in {@code [0, classNames.size())}
     * @param predicted  the predicted class of each row, same length and range
     * @param classNames the names of the classes, in index order
     * @throws IllegalArgumentException on different lengths or an index out of range, naming it
     * @return the confusion matrix
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        checkNotNull(actual, "actual");
        checkNotNull(predicted, "predicted");
        checkNotNull(classNames, "classNames");
        checkArgument(actual.length == predicted.length,
                "actual has %d entries but predicted has %d", actual.length, predicted.length);
        checkArgument(actual.length > 0, "actual and predicted must not be empty");
        int k = classNames.size();
        checkArgument(k > 0, "classNames must not be empty");
        checkArgument(classNames.stream().noneMatch(Objects::isNull), "classNames must not contain null");
        int[][] counts = new int[k][k];
        for (int i = 0; i < actual.length; i++) {
            checkArgument(actual[i] >= 0 && actual[i] < k, "actual[%d] is %d, expected [0, %d)", i, actual[i], k);
            checkArgument(predicted[i] >= 0 && predicted[i] < k,
                    "predicted[%d] is %d, expected [0, %d)", i, predicted[i], k);
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, List.copyOf(classNames));
    }

    /**
     * {@return rows of class {@code actual} predicted as {@code predicted}}
     *
     * @param actual the true class of each row, indices into {@code classNames}
     * @param predicted {@code P [batch × outputs]}, not modified
     */
    public int count(int actual, int predicted) {
        checkArgument(actual >= 0 && actual < counts.length && predicted >= 0 && predicted < counts.length,
                "count(%d, %d): class indices must be in [0, %d)", actual, predicted, counts.length);
        return counts[actual][predicted];
    }

    /** {@return number of rows tallied} */
    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    /**
     * Share of rows predicted correctly, {@code trace / total}.
     *
     * @return the share of rows predicted right, in [0, 1]
     */
    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < counts.length; k++) {
            correct += counts[k][k];
        }
        return (double) correct / total();
    }

    /** {@return the class names, in index order} */
    public List<String> classNames() {
        return classNames;
    }

    /** A table: one row per actual class, one column per predicted class. */
    @Override
    public String toString() {
        int width = "actual \\ predicted".length();
        for (String name : classNames) {
            width = Math.max(width, name.length());
        }
        StringBuilder s = new StringBuilder(String.format("%-" + width + "s", "actual \\ predicted"));
        for (String name : classNames) {
            s.append(String.format("  %" + Math.max(5, name.length()) + "s", name));
        }
        for (int a = 0; a < counts.length; a++) {
            s.append(String.format("%n%-" + width + "s", classNames.get(a)));
            for (int p = 0; p < counts.length; p++) {
                s.append(String.format("  %" + Math.max(5, classNames.get(p).length()) + "d", counts[a][p]));
            }
        }
        return s.toString();
    }
}
