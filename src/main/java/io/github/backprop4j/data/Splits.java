package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.internal.Permutations;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded ways to cut a data set: a stratified train/test split. The same seed always gives the
 * same split; every row lands in exactly one part.
 *
 * <pre>{@code
 * TrainTestSplit split = Splits.stratified(Datasets.iris(), 0.25, 7L);
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
     */
    public static TrainTestSplit stratified(Dataset data, double testFraction, long seed) {
        checkNotNull(data, "data");
        checkArgument(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1), got %s", testFraction);
        int[] labels = data.labels();
        Random random = new Random(seed);
        boolean[] inTest = new boolean[labels.length];
        for (int k = 0; k < data.classCount(); k++) {
            int[] rows = rowsOfClass(labels, k);
            Permutations.shuffle(rows, random);
            int testCount = (int) Math.round(rows.length * testFraction);
            if (rows.length >= 2) {
                testCount = Math.max(1, Math.min(rows.length - 1, testCount));
            } else {
                testCount = 0;
            }
            for (int i = 0; i < testCount; i++) {
                inTest[rows[i]] = true;
            }
        }
        int[] test = indicesWhere(inTest, true);
        int[] train = indicesWhere(inTest, false);
        checkArgument(test.length > 0 && train.length > 0,
                "a split of %d rows with testFraction %s leaves a part empty", labels.length, testFraction);
        return new TrainTestSplit(data.rows(train), data.rows(test));
    }

    private static int[] rowsOfClass(int[] labels, int k) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == k).toArray();
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
