package io.github.backprop4j.plot;

/**
 * "Nice" tick positions for an axis: steps of 1, 2 or 5 times a power of ten, covering the data
 * range with about the requested number of ticks (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990).
 */
final class Ticks {

    final double low;       // the axis runs from low to high, both multiples of step
    final double high;
    final double step;

    private Ticks(double low, double high, double step) {
        this.low = low;
        this.high = high;
        this.step = step;
    }

    /** Ticks covering {@code [min, max]} with about {@code count} intervals. */
    static Ticks covering(double min, double max, int count) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = nice((max - min) / count);
        return new Ticks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    /** The nice number (1, 2, 5 or 10 times a power of ten) nearest above {@code raw}. */
    private static double nice(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The tick values from low to high. */
    double[] values() {
        int n = (int) Math.round((high - low) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = low + i * step;
        }
        return v;
    }

    /** A label for {@code value} with as many decimals as the step needs. */
    String label(double value) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(value) < step * 1e-6) {
            value = 0;
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
