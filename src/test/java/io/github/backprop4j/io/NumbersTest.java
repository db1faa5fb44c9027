package io.github.backprop4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** Every spelling reads back as the same double, bit for bit. */
    @Test
    void formatReadsBackExactly() {
        double[] special = {0.1, 1.0 / 3, -2.5e-300, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e21, 1e-7, 123456789012345678.0, Math.PI, -0.0, 0.0, 5e-324, 4.9406564584124654e-324};
        for (double v : special) {
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(Numbers.format(v)))).as("%s", v)
                    .isEqualTo(Double.doubleToRawLongBits(v));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertThat(Double.parseDouble(Numbers.format(v))).isEqualTo(v);
            }
        }
    }

    /** The spelling is BigDecimal's, independent of Double.toString (which changed in JDK 19). */
    @Test
    void spellings() {
        assertThat(Numbers.format(0.1)).isEqualTo("0.10000000000000001");
        assertThat(Numbers.format(100)).isEqualTo("100");
        assertThat(Numbers.format(-0.5)).isEqualTo("-0.5");
        assertThat(Numbers.format(1e-7)).isEqualTo("9.9999999999999995E-8");
        assertThat(Numbers.format(2e22)).isEqualTo("2E+22");
        assertThat(Numbers.format(-0.0)).isEqualTo("-0.0");
    }
}
