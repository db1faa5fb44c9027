package io.github.backprop4j.plot;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * "Nice" tick positions for an axis: steps of 1, 2 or 5 times a power of ten, covering the data
 * range with about the requested number of ticks (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990); whole-number steps only on an axis of counts such as epochs; or, on a
 * logarithmic axis, the powers of ten. Labels are short: plain decimals for moderate numbers,
 * {@code 2e11} or {@code 5e-6} beyond them.
 */
final class Ticks {

    final double low;       // the axis runs from low to high, both multiples of step (powers of ten when log)
    final double high;
    final double step;
    final boolean log;      // positions are log10 of the values

    private Ticks(double low, double high, double step, boolean log) {
        this.low = low;
        this.high = high;
        this.step = step;
        this.log = log;
    }

    /** Ticks covering {@code [min, max]} with about {@code count} intervals. */
    static Ticks covering(double min, double max, int count) {
        return covering(min, max, count, false);
    }

    /** Ticks covering {@code [min, max]}; with {@code integers} every tick is a whole number, one apart or more. */
    static Ticks covering(double min, double max, int count, boolean integers) {
        if (!(max > min)) {
            double pad = integers ? 1 : min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = nice((max - min) / count);
        if (integers) {
            step = Math.max(1, Math.ceil(step));
        }
        return new Ticks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step, false);
    }

    /** Logarithmic ticks at the powers of ten around {@code [min, max]}, both &gt; 0. */
    static Ticks logCovering(double min, double max) {
        double low = Math.floor(Math.log10(min));
        double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
        return new Ticks(low, high, 1, true);
    }

    private static double nice(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The position of {@code value} on the axis: itself, or its log10 on a logarithmic axis. */
    double position(double value) {
        return log ? Math.log10(value) : value;
    }

    /** {@return the tick values, from low to high} */
    double[] values() {
        int n = (int) Math.round((high - low) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = log ? Math.pow(10, low + i) : low + i * step;
        }
        return v;
    }

    /** A short label for the tick at {@code value}: {@code 0.25}, {@code 40}, {@code 2e11}, {@code 1e-5}. */
    String label(double value) {
        if (log) {
            return compact(value, 0);
        }
        if (Math.abs(value) < step * 1e-6) {
            return "0";
        }
        double largest = Math.max(Math.abs(low), Math.abs(high));
        if (largest >= 1e5 || step < 1e-4) {
            // the mantissa keeps the digits that tell the ticks apart
            int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
            int decimals = Math.max(0, exponent - (int) Math.floor(Math.log10(step) + 1e-9));
            return compact(value, Math.min(decimals, 3));
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code 2e11}, {@code 2.5e-6}: scientific with at most {@code decimals} mantissa decimals, trailing zeros dropped. */
    private static String compact(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "e", value);
        int e = s.indexOf('e');
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        int exponent = Integer.parseInt(s.substring(e + 1));
        return exponent == 0 ? mantissa : mantissa + "e" + exponent;
    }
}
