package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkNotNull;

/**
 * How a {@link Preprocessing} is fitted, what it does with a category it never saw, and whether
 * {@code Model.train} standardises regression targets. Immutable; each {@code with...} method
 * returns options with one setting changed.
 *
 * <p>Defaults: numeric gaps filled with the training median, no indicator columns, an unseen
 * category refused with an exception naming the column, the value and the known categories, and
 * regression targets standardised.
 */
public final class PreprocessingOptions {

    /** The statistic a numeric column's gaps are filled with. */
    public enum Imputation {
        /** The median of the column's training values. */
        MEDIAN,
        /** The mean of the column's training values. */
        MEAN
    }

    /** What a category value that was not in the training rows becomes at prediction time. */
    public enum UnknownCategories {
        /** An {@link IllegalArgumentException} naming the column, the value and the known categories. */
        ERROR,
        /** Zero in every one of the column's one-hot inputs. */
        ALL_ZEROS
    }

    private static final PreprocessingOptions DEFAULTS =
            new PreprocessingOptions(Imputation.MEDIAN, false, UnknownCategories.ERROR, true);

    private final Imputation imputation;
    private final boolean missingIndicators;
    private final UnknownCategories unknownCategories;
    private final boolean targetScaling;

    private PreprocessingOptions(Imputation imputation, boolean missingIndicators, UnknownCategories unknownCategories,
            boolean targetScaling) {
        this.imputation = imputation;
        this.missingIndicators = missingIndicators;
        this.unknownCategories = unknownCategories;
        this.targetScaling = targetScaling;
    }

    /** {@return the defaults: median, no indicators, unseen categories refused, targets standardised} */
    public static PreprocessingOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return options filling numeric gaps with this statistic of the training values}
     *
     * @param imputation median or mean
     */
    public PreprocessingOptions withImputation(Imputation imputation) {
        return new PreprocessingOptions(checkNotNull(imputation, "imputation"), missingIndicators, unknownCategories,
                targetScaling);
    }

    /**
     * {@return options that add, after each numeric column with gaps in the training rows, an
     * input that is 1 where the value was missing and 0 elsewhere}
     *
     * @param indicators whether to add them
     */
    public PreprocessingOptions withMissingIndicators(boolean indicators) {
        return new PreprocessingOptions(imputation, indicators, unknownCategories, targetScaling);
    }

    /**
     * {@return options with this policy for categories unseen in training}
     *
     * @param policy error (the default) or all zeros
     */
    public PreprocessingOptions withUnknownCategories(UnknownCategories policy) {
        return new PreprocessingOptions(imputation, missingIndicators, checkNotNull(policy, "policy"), targetScaling);
    }

    /**
     * {@return options that standardise (the default) or keep raw the regression targets}
     * Standardised, the network learns {@code (y − mean) / std} of the training targets, and the
     * model maps its outputs back, so predictions are in the targets' units either way.
     *
     * @param scaled whether {@code Model.train} standardises the targets
     */
    public PreprocessingOptions withTargetScaling(boolean scaled) {
        return new PreprocessingOptions(imputation, missingIndicators, unknownCategories, scaled);
    }

    /** {@return whether {@code Model.train} standardises regression targets} */
    public boolean targetScaling() {
        return targetScaling;
    }

    /** {@return the statistic numeric gaps are filled with} */
    public Imputation imputation() {
        return imputation;
    }

    /** {@return whether numeric columns with gaps get an indicator input} */
    public boolean missingIndicators() {
        return missingIndicators;
    }

    /** {@return what an unseen category becomes} */
    public UnknownCategories unknownCategories() {
        return unknownCategories;
    }
}
