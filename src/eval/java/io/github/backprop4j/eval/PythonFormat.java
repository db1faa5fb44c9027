package io.github.backprop4j.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers printed as Python's {@code format(x, '.2f')} prints them, which is what scikit-learn's
 * reports show: the exact binary value of the double rounded half to even. {@code 0.125} (exactly
 * representable, a tie) prints {@code 0.12}; {@code 0.145}, whose double is
 * 0.14499999999999999..., prints {@code 0.14}. Java's {@code %.2f} rounds the shortest decimal
 * spelling half up instead and prints {@code 0.13} and {@code 0.15}.
 */
final class PythonFormat {

    private PythonFormat() {
    }

    /** {@code v} with {@code digits} decimals: the exact value of the double, rounded half to even. */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative number that rounds to zero: format(-0.001, '.2f') is '-0.00'
        return v < 0 && !s.startsWith("-") ? "-" + s : s;
    }

    /** {@code s} right-aligned in {@code width} characters, as Python's {@code '{:>width}'}. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
