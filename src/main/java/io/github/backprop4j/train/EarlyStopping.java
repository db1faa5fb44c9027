package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

/**
 * Stops training once the monitored quantity has not improved by more than {@code minDelta} for
 * {@code patience} epochs, and optionally puts back the weights of the best epoch. As Keras'
 * {@code EarlyStopping}.
 *
 * <pre>{@code
 * new EarlyStopping(Monitor.VALIDATION_LOSS, 20, 1e-4, true)
 * }</pre>
 *
 * @param monitor            the watched quantity
 * @param patience           epochs without improvement before stopping, &gt; 0
 * @param minDelta           the smallest change that counts as improvement, finite and &gt;= 0
 * @param restoreBestWeights whether to end with the weights of the best epoch rather than the last
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBestWeights) {

    /**
     * Validates the settings.
     *
     * @param monitor the watched quantity
     * @param patience epochs without improvement before stopping, &gt; 0
     * @param minDelta the smallest change that counts as improvement, finite and &gt;= 0
     * @param restoreBestWeights whether to end with the weights of the best epoch rather than the last
     */
    public EarlyStopping {
        checkNotNull(monitor, "monitor");
        checkArgument(patience > 0, "patience must be > 0, got %d", patience);
        checkArgument(minDelta >= 0 && Double.isFinite(minDelta), "minDelta must be finite and >= 0, got %s", minDelta);
    }

    /**
     * Watch the validation loss with {@code patience}, any decrease counting, and restore the best
     * weights: stands for {@code new EarlyStopping(Monitor.VALIDATION_LOSS, patience, 0, true)}.
     *
     * @param patience epochs without improvement before acting, &gt; 0
     * @return the setting
     */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping(Monitor.VALIDATION_LOSS, patience, 0, true);
    }
}
