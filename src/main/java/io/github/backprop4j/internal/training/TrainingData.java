package io.github.backprop4j.internal.training;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.Validation;

/**
 * The rows one call of fit trains and validates on, after the config's validation split: features,
 * targets, class labels (null for regression) and each training row's loss weight (null for none).
 */
record TrainingData(double[][] x, double[][] y, int[] labels, double[] rowWeights,
        double[][] validationX, double[][] validationY, int[] validationLabels) {

    /** Whether there are validation rows. */
    boolean hasValidation() {
        return validationX != null;
    }

    /**
     * Splits off the validation rows the config asks for and computes the row weights.
     *
     * @param labels class labels of the rows, or null when training on targets
     */
    static TrainingData prepare(double[][] x, double[][] y, int[] labels, TrainingConfig config, Loss loss, int outputs) {
        TrainingData all = new TrainingData(x, y, labels, null, null, null, null);
        if (config.validation().isPresent()) {
            Validation v = config.validation().get();
            all = v.isFraction() ? all.holdOut(v.fractionValue(), config.seed(), outputs)
                    : all.withValidation(v, loss, outputs);
        }
        if (config.classWeights().isEmpty()) {
            return all;
        }
        checkArgument(all.labels != null, "class weights need class labels; fit was given double[][] targets");
        double[] perClass = config.classWeights().get().forLabels(all.labels, Math.max(outputs, 2));
        double[] rowWeights = new double[all.labels.length];
        for (int i = 0; i < rowWeights.length; i++) {
            rowWeights[i] = perClass[all.labels[i]];
        }
        return new TrainingData(all.x, all.y, all.labels, rowWeights, all.validationX, all.validationY, all.validationLabels);
    }

    /** Holds out a share: stratified by label for classification, of all rows otherwise; none if it rounds to 0. */
    private TrainingData holdOut(double fraction, long seed, int outputs) {
        boolean[] out = io.github.backprop4j.internal.StratifiedSplit.validationRows(labels, x.length, Math.max(outputs, 2), fraction, seed);
        int[] kept = where(out, false);
        int[] held = where(out, true);
        if (held.length == 0) {
            return this;
        }
        return new TrainingData(Matrices.selectRows(x, kept, 0, kept.length), Matrices.selectRows(y, kept, 0, kept.length),
                labels == null ? null : pick(labels, kept), null,
                Matrices.selectRows(x, held, 0, held.length), Matrices.selectRows(y, held, 0, held.length),
                labels == null ? null : pick(labels, held));
    }

    private TrainingData withValidation(Validation v, Loss loss, int outputs) {
        double[][] vx = v.features();
        checkArgument(vx[0].length == x[0].length,
                "validation features have %d columns but the training features have %d", vx[0].length, x[0].length);
        int[] vLabels = v.labels();
        double[][] vy = vLabels != null ? loss.targetsForLabels(vLabels, outputs) : v.targets();
        checkArgument(vy[0].length == y[0].length,
                "validation targets have %d columns but the network has %d outputs", vy[0].length, y[0].length);
        checkArgument(vLabels != null || labels == null,
                "training has class labels, so the validation set needs class labels too");
        return new TrainingData(x, y, labels, null, vx, vy, labels == null ? null : vLabels);
    }

    private static int[] where(boolean[] flags, boolean value) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i] == value).toArray();
    }

    private static int[] pick(int[] a, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = a[indices[i]];
        }
        return out;
    }
}
