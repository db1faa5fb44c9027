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
 * for a checkpoint the optimizer and each parameter's optimizer state. Arrays are kept by
 * reference: this is a carrier between a model and its file, not a model.
 *
 * @param regression   true for numeric targets, false for classes
 * @param loss         the loss the model was trained with
 * @param featureNames one name per input column
 * @param outputNames  the class names, or the target names for regression
 * @param scaler       the feature scaling
 * @param layers       first to last
 * @param optimizer    the optimizer of a checkpoint, or null for a model only
 */
public record ModelData(boolean regression, Loss loss, List<String> featureNames, List<String> outputNames,
        Scaling scaler, List<Layer> layers, Optimizer optimizer) {

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
     */
    public ModelData {
        checkNotNull(loss, "loss");
        checkNotNull(scaler, "scaler");
        featureNames = List.copyOf(checkNotNull(featureNames, "featureNames"));
        outputNames = List.copyOf(checkNotNull(outputNames, "outputNames"));
        layers = List.copyOf(checkNotNull(layers, "layers"));
        checkArgument(!layers.isEmpty(), "a model needs at least one layer");
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
}
