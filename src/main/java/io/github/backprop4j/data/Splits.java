package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.internal.Permutations;
import io.github.backprop4j.internal.StratifiedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded ways to cut or reorder a data set: a random or a stratified train/test split, k-fold
 * indices and a shuffle. The same seed always gives the same result; no row is lost or repeated.
 *
 * <pre>{@code
 * TrainTestSplit split = Splits.stratified(Datasets.iris(), 0.25, 7L);
 * TrainTestSplit anyRows = Splits.random(Datasets.iris(), 0.25, 7L);   // regression data too
 * List<Fold> folds = Splits.kFold(150, 5, 7L);
 * Dataset shuffled = Splits.shuffle(Datasets.iris(), 7L);
 * }</pre>
 */
public final class Splits {

    private Splits() {
    }

    /**
     * Splits so that each class keeps its share in both parts: of a class with {@code c} rows,
     * {@code round(c · testFraction)} go to test, but at least 1 and at most {@code c − 1} when
     * {@code c ≥ 2} (a class with one row goes to train). Rows keep their data-set order within
     * each part.
     *
     * @param data         the data set
     * @param testFraction share of each class held out, in {@code (0, 1)}
     * @param seed         picks which rows of each class are held out
     * @throws IllegalArgumentException if the fraction is out of range or no row would go to test
     * @return the two parts
     */
    public static TrainTestSplit stratified(Dataset data, double testFraction, long seed) {
        checkNotNull(data, "data");
        int[][] parts = stratifiedParts(data.labels(), data.classCount(), testFraction, seed);
        return new TrainTestSplit(data.rows(parts[0]), data.rows(parts[1]));
    }

    /**
     * Splits a table as {@link #stratified(Dataset, double, long)} splits a data set: the same
     * rows for the same labels, fraction and seed.
     *
     * @param data         the table, with class labels
     * @param testFraction share of each class held out, in {@code (0, 1)}
     * @param seed         picks which rows of each class are held out
     * @return the two parts
     */
    public static TableSplit stratified(Table data, double testFraction, long seed) {
        checkNotNull(data, "data");
        int[][] parts = stratifiedParts(data.labels(), data.classNames().size(), testFraction, seed);
        return new TableSplit(data.rows(parts[0]), data.rows(parts[1]));
    }

    /**
     * Splits at random, for any data set (regression too): {@code round(n · testFraction)} rows,
     * but at least 1 and at most {@code n − 1}, go to test, chosen by {@code seed}. Rows keep their
     * data-set order within each part.
     *
     * @param data         the data set, at least 2 rows
     * @param testFraction share of the rows held out, in {@code (0, 1)}
     * @param seed         picks the held-out rows
     * @return the two parts
     */
    public static TrainTestSplit random(Dataset data, double testFraction, long seed) {
        checkNotNull(data, "data");
        int[][] parts = randomParts(data.size(), testFraction, seed);
        return new TrainTestSplit(data.rows(parts[0]), data.rows(parts[1]));
    }

    /**
     * Splits a table as {@link #random(Dataset, double, long)} splits a data set: the same rows for
     * the same size, fraction and seed.
     *
     * @param data         the table, at least 2 rows
     * @param testFraction share of the rows held out, in {@code (0, 1)}
     * @param seed         picks the held-out rows
     * @return the two parts
     */
    public static TableSplit random(Table data, double testFraction, long seed) {
        checkNotNull(data, "data");
        int[][] parts = randomParts(data.size(), testFraction, seed);
        return new TableSplit(data.rows(parts[0]), data.rows(parts[1]));
    }

    /** The train and test row indices of a random split: the first test-count rows of a seeded shuffle. */
    private static int[][] randomParts(int rows, double testFraction, long seed) {
        checkArgument(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1), got %s", testFraction);
        checkArgument(rows >= 2, "a split needs at least 2 rows, got %d", rows);
        int testCount = (int) Math.min(rows - 1, Math.max(1, Math.round(rows * testFraction)));
        int[] order = shuffledIndices(rows, seed);
        boolean[] inTest = new boolean[rows];
        for (int i = 0; i < testCount; i++) {
            inTest[order[i]] = true;
        }
        return new int[][] {indicesWhere(inTest, false), indicesWhere(inTest, true)};
    }

    /** The train and test row indices of a stratified split. */
    private static int[][] stratifiedParts(int[] labels, int classes, double testFraction, long seed) {
        checkArgument(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1), got %s", testFraction);
        boolean[] inTest = StratifiedSplit.heldOut(labels, classes, testFraction, true, new Random(seed));
        int[] test = indicesWhere(inTest, true);
        int[] train = indicesWhere(inTest, false);
        checkArgument(test.length > 0 && train.length > 0,
                "a split of %d rows with testFraction %s leaves a part empty", labels.length, testFraction);
        return new int[][] {train, test};
    }

    /**
     * K-fold cross-validation: the rows are shuffled with {@code seed} and dealt into {@code k}
     * folds whose sizes differ by at most one; fold {@code i} holds out its part and trains on the
     * rest. Every row is held out exactly once.
     *
     * @param rows number of rows, at least {@code k}
     * @param k    number of folds, at least 2
     * @param seed the seed
     * @return the folds, in order
     */
    public static List<Fold> kFold(int rows, int k, long seed) {
        checkArgument(k >= 2, "k must be >= 2, got %d", k);
        checkArgument(rows >= k, "k-fold needs at least k = %d rows, got %d", k, rows);
        int[] order = shuffledIndices(rows, seed);
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            // fold f holds out order[start, end): sizes ⌊rows/k⌋ or ⌈rows/k⌉
            int start = (int) ((long) f * rows / k);
            int end = (int) ((long) (f + 1) * rows / k);
            boolean[] held = new boolean[rows];
            for (int i = start; i < end; i++) {
                held[order[i]] = true;
            }
            folds.add(new Fold(indicesWhere(held, false), indicesWhere(held, true)));
        }
        return List.copyOf(folds);
    }

    /**
     * {@return a random permutation of {@code 0 .. rows−1} that depends only on {@code seed}}
     *
     * @param rows the number of rows
     * @param seed the seed
     */
    public static int[] shuffledIndices(int rows, long seed) {
        checkArgument(rows >= 0, "rows must be >= 0, got %d", rows);
        int[] order = Permutations.identity(rows);
        Permutations.shuffle(order, new Random(seed));
        return order;
    }

    /**
     * {@return the rows of {@code data} in a random order that depends only on {@code seed}}
     *
     * @param data the data set
     * @param seed the seed
     */
    public static Dataset shuffle(Dataset data, long seed) {
        checkNotNull(data, "data");
        return data.rows(shuffledIndices(data.size(), seed));
    }

    private static int[] indicesWhere(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int count = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }
}
