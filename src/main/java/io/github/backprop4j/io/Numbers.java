package io.github.backprop4j.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a model file spells a double: the exact binary value rounded to 17 significant digits
 * (enough for {@link Double#parseDouble} to give back the same double), trailing zeros dropped.
 * The spelling comes from {@link BigDecimal}, whose arithmetic and {@code toString} are specified
 * exactly, so it is the same on every JDK; {@code Double.toString} changed in JDK 19.
 */
final class Numbers {

    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** The spelling of finite {@code v}; {@code -0.0} keeps its sign. */
    static String format(double v) {
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0.0";
        }
        BigDecimal rounded = new BigDecimal(v).round(SEVENTEEN).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent >= -6 && exponent < 21 ? rounded.toPlainString() : rounded.toString();
    }
}
