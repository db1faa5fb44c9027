package io.github.backprop4j.internal;

import java.util.Random;

/** Seeded permutations of row indices, shared by the training loop and the data splits. */
public final class Permutations {

    private Permutations() {
    }

    /** Returns {@code [0, 1, ..., n − 1]}. */
    public static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /**
     * Fisher–Yates shuffle of {@code a} in place: every order is equally likely, and the result
     * depends only on {@code a} and the state of {@code random}.
     */
    public static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Fisher-Yates shuffle of {@code a} in place with the library's saveable generator.
     *
     * @param a      modified
     * @param random advanced by {@code a.length - 1} draws (more when a draw is rejected)
     */
    public static void shuffle(int[] a, Xoroshiro128PlusPlus random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
