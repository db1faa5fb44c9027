package io.github.backprop4j.internal;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which rows a seeded stratified split holds out, shared by {@code Splits}, the validation split
 * of training, and {@code Model.train} (which fits its preprocessing on exactly the rows fit
 * trains on). Not part of the public API.
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * Marks the held-out rows: of each class with {@code c} rows, {@code round(c · fraction)} go out,
     * clamped to {@code [1, c − 1]} when {@code atLeastOne} and {@code c ≥ 2}; a class with one row
     * stays in. Classes are taken in label order, each shuffled with {@code random}.
     */
    public static boolean[] heldOut(int[] labels, int classes, double fraction, boolean atLeastOne, Random random) {
        boolean[] out = new boolean[labels.length];
        for (int k = 0; k < classes; k++) {
            int label = k;
            int[] rows = IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
            Permutations.shuffle(rows, random);
            int count = (int) Math.round(rows.length * fraction);
            if (rows.length < 2) {
                count = 0;
            } else if (atLeastOne) {
                count = Math.max(1, Math.min(rows.length - 1, count));
            } else {
                count = Math.min(rows.length - 1, count);
            }
            for (int i = 0; i < count; i++) {
                out[rows[i]] = true;
            }
        }
        return out;
    }

    /**
     * {@return per row, whether a validation fraction holds it out: stratified by label for
     * classification, of all rows otherwise, chosen with the config's seed}
     *
     * @param labels   class labels, or null when training on targets
     * @param rowCount the number of rows
     * @param classes  the number of classes (at least 2), unused for targets
     * @param fraction the share held out, in (0, 1)
     * @param seed     the config's seed
     */
    public static boolean[] validationRows(int[] labels, int rowCount, int classes, double fraction, long seed) {
        Random random = new Random(seed);
        if (labels != null) {
            return heldOut(labels, classes, fraction, false, random);
        }
        boolean[] out = new boolean[rowCount];
        int[] order = Permutations.identity(rowCount);
        Permutations.shuffle(order, random);
        int count = Math.min(rowCount - 1, (int) Math.round(rowCount * fraction));
        for (int i = 0; i < count; i++) {
            out[order[i]] = true;
        }
        return out;
    }
}
