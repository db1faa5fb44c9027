package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.Arrays;

/**
 * How much each class's rows count in the loss, for imbalanced classification: each row's loss
 * (and so its gradient) is multiplied by its class's weight {@code w_k}, and the batch loss is
 * {@code (1/B) Σ_i w_(y_i) L_i}, as Keras' {@code class_weight}.
 *
 * <pre>{@code
 * ClassWeights.balanced()          // w_k = n / (K · n_k), as scikit-learn's "balanced"
 * ClassWeights.of(1.0, 5.0)        // a row of class 1 counts five times
 * }</pre>
 */
public final class ClassWeights {

    private final double[] weights;     // null: balanced, computed from the labels

    private ClassWeights(double[] weights) {
        this.weights = weights;
    }

    /**
     * Weights inversely proportional to class frequency in the training rows, {@code w_k = n / (K · n_k)}.
     *
     * @return balanced class weights
     */
    public static ClassWeights balanced() {
        return new ClassWeights(null);
    }

    /**
     * One weight per class, in label order: finite and &gt;= 0, at least one &gt; 0.
     *
     * @param weights one weight per class, in label order
     * @return the class weights
     */
    public static ClassWeights of(double... weights) {
        checkNotNull(weights, "class weights");
        checkArgument(weights.length > 0, "give one weight per class, got none");
        boolean anyPositive = false;
        for (int k = 0; k < weights.length; k++) {
            checkArgument(weights[k] >= 0 && Double.isFinite(weights[k]),
                    "class weight %d must be finite and >= 0, got %s", k, weights[k]);
            anyPositive |= weights[k] > 0;
        }
        checkArgument(anyPositive, "at least one class weight must be > 0, got %s", Arrays.toString(weights));
        return new ClassWeights(weights.clone());
    }

    /**
     * The weight of each class for training rows with {@code labels} among {@code classes} classes.
     *
     * @throws IllegalArgumentException if explicit weights do not number {@code classes}
     * @param labels one class label per row; not modified
     * @param classes the number of classes
     * @return the weight of each class, in label order
     */
    public double[] forLabels(int[] labels, int classes) {
        if (weights != null) {
            checkArgument(weights.length == classes,
                    "%d class weights were given but the network has %d classes", weights.length, classes);
            return weights.clone();
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        double[] w = new double[classes];
        for (int k = 0; k < classes; k++) {
            // w_k = n / (K · n_k); a class absent from the rows gets weight 0, it never occurs
            w[k] = counts[k] == 0 ? 0 : (double) labels.length / ((double) classes * counts[k]);
        }
        return w;
    }

    @Override
    public String toString() {
        return weights == null ? "ClassWeights(balanced)" : "ClassWeights" + Arrays.toString(weights);
    }
}
