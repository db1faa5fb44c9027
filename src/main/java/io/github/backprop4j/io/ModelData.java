package io.github.backprop4j.io;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;

/**
 * Everything a model file holds, as plain data: what the model predicts, its loss, the names of
 * its inputs and outputs, the feature scaling, every layer's activation, weights and bias, and
 * for a checkpoint the optimizer, each parameter's optimizer state and (from format version 2)
 * the position of its training run. Arrays are kept by reference: this is a carrier between a
 * model and its file, not a model.
 *
 * @param regression   true for numeric targets, false for classes
 * @param loss         the loss the model was trained with
 * @param featureNames one name per input column
 * @param outputNames  the class names, or the target names for regression
 * @param scaler       the feature scaling
 * @param layers       first to last
 * @param optimizer    the optimizer of a checkpoint, or null for a model only
 * @param run          the training run of a checkpoint, or null (a model, a checkpoint of format
 *                     version 1, or a network never trained by {@code fit})
 * @param columns      from format version 4, the preprocessing that encodes raw columns into the
 *                     inputs (its scaler is {@code scaler}), or null when the inputs are the features
 * @param targets      from format version 5, the standardisation of a regression model's targets
 *                     ({@code y' = (y − offset) / scale}, which the model inverts), or {@link Scaling#NONE}
 * @param provenance   from format version 6, where the model came from, or null when unknown (a
 *                     model not made by {@code Model.train}, or read from an older file)
 */
public record ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
        Scaling scaler, List<Layer> layers, Optimizer optimizer, Run run,
        io.github.backprop4j.data.Preprocessing columns, Scaling targets, Provenance provenance) {

    /**
     * Checks that nothing is missing.
     *
     * @param regression true for numeric targets, false for classes
     * @param loss the loss the model was trained with
     * @param featureNames one name per input column
     * @param outputNames the class names, or the target names for regression
     * @param scaler the feature scaling
     * @param layers first to last
     * @param optimizer the optimizer of a checkpoint, or null for a model only
     * @param run the training run of a checkpoint, or null
     * @param columns the preprocessing of raw columns into the inputs, or null
     * @param targets the standardisation of a regression model's targets, or {@link Scaling#NONE}
     * @param provenance where the model came from, or null
     */
    public ModelData {
        checkNotNull(loss, "loss");
        checkNotNull(scaler, "scaler");
        featureNames = List.copyOf(checkNotNull(featureNames, "featureNames"));
        outputNames = List.copyOf(checkNotNull(outputNames, "outputNames"));
        layers = List.copyOf(checkNotNull(layers, "layers"));
        checkArgument(!layers.isEmpty(), "a model needs at least one layer");
        checkArgument(run == null || optimizer != null, "a training run is saved only in a checkpoint, with its optimizer");
        checkArgument(columns == null || "standard".equals(scaler.kind()),
                "a model with encoded columns standardises its inputs; got scaler %s", scaler.kind());
        checkNotNull(targets, "targets");
        checkArgument("none".equals(targets.kind()) || regression && "standard".equals(targets.kind())
                && targets.offset().length == outputNames.size() && targets.scale().length == outputNames.size(),
                "targets are standardised per target of a regression model; got %s for %s", targets.kind(), outputNames);
    }

    /**
     * A model or a checkpoint without provenance, as format version 5 held.
     *
     * @param regression true for numeric targets, false for classes
     * @param loss the loss the model was trained with
     * @param featureNames one name per input column
     * @param outputNames the class names, or the target names for regression
     * @param scaler the feature scaling
     * @param layers first to last
     * @param optimizer the optimizer of a checkpoint, or null for a model only
     * @param run the training run of a checkpoint, or null
     * @param columns the preprocessing of raw columns into the inputs, or null
     * @param targets the standardisation of a regression model's targets, or {@link Scaling#NONE}
     */
    public ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
            Scaling scaler, List<Layer> layers, Optimizer optimizer, Run run,
            io.github.backprop4j.data.Preprocessing columns, Scaling targets) {
        this(regression, loss, featureNames, outputNames, scaler, layers, optimizer, run, columns, targets, null);
    }

    /**
     * A model or a checkpoint without target scaling, as format version 4 held.
     *
     * @param regression true for numeric targets, false for classes
     * @param loss the loss the model was trained with
     * @param featureNames one name per input column
     * @param outputNames the class names, or the target names for regression
     * @param scaler the feature scaling
     * @param layers first to last
     * @param optimizer the optimizer of a checkpoint, or null for a model only
     * @param run the training run of a checkpoint, or null
     * @param columns the preprocessing of raw columns into the inputs, or null
     */
    public ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
            Scaling scaler, List<Layer> layers, Optimizer optimizer, Run run,
            io.github.backprop4j.data.Preprocessing columns) {
        this(regression, loss, featureNames, outputNames, scaler, layers, optimizer, run, columns, Scaling.NONE);
    }

    /**
     * A model or a checkpoint whose inputs are its features, as format versions 2 and 3 held.
     *
     * @param regression true for numeric targets, false for classes
     * @param loss the loss the model was trained with
     * @param featureNames one name per input column
     * @param outputNames the class names, or the target names for regression
     * @param scaler the feature scaling
     * @param layers first to last
     * @param optimizer the optimizer of a checkpoint, or null for a model only
     * @param run the training run of a checkpoint, or null
     */
    public ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
            Scaling scaler, List<Layer> layers, Optimizer optimizer, Run run) {
        this(regression, loss, featureNames, outputNames, scaler, layers, optimizer, run, null);
    }

    /**
     * A model or a checkpoint without a training run, as format version 1 held.
     *
     * @param regression true for numeric targets, false for classes
     * @param loss the loss the model was trained with
     * @param featureNames one name per input column
     * @param outputNames the class names, or the target names for regression
     * @param scaler the feature scaling
     * @param layers first to last
     * @param optimizer the optimizer of a checkpoint, or null for a model only
     */
    public ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
            Scaling scaler, List<Layer> layers, Optimizer optimizer) {
        this(regression, loss, featureNames, outputNames, scaler, layers, optimizer, null, null);
    }

    /** {@return whether this is a checkpoint, with optimizer state to resume training from} */
    public boolean isCheckpoint() {
        return optimizer != null;
    }

    /**
     * The feature scaling: {@code x' = (x − offset) / scale} per column.
     *
     * @param kind   "none", "standard" (offset μ, scale σ) or "minmax" (offset min, scale range)
     * @param offset per column, null for none
     * @param scale  per column, null for none
     */
    public record Scaling(String kind, double[] offset, double[] scale) {

        /** No scaling. */
        public static final Scaling NONE = new Scaling("none", null, null);
    }

    /**
     * One layer.
     *
     * @param activation the activation, one of the built-in ones
     * @param weights    {@code W [inputs × outputs]}
     * @param bias       {@code b}, length outputs
     * @param weightState the optimizer state of {@code W}, or null
     * @param biasState   the optimizer state of {@code b}, or null
     */
    public record Layer(Activation activation, double[][] weights, double[] bias, State weightState, State biasState) {
    }

    /**
     * One parameter's optimizer state.
     *
     * @param steps   updates taken
     * @param names   the buffers' names
     * @param buffers the buffers, each the parameter's shape
     */
    public record State(long steps, List<String> names, List<double[][]> buffers) {
    }

    /**
     * Where a training run stands, so that resuming it continues exactly as the uninterrupted run
     * would: what it was started with, its position, its random generators, its early-stopping
     * state and the epochs so far. Generator states are two words of xoroshiro128++; parameter
     * lists follow the network's parameter order (layer 0 {@code W}, layer 0 {@code b}, ...).
     *
     * @param settings       the training configuration, setting by setting, without the epoch
     *                       total and the thread count (which may change on resume)
     * @param rows           the number of rows given to {@code fit}
     * @param dataHash       a 64-bit hash of those rows' features and targets
     * @param epochsDone     epochs completed
     * @param batchesDone    batches completed in epoch {@code epochsDone + 1}
     * @param epochLoss      that epoch's sum of row-weighted batch losses so far
     * @param epochCorrect   that epoch's correctly classified rows so far
     * @param elapsedNanos   training time so far
     * @param shuffleAtEpochStart the shuffle generator's state when that epoch started
     * @param shuffle        the shuffle generator's state now
     * @param dropout        per layer index with dropout, its generator's state
     * @param initialLoss    the run's first batch loss, at initialisation, the divergence check's
     *                       reference; NaN before the first batch, and in runs of format version 2
     * @param best           the best monitored value so far, NaN before the first epoch
     * @param bestEpoch      the epoch of {@code best}, 0 before the first epoch
     * @param waited           epochs since {@code best} improved
     * @param bestParameters every parameter at {@code bestEpoch}, or empty when not kept
     * @param continueFrom   every parameter at the run's position when its end restored the best
     *                       ones, or empty
     * @param epochs         the metrics of every completed epoch
     * @param stopReason     why the run stopped before its epoch total, or null
     */
    public record Run(java.util.Map<String, String> settings, int rows, long dataHash, int epochsDone, int batchesDone,
            double epochLoss, long epochCorrect, long elapsedNanos, long[] shuffleAtEpochStart, long[] shuffle,
            java.util.Map<Integer, long[]> dropout, double initialLoss, double best, int bestEpoch, int waited, List<double[][]> bestParameters,
            List<double[][]> continueFrom, List<io.github.backprop4j.train.EpochMetrics> epochs, String stopReason) {

        /**
         * Checks that nothing is missing and copies the collections.
         *
         * @param settings the training configuration, setting by setting
         * @param rows the number of rows given to {@code fit}
         * @param dataHash a hash of those rows
         * @param epochsDone epochs completed
         * @param batchesDone batches completed in the next epoch
         * @param epochLoss that epoch's loss sum so far
         * @param epochCorrect that epoch's correct rows so far
         * @param elapsedNanos training time so far
         * @param shuffleAtEpochStart the shuffle generator's state when that epoch started
         * @param shuffle the shuffle generator's state now
         * @param dropout per layer with dropout, its generator's state
         * @param initialLoss the run's first batch loss, or NaN
         * @param best the best monitored value so far
         * @param bestEpoch the epoch of {@code best}
         * @param waited epochs since {@code best} improved
         * @param bestParameters every parameter at {@code bestEpoch}, or empty
         * @param continueFrom every parameter at the run's position, or empty
         * @param epochs the metrics of every completed epoch
         * @param stopReason why the run stopped early, or null
         */
        public Run {
            settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(checkNotNull(settings, "settings")));
            dropout = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(checkNotNull(dropout, "dropout")));
            bestParameters = List.copyOf(checkNotNull(bestParameters, "bestParameters"));
            continueFrom = List.copyOf(checkNotNull(continueFrom, "continueFrom"));
            epochs = List.copyOf(checkNotNull(epochs, "epochs"));
            checkNotNull(shuffleAtEpochStart, "shuffleAtEpochStart");
            checkNotNull(shuffle, "shuffle");
            checkArgument(epochs.size() == epochsDone, "%d epochs done but %d epochs of metrics", epochsDone, epochs.size());
        }
    }
}
