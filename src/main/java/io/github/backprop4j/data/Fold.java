package io.github.backprop4j.data;

/**
 * One fold of k-fold cross-validation: row indices to train on and row indices to validate on.
 * The two are disjoint and together cover every row once.
 *
 * <pre>{@code
 * for (Fold fold : Splits.kFold(data.size(), 5, 7L)) {
 *     Dataset train = data.rows(fold.trainIndices());
 *     Dataset validation = data.rows(fold.testIndices());
 * }
 * }</pre>
 */
public final class Fold {

    private final int[] trainIndices;
    private final int[] testIndices;

    Fold(int[] trainIndices, int[] testIndices) {
        this.trainIndices = trainIndices;
        this.testIndices = testIndices;
    }

    /** {@return a copy of the indices of the rows to train on, ascending} */
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /** {@return a copy of the indices of the held-out rows, ascending} */
    public int[] testIndices() {
        return testIndices.clone();
    }

    @Override
    public String toString() {
        return "Fold(train " + trainIndices.length + " rows, test " + testIndices.length + " rows)";
    }
}
