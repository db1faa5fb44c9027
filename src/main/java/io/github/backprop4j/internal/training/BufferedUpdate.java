package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.internal.ParameterAccess;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.optim.Sgd;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * One training step's update of every parameter, double-buffered: the optimizer writes each
 * parameter's new values and state into a back buffer while the published ones stay as they were;
 * then the back buffers are checked for non-finite numbers and either published together (a
 * reference swap per parameter, under every layer's write lock, so a prediction sees the network
 * between two steps, never half of one) or dropped, which leaves the last finite state.
 *
 * <p>The built-in optimizers read the front and write every entry of the back, so nothing is
 * copied; an optimizer of the user's own changes its arrays in place, so the front is copied into
 * the back first.
 */
public final class BufferedUpdate {

    private static final ParameterAccess PARAMS = ParameterAccess.get();
    private static final LayerAccess HOOKS = LayerAccess.get();

    private BufferedUpdate() {
    }

    /**
     * Starts the step's update of every parameter.
     *
     * @param parameters the network's parameters, each with its optimizer state made
     * @param rule       the optimizer the configuration names (not its regularising wrapper)
     */
    public static void begin(List<Parameter> parameters, Optimizer rule) {
        boolean copy = !isBuiltIn(rule);
        for (Parameter p : parameters) {
            PARAMS.begin(p, copy);
        }
    }

    /** Whether {@code rule} is one of the library's optimizers, which write the back buffer whole. */
    static boolean isBuiltIn(Optimizer rule) {
        return rule.getClass().getModule() == Sgd.class.getModule()
                && rule.getClass().getPackageName().equals(Sgd.class.getPackageName());
    }

    /**
     * Finds the first parameter whose pending values or state hold a non-finite number.
     *
     * @param parameters the parameters, during the update
     * @param detail     receives the description of the entry at index 0
     * @param threads    at most this many threads for the scan
     * @return the parameter's index, or -1 when everything is finite
     */
    public static int firstNonFinite(List<Parameter> parameters, String[] detail, int threads) {
        for (int p = 0; p < parameters.size(); p++) {
            String bad = PARAMS.firstNonFinite(parameters.get(p), threads);
            if (bad != null) {
                detail[0] = bad;
                return p;
            }
        }
        return -1;
    }

    /**
     * Publishes every pending update at once, under the write lock of every layer.
     *
     * @param layers     the layers the parameters belong to
     * @param parameters their parameters, during the update
     */
    public static void publish(List<LinearLayer> layers, List<Parameter> parameters) {
        underWriteLock(layers, () -> {
            for (Parameter p : parameters) {
                PARAMS.publish(p);
            }
        });
    }

    /**
     * Drops every pending update: values, state and step counts stay as they were.
     *
     * @param parameters the parameters, during the update
     */
    public static void discard(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            PARAMS.discard(p);
        }
    }

    /**
     * Runs {@code change} holding every layer's write lock, taken in layer order, so that no
     * prediction sees part of it.
     *
     * @param layers the layers
     * @param change what changes their published parameters
     */
    public static void underWriteLock(List<LinearLayer> layers, Runnable change) {
        long[] stamps = new long[layers.size()];
        int taken = 0;
        try {
            for (; taken < layers.size(); taken++) {
                stamps[taken] = HOOKS.lock(layers.get(taken)).writeLock();
            }
            change.run();
        } finally {
            for (int l = taken - 1; l >= 0; l--) {
                StampedLock lock = HOOKS.lock(layers.get(l));
                lock.unlockWrite(stamps[l]);
            }
        }
    }
}
