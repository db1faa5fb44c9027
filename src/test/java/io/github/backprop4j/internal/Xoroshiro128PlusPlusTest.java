package io.github.backprop4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Xoroshiro128PlusPlusTest {

    /** SplitMix64 from state 0: its published first outputs (Vigna's splitmix64.c, seed 0). */
    @Test
    void splitMix64() {
        long golden = 0x9E3779B97F4A7C15L;
        assertThat(Xoroshiro128PlusPlus.splitMix64(golden)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Xoroshiro128PlusPlus.splitMix64(2 * golden)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(Xoroshiro128PlusPlus.splitMix64(3 * golden)).isEqualTo(0x06C45D188009454FL);
    }

    /** Values from an independent transcription of the reference C code (xoroshiro128plusplus.c) in Python. */
    @Test
    void nextLong() {
        Xoroshiro128PlusPlus r = Xoroshiro128PlusPlus.seeded(42L);
        assertThat(r.state()).containsExactly(-4767286540954276203L, 2949826092126892291L);
        assertThat(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()}).containsExactly(
                -1690267358668702685L, 6098722386207918385L, -905081495677017275L, 3771828211556203317L,
                6324094075403496319L);
    }

    @Test
    void stateAndRestoredContinueTheSameStream() {
        Xoroshiro128PlusPlus r = Xoroshiro128PlusPlus.seeded(7L);
        r.nextLong();
        Xoroshiro128PlusPlus copy = Xoroshiro128PlusPlus.restored(r.state());
        for (int i = 0; i < 100; i++) {
            assertThat(copy.nextLong()).isEqualTo(r.nextLong());
        }
        assertThatThrownBy(() -> Xoroshiro128PlusPlus.restored(new long[] {0, 0})).hasMessageContaining("never leaves zero");
        assertThatThrownBy(() -> Xoroshiro128PlusPlus.restored(new long[] {1})).hasMessageContaining("2 words");
    }

    @Test
    void nextDoubleIsUniformInTheUnitInterval() {
        Xoroshiro128PlusPlus r = Xoroshiro128PlusPlus.seeded(1L);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = r.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += u;
        }
        // the mean of 1e5 uniforms has standard deviation 0.29/316 ≈ 0.0009
        assertThat(sum / 100_000).isCloseTo(0.5, within(0.005));
    }

    /** Each of 7 values about 1/7 of the time: a chi-square test at 6 degrees of freedom, p = 0.001 bound 22.46. */
    @Test
    void nextIntHasNoBias() {
        Xoroshiro128PlusPlus r = Xoroshiro128PlusPlus.seeded(3L);
        int[] counts = new int[7];
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(7)]++;
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - n / 7.0) * (c - n / 7.0) / (n / 7.0);
        }
        assertThat(chi2).isLessThan(22.46);
        assertThatThrownBy(() -> r.nextInt(0)).hasMessageContaining("bound must be > 0");
    }
}
