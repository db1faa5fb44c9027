package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;

/**
 * The L2 penalty {@code (λ/2)·Σ W²} added to the batch-mean loss, on weights only, never biases;
 * its gradient {@code λ·W} is added to {@code dW} before the optimizer step.
 *
 * <p>{@link #fixed} takes {@code λ} as given. {@link #prior} sets {@code λ = c / n} for {@code n}
 * training rows: that is a Gaussian prior {@code N(0, 1/c)} on each weight, since the posterior's
 * negative log divided by {@code n} is the mean loss plus {@code (c/(2n))·Σ W²}. Its pull weakens
 * as the data grows, so one setting suits small and large data sets; it is the default, with
 * {@code c = }{@value #DEFAULT_PRECISION}.
 *
 * <pre>{@code
 * WeightDecay.fixed(1e-4)     // λ = 1e-4 whatever the data
 * WeightDecay.prior(6.0)      // λ = 6/n, the default
 * WeightDecay.none()
 * }</pre>
 */
public final class WeightDecay {

    /** The default prior precision {@code c}: each weight's prior is {@code N(0, 1/6)}, a standard deviation of about 0.41. */
    public static final double DEFAULT_PRECISION = 6.0;

    private final double value;
    private final boolean perRow;

    private WeightDecay(double value, boolean perRow) {
        this.value = value;
        this.perRow = perRow;
    }

    /**
     * No penalty.
     *
     * @return no penalty
     */
    public static WeightDecay none() {
        return new WeightDecay(0, false);
    }

    /**
     * A fixed {@code λ}, finite and &gt;= 0.
     *
     * @param lambda {@code λ}, finite and &gt;= 0
     * @return the weight decay
     */
    public static WeightDecay fixed(double lambda) {
        checkArgument(lambda >= 0 && Double.isFinite(lambda), "weight decay must be finite and >= 0, got %s", lambda);
        return new WeightDecay(lambda, false);
    }

    /**
     * {@code λ = precision / n} for {@code n} training rows; {@code precision} finite and &gt;= 0.
     *
     * @param precision the prior precision {@code c}, finite and &gt;= 0
     * @return the weight decay
     */
    public static WeightDecay prior(double precision) {
        checkArgument(precision >= 0 && Double.isFinite(precision), "prior precision must be finite and >= 0, got %s", precision);
        return new WeightDecay(precision, true);
    }

    /**
     * {@code λ} for training on {@code rows} rows.
     *
     * @param rows the number of rows
     * @return {@code λ}
     */
    public double lambda(int rows) {
        checkArgument(rows > 0, "rows must be > 0, got %d", rows);
        return perRow ? value / rows : value;
    }

    /** {@return whether this adds no penalty at all} */
    public boolean isNone() {
        return value == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightDecay w && w.perRow == perRow && Double.compare(w.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + (perRow ? 1 : 0);
    }

    @Override
    public String toString() {
        return isNone() ? "WeightDecay(none)" : perRow ? "WeightDecay(prior " + value + "/n)" : "WeightDecay(" + value + ")";
    }
}
