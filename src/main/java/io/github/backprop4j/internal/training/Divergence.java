package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.math.Matrices;
import java.util.List;

/** Finds and names the first layer whose cached output is not finite, for divergence messages. */
public final class Divergence {

    private static final LayerAccess HOOKS = LayerAccess.get();

    private Divergence() {
    }

    /**
     * The first layer whose cached output {@code A} holds a non-finite value.
     *
     * @param layers the layers, first to last
     * @return its index, or -1 when every cached output is finite
     */
    public static int firstNonFiniteOutput(List<LinearLayer> layers) {
        for (int l = 0; l < layers.size(); l++) {
            double[][] a = HOOKS.cachedOutput(layers.get(l));
            if (a != null && Matrices.firstNonFinite(a) != null) {
                return l;
            }
        }
        return -1;
    }

    /**
     * E.g. {@code layer 1 Dense(10->3, Softmax) output row 4, column 2 is NaN}.
     *
     * @param layers the layers
     * @param layer the index of a layer whose cached output is not finite
     * @return the description
     */
    public static String describeOutput(List<LinearLayer> layers, int layer) {
        double[][] a = HOOKS.cachedOutput(layers.get(layer));
        return describe(layers, layer, a, Matrices.firstNonFinite(a));
    }

    /**
     * E.g. {@code layer 1 Dense(10->3, Softmax) output row 4, column 2 is NaN}.
     *
     * @param layers the layers
     * @param layer the layer index
     * @param a its output
     * @param at row and column of the entry
     * @return the description
     */
    public static String describe(List<LinearLayer> layers, int layer, double[][] a, int[] at) {
        return String.format("layer %d %s output row %d, column %d is %s",
                layer, layers.get(layer), at[0], at[1], a[at[0]][at[1]]);
    }
}
