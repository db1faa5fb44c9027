package io.github.backprop4j.data;

/**
 * Parses the plain decimal numbers a CSV cell may hold, {@code [+-]digits[.digits][e[+-]digits]}
 * (or {@code .5}), and explains anything else. Java's {@link Double#parseDouble} also takes
 * {@code NaN}, {@code Infinity}, hex ({@code 0x1p3}) and type suffixes ({@code 1.5d}, {@code 2f});
 * data files from other tools never mean those, so they are refused here.
 *
 * <p>Speed: most cells have at most 15 significant digits and a small exponent. For those the
 * value is {@code m · 10^e} or {@code m / 10^e} with an integer {@code m < 2^53} and
 * {@code |e| ≤ 22}: both operands are exact doubles, so one IEEE multiplication or division is
 * correctly rounded and equals {@code Double.parseDouble} bit for bit (Clinger, 1990). It also
 * allocates nothing. Every other number goes to {@code Double.parseDouble}.
 */
final class StrictNumbers {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int MAX_FAST_DIGITS = 15;
    private static final int EXPONENT_CAP = 100_000;   // beyond this a number is 0 or infinite anyway

    private StrictNumbers() {
    }

    /** Whether {@code s} is a plain decimal number (it may still overflow). */
    static boolean isPlainDecimal(String s) {
        return !Double.isNaN(scan(s));
    }

    /** Whether {@code s} looks meant as a number (it has a digit, or spells NaN or infinity), rather than as text. */
    static boolean looksNumeric(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return t.endsWith("nan") || t.endsWith("inf") || t.endsWith("infinity");
    }

    /**
     * The value of {@code cell} (surrounding spaces ignored); if it is not a usable number,
     * {@code NaN} with {@code problem[0]} set to why, else {@code problem[0]} is null.
     */
    static double parse(String cell, String[] problem) {
        String s = cell.strip();
        problem[0] = null;
        if (s.isEmpty()) {
            problem[0] = "empty cell, expected a number";
            return Double.NaN;
        }
        double value = scan(s);
        if (Double.isNaN(value)) {
            problem[0] = explain(s);
        } else if (Double.isInfinite(value)) {
            problem[0] = "'" + s + "' is too large for a double (overflows to infinity)";
            return Double.NaN;
        }
        return value;
    }

    /**
     * The value of a plain decimal {@code s}, possibly infinite; {@code NaN} if {@code s} is not one.
     */
    private static double scan(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;    // digits of the mantissa from the first non-zero one
        int digits = 0;
        int scale = 0;          // value = mantissa · 10^(scale + exponent)
        boolean fraction = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                if (significant <= MAX_FAST_DIGITS) {
                    mantissa = mantissa * 10 + (c - '0');
                    scale -= fraction ? 1 : 0;
                }
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = i < n && s.charAt(i) == '-';
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                exponent = Math.min(EXPONENT_CAP, exponent * 10 + (s.charAt(i) - '0'));
            }
            if (i == start) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != n) {
            return Double.NaN;
        }
        int power = scale + exponent;
        if (significant > MAX_FAST_DIGITS || Math.abs(power) >= POWERS_OF_TEN.length) {
            return Double.parseDouble(s);
        }
        // value = m · 10^power, one correctly rounded operation on exact operands
        double value = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
        return negative ? -value : value;
    }

    private static String explain(String s) {
        try {
            double value = Double.parseDouble(s);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return "'" + s + "' is not a finite number";
            }
            return "'" + s + "' is a Java-only number form; write a plain decimal such as 8, -1.5 or 2.5e-3";
        } catch (NumberFormatException e) {
            return "'" + s + "' is not a number";
        }
    }
}
