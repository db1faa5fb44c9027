package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.optim.Optimizer;
import java.lang.invoke.MethodHandles;

/**
 * The engine's way into {@link LinearLayer}'s training hooks, in the manner of the JDK's
 * {@code SharedSecrets}: {@code LinearLayer} registers the one implementation when its class is
 * initialised, and the engine reaches the hooks through {@link #get()}.
 *
 * <p>Why not public methods on the layer: these hooks hand out arrays that the layer reuses and
 * overwrites on its next forward pass, and take thread counts; as API they would be easy to
 * misuse and would fix the engine's internals for good. A user has the documented two-step form
 * instead: {@code forward}, then {@code gradients} or {@code backward}. This package is not
 * exported, so only the library sees these.
 */
public abstract class LayerAccess {

    private static volatile LayerAccess instance;

    /**
     * Called once, by {@code LinearLayer}'s static initialiser.
     *
     * @param access the implementation
     */
    public static void register(LayerAccess access) {
        if (instance != null) {
            throw new IllegalStateException("the layer hooks are registered already");
        }
        instance = access;
    }

    /** {@return the hooks, initialising {@code LinearLayer} first if nothing has yet} */
    public static LayerAccess get() {
        LayerAccess a = instance;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(LinearLayer.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot initialise LinearLayer", e);
            }
            a = instance;
        }
        return a;
    }

    /**
     * Training forward pass into the layer's reused arrays: {@code Z = X·W + b}, {@code A = f(Z)},
     * caching {@code X}, {@code Z}, {@code A}.
     *
     * @param layer   the layer
     * @param input   {@code X [B × inputs]}, kept by reference until the backward pass
     * @param threads at most this many threads for the product
     * @return {@code A}, valid until the layer's next forward pass
     */
    public abstract double[][] forward(LinearLayer layer, double[][] input, int threads);

    /**
     * {@code dZ = dA ⊙ f'(Z)} for the cached batch.
     *
     * @param layer the layer
     * @param outputGradient {@code dA}, not modified
     * @param threads at most this many threads
     * @return {@code dZ}, the layer's reused array
     */
    public abstract double[][] activationGradient(LinearLayer layer, double[][] outputGradient, int threads);

    /**
     * The layer's reused {@code dZ} array, for a loss fused with the activation to write into.
     *
     * @param layer the layer
     * @return the array
     */
    public abstract double[][] preActivationGradientArray(LinearLayer layer);

    /**
     * The gradient step into the layer's own arrays, then the optimizer's update of {@code W} and
     * {@code b}; consumes the cache.
     *
     * @param layer the layer
     * @param dZ {@code ∂L/∂Z}, not modified
     * @param optimizer the update rule
     * @param learningRate {@code η} of this step
     * @param inputGradient whether to compute {@code dA_prev}
     * @param threads at most this many threads
     * @return {@code dA_prev} (the layer's reused array), or null when not asked for
     */
    public abstract double[][] backward(LinearLayer layer, double[][] dZ, Optimizer optimizer, double learningRate,
            boolean inputGradient, int threads);

    /**
     * The gradient step alone, into the caller's arrays; consumes the cache.
     *
     * @param layer the layer
     * @param dZ {@code ∂L/∂Z}, not modified
     * @param dW overwritten with {@code Xᵀ·dZ}
     * @param db overwritten with the column sums of {@code dZ}
     * @param inputGradient whether to compute {@code dA_prev}
     * @param threads at most this many threads
     * @return {@code dA_prev} (the layer's reused array), or null when not asked for
     */
    public abstract double[][] gradients(LinearLayer layer, double[][] dZ, double[][] dW, double[][] db,
            boolean inputGradient, int threads);

    /**
     * @param layer the layer
     * @return the cached {@code Z}, or null when nothing is cached
     */
    public abstract double[][] cachedPreActivation(LinearLayer layer);

    /**
     * @param layer the layer
     * @return the cached {@code A}, or null when nothing is cached
     */
    public abstract double[][] cachedOutput(LinearLayer layer);

    /**
     * Inference up to the pre-activation, caching nothing.
     *
     * @param layer the layer
     * @param input {@code X}, not modified
     * @return {@code Z = X·W + b}, a new array
     */
    public abstract double[][] predictPreActivation(LinearLayer layer, double[][] input);

    /**
     * The lock that orders predictions against the publishing of a training step: predictions
     * read optimistically and validate; publishing takes the write lock.
     *
     * @param layer the layer
     * @return its lock
     */
    public abstract java.util.concurrent.locks.StampedLock lock(LinearLayer layer);
}
