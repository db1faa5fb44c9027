package io.github.backprop4j.optim;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.math.Matrices;

/**
 * A trainable matrix with the optimizer state that belongs to it: a layer's weights {@code W} or
 * its bias {@code b}.
 *
 * <p>The state (velocities, moment estimates, the step count) lives here, beside the numbers it
 * is about, rather than in a map inside the optimizer. It is created the first time an optimizer
 * asks for it ({@link #state(Optimizer)}), kept across calls of {@code fit} while the optimizer is
 * of the same class, and replaced by a fresh one when another kind of optimizer asks.
 * {@link #resetState()} forgets it.
 *
 * <pre>{@code
 * Parameter w = new Parameter(Parameter.Role.WEIGHTS, new double[][] {{1, 2}});
 * new Adam().update(w, new double[][] {{0.5, -0.5}});   // w.values() changed in place
 * long steps = w.state().steps();                       // 1
 * }</pre>
 */
public final class Parameter {

    /** What a parameter is; weight decay applies to {@link #WEIGHTS} only, never to biases. */
    public enum Role {
        /** A weight matrix {@code W}. */
        WEIGHTS,
        /** A bias row {@code b}. */
        BIAS
    }

    private final Role role;
    private final double[][] values;
    private OptimizerState state;

    /**
     * @param role   weights or bias
     * @param values the numbers, a non-empty rectangular matrix; kept by reference (not copied)
     *               and changed in place by optimizers
     */
    public Parameter(Role role, double[][] values) {
        this.role = checkNotNull(role, "role");
        this.values = Matrices.checkMatrix(values, "parameter values");
    }

    /**
     * Weights or bias.
     *
     * @return weights or bias
     */
    public Role role() {
        return role;
    }

    /** {@return the live values, {@code [rows × columns]}: optimizers change this array in place} */
    public double[][] values() {
        return values;
    }

    /** {@return number of rows of {@link #values()}} */
    public int rows() {
        return values.length;
    }

    /** {@return number of columns of {@link #values()}} */
    public int columns() {
        return values[0].length;
    }

    /**
     * The state {@code optimizer} keeps for this parameter: the current one when it was made by an
     * optimizer of the same class, else a fresh one from {@link Optimizer#newState}.
     *
     * @param optimizer the update rule
     * @return the state
     */
    public OptimizerState state(Optimizer optimizer) {
        if (optimizer != null && state != null && state.optimizerClass() == optimizer.getClass()) {
            return state;
        }
        checkNotNull(optimizer, "optimizer");
        if (state == null || state.optimizerClass() != optimizer.getClass()) {
            state = optimizer.newState(rows(), columns());
            checkArgument(state != null && state.rows() == rows() && state.columns() == columns(),
                    "%s.newState(%d, %d) must return a state of that shape", optimizer, rows(), columns());
        }
        return state;
    }

    /** {@return the current optimizer state, or null before any optimizer used this parameter} */
    public OptimizerState state() {
        return state;
    }

    /** Forgets the optimizer state; the next update starts from fresh, zeroed state. */
    public void resetState() {
        state = null;
    }

    /** E.g. {@code Parameter(WEIGHTS, 4x10)}. */
    @Override
    public String toString() {
        return "Parameter(" + role + ", " + Matrices.shape(values) + ")";
    }
}
