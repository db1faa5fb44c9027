package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictNumbersTest {

    /** The fast path must equal Double.parseDouble bit for bit on every plain decimal. */
    @Test
    void parseAgreesWithDoubleParseDoubleBitForBit() {
        Random random = new Random(99);
        String[] problem = new String[1];
        for (int round = 0; round < 200_000; round++) {
            String s = randomDecimal(random);
            double expected = Double.parseDouble(s);
            double actual = StrictNumbers.parse(s, problem);
            if (Double.isInfinite(expected)) {
                assertThat(problem[0]).as(s).contains("too large");
                continue;
            }
            assertThat(problem[0]).as(s).isNull();
            assertThat(Double.doubleToRawLongBits(actual)).as("%s: %s vs %s", s, actual, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void parseOfEdgeCases() {
        String[] problem = new String[1];
        String[] plain = {"0", "-0", "-0.0", "+.5", "3.", "007", "0.1", "0.30000000000000004", "1e22", "1e23",
            "9007199254740993", "123456789012345", "1234567890123456", "4.9e-324", "2.2250738585072014E-308",
            "1.7976931348623157e308", "  12.5 ", "0.000000000000000000000000001", "1e-400"};
        for (String s : plain) {
            double value = StrictNumbers.parse(s, problem);
            assertThat(problem[0]).as(s).isNull();
            assertThat(Double.doubleToRawLongBits(value)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s.strip())));
        }
        for (String s : new String[] {"", ".", "-", "e5", "1e", "1e+", "1.2.3", "1,5", "--1", "1 2", "0x10", "1f", "NaN"}) {
            assertThat(Double.isNaN(StrictNumbers.parse(s, problem))).as(s).isTrue();
            assertThat(problem[0]).as(s).isNotNull();
        }
    }

    @Test
    void isPlainDecimal() {
        assertThat(StrictNumbers.isPlainDecimal("-12.5e3")).isTrue();
        assertThat(StrictNumbers.isPlainDecimal("1e400")).isTrue();
        assertThat(StrictNumbers.isPlainDecimal("Infinity")).isFalse();
        assertThat(StrictNumbers.isPlainDecimal("2d")).isFalse();
    }

    private static String randomDecimal(Random random) {
        StringBuilder s = new StringBuilder();
        int sign = random.nextInt(3);
        s.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
        int intDigits = random.nextInt(12);
        int fracDigits = random.nextInt(12);
        if (intDigits + fracDigits == 0) {
            intDigits = 1;
        }
        appendDigits(s, intDigits, random);
        if (fracDigits > 0 || random.nextBoolean()) {
            s.append('.');
            appendDigits(s, fracDigits, random);
        }
        if (random.nextInt(3) == 0) {
            s.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "");
            s.append(random.nextInt(random.nextBoolean() ? 30 : 330));
        }
        return s.toString();
    }

    private static void appendDigits(StringBuilder s, int count, Random random) {
        for (int k = 0; k < count; k++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
    }
}
