package io.github.backprop4j.data;

/**
 * Parses the plain decimal numbers a CSV cell may hold, {@code [+-]digits[.digits][e[+-]digits]}
 * (or {@code .5}), and explains anything else. Java's {@link Double#parseDouble} also takes
 * {@code NaN}, {@code Infinity}, hex ({@code 0x1p3}) and type suffixes ({@code 1.5d}, {@code 2f});
 * data files from other tools never mean those, so they are refused here.
 */
final class StrictNumbers {

    private StrictNumbers() {
    }

    /** Whether {@code s} is a plain decimal number (it may still overflow). */
    static boolean isPlainDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * The value of {@code cell} (surrounding spaces ignored), or null with {@code problem[0]} set to
     * why it is not a usable number.
     */
    static double parse(String cell, String[] problem) {
        String s = cell.strip();
        if (s.isEmpty()) {
            problem[0] = "empty cell, expected a number";
            return Double.NaN;
        }
        if (!isPlainDecimal(s)) {
            problem[0] = explain(s);
            return Double.NaN;
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            problem[0] = "'" + s + "' is too large for a double (overflows to infinity)";
            return Double.NaN;
        }
        problem[0] = null;
        return value;
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
