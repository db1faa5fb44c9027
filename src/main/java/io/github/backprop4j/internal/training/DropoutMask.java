package io.github.backprop4j.internal.training;

import io.github.backprop4j.internal.Xoroshiro128PlusPlus;

/**
 * Inverted dropout on one layer's output during training: {@code Ã = A ⊙ M / (1 − p)} with
 * {@code M_ij ~ Bernoulli(1 − p)}, so the expected activation is unchanged and prediction needs no
 * rescaling. The backward pass multiplies the gradient by the same {@code M / (1 − p)}.
 * Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from Overfitting" (JMLR
 * 2014).
 *
 * <p>Each mask has its own generator, whose state a training run saves and restores, so a resumed
 * run draws the masks an uninterrupted one would.
 */
public final class DropoutMask {

    private final double rate;
    private final Xoroshiro128PlusPlus random;
    private double[][] scale;                  // M / (1 − p) of the last apply: 0 or 1/(1 − p)
    private double[][] dropped;                // the last output, reused while the batch shape stays

    /**
     * @param rate   {@code p}, the fraction dropped, in {@code (0, 1)}
     * @param random the mask's own generator, advanced by one draw per entry
     */
    public DropoutMask(double rate, Xoroshiro128PlusPlus random) {
        this.rate = rate;
        this.random = random;
    }

    /** {@return the generator's state, to save with the run} */
    long[] state() {
        return random.state();
    }

    /**
     * Draws a new mask and applies it.
     *
     * @param a the layer's output, not modified
     * @return {@code Ã = A ⊙ M / (1 − p)}, reused until the next call
     */
    public double[][] apply(double[][] a) {
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

    /**
     * {@code dA = dÃ ⊙ M / (1 − p)} with the mask of the last {@link #apply}, in place.
     *
     * @param gradient {@code dÃ}, modified
     * @return {@code gradient}
     */
    public double[][] backward(double[][] gradient) {
        for (int i = 0; i < gradient.length; i++) {
            for (int j = 0; j < gradient[i].length; j++) {
                gradient[i][j] *= scale[i][j];
            }
        }
        return gradient;
    }
}
