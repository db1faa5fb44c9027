package io.github.backprop4j.internal;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which rows a seeded stratified split holds out, shared by {@code Splits} and the validation
 * split of training. Not part of the public API.
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
}
