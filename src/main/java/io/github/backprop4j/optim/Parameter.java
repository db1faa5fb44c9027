package io.github.backprop4j.optim;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.internal.ParameterAccess;
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

    static {
        ParameterAccess.register(new Hooks());
    }

    private final Role role;
    private double[][] values;          // front: the published values, which predictions read
    private double[][] next;            // back: what a pending buffered update writes; null until the first
    private boolean pending;            // between ParameterAccess.begin and publish or discard
    private OptimizerState state;

    /**
     * A parameter holding {@code values}.
     *
     * @param role   weights or bias
     * @param values the numbers, a non-empty rectangular matrix; kept by reference (not copied)
     *               and changed in place by optimizers
     */
    public Parameter(Role role, double[][] values) {
        this.role = checkNotNull(role, "role");
        this.values = Matrices.checkMatrix(values, "parameter values");
    }

    /** The engine's hooks: see {@link ParameterAccess}. */
    private static final class Hooks extends ParameterAccess {

        @Override
        public void begin(Parameter p, boolean copy) {
            if (p.next == null) {
                p.next = new double[p.rows()][p.columns()];
            }
            if (copy) {
                copy(p.values, p.next);
            }
            if (p.state != null) {
                p.state.begin(copy);
            }
            p.pending = true;
        }

        @Override
        public double[][] front(Parameter p) {
            return p.values;
        }

        @Override
        public String firstNonFinite(Parameter p, int threads) {
            int[] at = Matrices.firstNonFinite(p.values(), threads);
            if (at != null) {
                return "[" + at[0] + "][" + at[1] + "] is " + p.values()[at[0]][at[1]];
            }
            return p.state == null ? null : p.state.firstNonFinite(threads);
        }

        @Override
        public void publish(Parameter p) {
            double[][] front = p.values;
            p.values = p.next;
            p.next = front;
            p.pending = false;
            if (p.state != null) {
                p.state.publish();
            }
        }

        @Override
        public void discard(Parameter p) {
            p.pending = false;
            if (p.state != null) {
                p.state.discard();
            }
        }

        @Override
        public void restoreState(Parameter p, OptimizerState old) {
            p.state = old;
        }

        private static void copy(double[][] from, double[][] to) {
            for (int i = 0; i < from.length; i++) {
                System.arraycopy(from[i], 0, to[i], 0, from[i].length);
            }
        }
    }

    /**
     * Weights or bias.
     *
     * @return weights or bias
     */
    public Role role() {
        return role;
    }

    /**
     * The live values, {@code [rows × columns]}: optimizers change this array in place. During a
     * training step the engine has the update write into a second array (so a step that
     * overflows can be dropped, and predictions running meanwhile see whole steps only); the
     * step then publishes it, and this returns the new array from then on. Read it again rather
     * than keep it across steps.
     *
     * @return the values an update changes
     */
    public double[][] values() {
        return pending ? next : values;
    }

    /** The published values: during a buffered update, the values before it; otherwise {@link #values()}. */
    double[][] from() {
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
