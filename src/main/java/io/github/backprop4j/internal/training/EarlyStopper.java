package io.github.backprop4j.internal.training;

import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochMetrics;
import java.util.Locale;

/**
 * Early stopping (a loop listener): stops when the monitored value has not improved by more than
 * {@code minDelta} for {@code patience} epochs in a row. Its state (best value, its epoch, the
 * epochs waited) lives in the run.
 */
final class EarlyStopper implements LoopListener {

    private final EarlyStopping settings;
    private final TrainingRun run;

    EarlyStopper(EarlyStopping settings, TrainingRun run) {
        this.settings = settings;
        this.run = run;
    }

    @Override
    public String onEpochEnd(EpochMetrics metrics) {
        double value = settings.monitor().valueIn(metrics);
        if (settings.monitor().improves(value, run.best, settings.minDelta())) {
            run.best = value;
            run.bestEpoch = metrics.epoch();
            run.waited = 0;
            return null;
        }
        if (++run.waited < settings.patience()) {
            return null;
        }
        return String.format("early stopping at epoch %d: %s did not improve on %.6g (epoch %d) for %d epochs",
                metrics.epoch(), settings.monitor().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                run.best, run.bestEpoch, settings.patience());
    }
}
