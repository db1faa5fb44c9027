package io.github.backprop4j.internal;

/**
 * A seeded random generator whose whole state is two {@code long}s, so a training run can save it
 * and continue the same stream: xoroshiro128++ (Blackman &amp; Vigna, "Scrambled Linear
 * Pseudorandom Number Generators", ACM TOMS 2021), seeded through SplitMix64 as its authors
 * recommend. Not thread-safe; each stream (shuffling, each dropout layer) has its own.
 *
 * <pre>{@code
 * Xoroshiro128PlusPlus r = Xoroshiro128PlusPlus.seeded(42L);
 * long[] saved = r.state();        // later: Xoroshiro128PlusPlus.restored(saved) continues from here
 * }</pre>
 */
public final class Xoroshiro128PlusPlus {

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long s0;
    private long s1;

    private Xoroshiro128PlusPlus(long s0, long s1) {
        this.s0 = s0;
        this.s1 = s1;
    }

    /**
     * A generator seeded from {@code seed}: the two state words are the first two outputs of
     * SplitMix64 started at {@code seed}, which are never both zero.
     *
     * @param seed any value
     * @return a new generator
     */
    public static Xoroshiro128PlusPlus seeded(long seed) {
        long a = splitMix64(seed += 0x9E3779B97F4A7C15L);
        long b = splitMix64(seed + 0x9E3779B97F4A7C15L);
        return new Xoroshiro128PlusPlus(a, b);
    }

    /**
     * A generator that continues from a saved {@link #state()}.
     *
     * @param state two words, not both zero
     * @return a new generator
     * @throws IllegalArgumentException if the state is not two words or both are zero
     */
    public static Xoroshiro128PlusPlus restored(long[] state) {
        Checks.checkArgument(state != null && state.length == 2, "a generator state is 2 words");
        Checks.checkArgument(state[0] != 0 || state[1] != 0, "a generator state of two zero words never leaves zero");
        return new Xoroshiro128PlusPlus(state[0], state[1]);
    }

    /**
     * SplitMix64's output function (Steele, Lea &amp; Flood, OOPSLA 2014), a bijective mix of 64 bits.
     *
     * @param z the input
     * @return the mixed bits
     */
    public static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return the state, a new two-word array; {@link #restored} continues the stream from it} */
    public long[] state() {
        return new long[] {s0, s1};
    }

    /** {@return the next 64 random bits} */
    public long nextLong() {
        long a = s0;
        long b = s1;
        // result = rotl(s0 + s1, 17) + s0
        long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    /** {@return a uniform double in {@code [0, 1)}: the top 53 bits times 2⁻⁵³} */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias: Lemire's multiply-and-reject
     * ("Fast Random Integer Generation in an Interval", ACM TOMACS 2019) on 32 random bits.
     *
     * @param bound the exclusive upper end, &gt; 0
     * @return the integer
     */
    public int nextInt(int bound) {
        Checks.checkArgument(bound > 0, "bound must be > 0, got %d", bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
