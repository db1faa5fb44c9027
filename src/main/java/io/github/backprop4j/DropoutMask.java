package io.github.backprop4j;

import java.util.SplittableRandom;

/**
 * Inverted dropout on one layer's output during training: {@code Ã = A ⊙ M / (1 − p)} with
 * {@code M_ij ~ Bernoulli(1 − p)}, and in the backward pass {@code dA = dÃ ⊙ M / (1 − p)}.
 * Dividing by {@code 1 − p} keeps each unit's expected output, so prediction uses the layer as it
 * is. Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from Overfitting"
 * (JMLR 2014). Seeded, so training stays reproducible.
 */
final class DropoutMask {

    private final double rate;
    private final SplittableRandom random;     // not synchronised, unlike java.util.Random: a draw costs a few ns
    private double[][] scale;                  // M / (1 − p) of the last apply: 0 or 1/(1 − p)
    private double[][] dropped;                // the last output, reused while the batch shape stays

    DropoutMask(double rate, long seed) {
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    /**
     * {@code A ⊙ M / (1 − p)}, drawing a new mask; {@code a} is not modified. The result is this
     * mask's buffer, valid until the next call (the next layer keeps it only until its backward).
     */
    double[][] apply(double[][] a) {
        double keep = 1.0 / (1.0 - rate);
        if (dropped == null || dropped.length != a.length || dropped[0].length != a[0].length) {
            scale = new double[a.length][a[0].length];
            dropped = new double[a.length][a[0].length];
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                // M_ij ~ Bernoulli(1 − p), stored already divided by 1 − p
                scale[i][j] = random.nextDouble() < rate ? 0.0 : keep;
                dropped[i][j] = a[i][j] * scale[i][j];
            }
        }
        return dropped;
    }

    /** {@code dA = dÃ ⊙ M / (1 − p)} in place, with the mask of the last {@link #apply}. */
    double[][] backward(double[][] gradient) {
        for (int i = 0; i < gradient.length; i++) {
            for (int j = 0; j < gradient[i].length; j++) {
                gradient[i][j] *= scale[i][j];
            }
        }
        return gradient;
    }
}
