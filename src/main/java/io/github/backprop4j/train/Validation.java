package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.math.Matrices;

/**
 * Where the rows come from that training is checked on after each epoch: a share held out of the
 * training data (stratified by class for classification), or a separate validation set.
 *
 * <pre>{@code
 * Validation.fraction(0.1)                  // 10% of each class held out, seeded by the config
 * Validation.of(xValidation, yValidation)   // an explicit set
 * }</pre>
 */
public final class Validation {

    private final double fraction;          // NaN for an explicit set
    private final double[][] features;      // null for a fraction
    private final int[] labels;             // one of labels and targets for an explicit set
    private final double[][] targets;

    private Validation(double fraction, double[][] features, int[] labels, double[][] targets) {
        this.fraction = fraction;
        this.features = features;
        this.labels = labels;
        this.targets = targets;
    }

    /**
     * Hold out {@code fraction} of the training rows: of each class for classification, of all
     * rows for regression, chosen with the config's seed. At least one row goes to each side.
     *
     * @param fraction in {@code (0, 1)}
     * @return the validation setting
     */
    public static Validation fraction(double fraction) {
        checkArgument(fraction > 0 && fraction < 1, "validation fraction must be in (0, 1), got %s", fraction);
        return new Validation(fraction, null, null, null);
    }

    /**
     * {@return an explicit validation set with class labels (copied)}
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels one class label per row; not modified
     */
    public static Validation of(double[][] features, int[] labels) {
        Matrices.checkFinite(features, "validation features");
        checkNotNull(labels, "validation labels");
        checkArgument(labels.length == features.length,
                "validation features have %d rows but validation labels have %d", features.length, labels.length);
        return new Validation(Double.NaN, Matrices.copy(features), labels.clone(), null);
    }

    /**
     * {@return an explicit validation set with target values (copied), e.g. for regression}
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param targets {@code Y [n × outputs]}, finite; not modified
     */
    public static Validation of(double[][] features, double[][] targets) {
        Matrices.checkFinite(features, "validation features");
        Matrices.checkFinite(targets, "validation targets");
        checkArgument(targets.length == features.length,
                "validation features have %d rows but validation targets have %d", features.length, targets.length);
        return new Validation(Double.NaN, Matrices.copy(features), null, Matrices.copy(targets));
    }

    /** {@return whether this holds out a share of the training data rather than giving a set} */
    public boolean isFraction() {
        return features == null;
    }

    /** {@return the held-out share, or NaN for an explicit set} */
    public double fractionValue() {
        return fraction;
    }

    /** {@return a copy of the explicit set's features, or null for a fraction} */
    public double[][] features() {
        return features == null ? null : Matrices.copy(features);
    }

    /** {@return a copy of the explicit set's labels, or null (a fraction, or a set with targets)} */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** {@return a copy of the explicit set's targets, or null (a fraction, or a set with labels)} */
    public double[][] targets() {
        return targets == null ? null : Matrices.copy(targets);
    }

    @Override
    public String toString() {
        return isFraction() ? "Validation(fraction " + fraction + ")" : "Validation(" + features.length + " rows)";
    }
}
