package io.github.backprop4j.spark;

/**
 * Which global batch a row belongs to in an epoch: a seeded hash of (seed, epoch, row index),
 * so every partition decides for its own rows, with nothing sent around and no row order kept on
 * the driver. Batches hold {@code rows / batches} rows on average (a binomial spread around it);
 * a new epoch draws them anew.
 */
final class GlobalBatches {

    private GlobalBatches() {
    }

    /** The number of global batches for {@code rows} rows of batch size {@code batchSize}. */
    static int count(long rows, int batchSize) {
        return (int) Math.max(1, (rows + batchSize - 1) / batchSize);
    }

    /** The batch of row {@code index} in {@code epoch}, in {@code [0, batches)}. */
    static int of(long seed, int epoch, long index, int batches) {
        long h = hash(seed, epoch, index);
        // the top 31 bits, scaled to [0, batches) without the bias of a modulo
        return (int) (((h >>> 33) * batches) >>> 31);
    }

    /** A well-mixed 64-bit hash of (seed, epoch, index). */
    static long hash(long seed, int epoch, long index) {
        return mix(seed ^ mix(epoch * 0x9E3779B97F4A7C15L + index));
    }

    /** SplitMix64's finaliser: every input bit flips each output bit with probability one half. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
