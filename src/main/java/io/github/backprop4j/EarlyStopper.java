package io.github.backprop4j;

import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochMetrics;
import java.util.List;

/**
 * The running side of {@link EarlyStopping} for one call of fit: the best value so far, the
 * epochs since, and a copy of the best epoch's weights when they are to be restored.
 */
final class EarlyStopper {

    private final EarlyStopping settings;
    private final List<LinearLayer> layers;
    private double best = Double.NaN;
    private int bestEpoch;
    private int wait;
    private double[][][] bestWeights;
    private double[][] bestBiases;

    EarlyStopper(EarlyStopping settings, List<LinearLayer> layers) {
        this.settings = settings;
        this.layers = layers;
    }

    /** Records an epoch; returns why training should stop now, or null to go on. */
    String update(EpochMetrics metrics) {
        double value = settings.monitor().valueIn(metrics);
        if (settings.monitor().improves(value, best, settings.minDelta())) {
            best = value;
            bestEpoch = metrics.epoch();
            wait = 0;
            if (settings.restoreBestWeights()) {
                snapshot();
            }
            return null;
        }
        if (++wait < settings.patience()) {
            return null;
        }
        return String.format("early stopping at epoch %d: %s did not improve on %.6g (epoch %d) for %d epochs",
                metrics.epoch(), settings.monitor().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                best, bestEpoch, settings.patience());
    }

    /** Puts back the best epoch's weights, if they were kept and training went past it; returns that epoch or 0. */
    int restore(int lastEpoch) {
        if (bestWeights == null || bestEpoch == lastEpoch) {
            return 0;
        }
        for (int l = 0; l < layers.size(); l++) {
            copyInto(bestWeights[l], layers.get(l).weightParameter().values());
            copyInto(new double[][] {bestBiases[l]}, layers.get(l).biasParameter().values());
        }
        return bestEpoch;
    }

    private void snapshot() {
        bestWeights = new double[layers.size()][][];
        bestBiases = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            bestWeights[l] = layers.get(l).weights();
            bestBiases[l] = layers.get(l).bias();
        }
    }

    private static void copyInto(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }
}
