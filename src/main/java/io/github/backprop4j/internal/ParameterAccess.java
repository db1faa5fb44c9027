package io.github.backprop4j.internal;

import io.github.backprop4j.optim.Parameter;
import java.lang.invoke.MethodHandles;

/**
 * The training engine's way into a {@link Parameter}'s double buffer, in the manner of the JDK's
 * {@code SharedSecrets} (see {@code internal.training.LayerAccess}): {@code Parameter} registers
 * the implementation when its class is initialised.
 *
 * <p>A training step updates each parameter into a back buffer ({@link #begin}), leaving the
 * published values (and optimizer state) untouched; the engine checks the back buffer and then
 * either {@link #publish}es it (a reference swap) or {@link #discard}s it, so a step that
 * overflowed leaves the last finite state behind.
 */
public abstract class ParameterAccess {

    private static volatile ParameterAccess instance;

    /**
     * Called once, by {@code Parameter}'s static initialiser.
     *
     * @param access the implementation
     */
    public static void register(ParameterAccess access) {
        if (instance != null) {
            throw new IllegalStateException("the parameter hooks are registered already");
        }
        instance = access;
    }

    /** {@return the hooks, initialising {@code Parameter} first if nothing has yet} */
    public static ParameterAccess get() {
        ParameterAccess a = instance;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(Parameter.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot initialise Parameter", e);
            }
            a = instance;
        }
        return a;
    }

    /**
     * Starts a buffered update: until {@link #publish} or {@link #discard}, {@code values()} and
     * the state's {@code buffer(name)} are the back buffers, while {@link #front} stays as it was.
     *
     * @param parameter the parameter, with its optimizer state already made
     * @param copy      whether to copy the front into the back first: needed by an update rule that
     *                  changes its arrays in place; the built-in rules write every entry from the
     *                  front and need no copy
     */
    public abstract void begin(Parameter parameter, boolean copy);

    /**
     * The published values, which predictions read, also during a buffered update.
     *
     * @param parameter the parameter
     * @return the front values
     */
    public abstract double[][] front(Parameter parameter);

    /**
     * Where the pending update left a non-finite number, in its values or its optimizer state.
     *
     * @param parameter the parameter, during a buffered update
     * @param threads   at most this many threads for the scan
     * @return e.g. {@code "[2][0] is Infinity"} or {@code "optimizer state 'v'[0][1] is NaN"}, or null when all is finite
     */
    public abstract String firstNonFinite(Parameter parameter, int threads);

    /**
     * Makes the back buffers the published values and state (a reference swap).
     *
     * @param parameter the parameter, during a buffered update
     */
    public abstract void publish(Parameter parameter);

    /**
     * Drops the pending update: the values, the state and its step count stay as they were.
     *
     * @param parameter the parameter, during a buffered update
     */
    public abstract void discard(Parameter parameter);

    /**
     * Puts back the optimizer state a parameter had before a refused call made or replaced it.
     *
     * @param parameter the parameter, not during an update
     * @param state     the state it had, or null
     */
    public abstract void restoreState(Parameter parameter, io.github.backprop4j.optim.OptimizerState state);
}
