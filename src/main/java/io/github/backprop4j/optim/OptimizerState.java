package io.github.backprop4j.optim;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.Arrays;
import java.util.List;

/**
 * What an optimizer remembers about one {@link Parameter}: named buffers of the parameter's shape
 * (e.g. Adam's {@code m} and {@code v}) and the number of steps taken.
 *
 * <p>Buffers start at zero. They are live arrays: the optimizer changes them in place, and
 * anything else should only read them (to inspect or save the state).
 *
 * <pre>{@code
 * OptimizerState s = layer.weightParameter().state();
 * double[][] m = s.buffer("m");   // Adam's first moment, [inputs × outputs]
 * }</pre>
 */
public final class OptimizerState {

    private final Class<?> optimizerClass;
    private final List<String> names;
    private double[][][] buffers;           // front: the published state
    private double[][][] next;              // back: what a pending buffered update writes
    private boolean pending;
    private long stepsBefore;
    private final int rows;
    private final int columns;
    private long steps;

    /**
     * Zeroed state.
     *
     * @param optimizer the optimizer it belongs to (its class decides whether the state is reused)
     * @param names     the buffers' names, distinct, possibly none
     * @param rows      the parameter's rows, &gt; 0
     * @param columns   the parameter's columns, &gt; 0
     */
    public OptimizerState(Optimizer optimizer, List<String> names, int rows, int columns) {
        checkNotNull(optimizer, "optimizer");
        checkNotNull(names, "names");
        checkArgument(rows > 0 && columns > 0, "state shape must be positive, got %dx%d", rows, columns);
        checkArgument(names.stream().distinct().count() == names.size(), "buffer names must be distinct, got %s", names);
        this.optimizerClass = optimizer.getClass();
        this.names = List.copyOf(names);
        this.buffers = new double[names.size()][rows][columns];
        this.rows = rows;
        this.columns = columns;
    }

    Class<?> optimizerClass() {
        return optimizerClass;
    }

    /** {@return the buffers' names, in order} */
    public List<String> names() {
        return names;
    }

    /**
     * The live buffer called {@code name}.
     *
     * @throws IllegalArgumentException naming the buffers there are, if there is none by that name
     * @param name the name
     * @return the live buffer
     */
    public double[][] buffer(String name) {
        return (pending ? next : buffers)[index(name)];
    }

    /** The published buffer: during a buffered update, the buffer before it; otherwise {@link #buffer}. */
    double[][] bufferFrom(String name) {
        return buffers[index(name)];
    }

    private int index(String name) {
        checkNotNull(name, "buffer name");
        int index = names.indexOf(name);
        checkArgument(index >= 0, "no optimizer buffer '%s'; this state has %s", name, names);
        return index;
    }

    /** Starts a buffered update (see {@code ParameterAccess}): {@link #buffer} is the back buffer until publish or discard. */
    void begin(boolean copy) {
        if (next == null) {
            next = new double[buffers.length][rows][columns];
        }
        if (copy) {
            for (int b = 0; b < buffers.length; b++) {
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(buffers[b][i], 0, next[b][i], 0, columns);
                }
            }
        }
        stepsBefore = steps;
        pending = true;
    }

    /** Where the pending update left a non-finite number, or null; the scan shared among up to {@code threads} threads. */
    String firstNonFinite(int threads) {
        double[][][] current = pending ? next : buffers;
        for (int b = 0; b < current.length; b++) {
            int[] at = io.github.backprop4j.math.Matrices.firstNonFinite(current[b], threads);
            if (at != null) {
                return "optimizer state '" + names.get(b) + "'[" + at[0] + "][" + at[1] + "] is " + current[b][at[0]][at[1]];
            }
        }
        return null;
    }

    /** Makes the back buffers the published state. */
    void publish() {
        double[][][] front = buffers;
        buffers = next;
        next = front;
        pending = false;
    }

    /** Drops the pending update, step count included. */
    void discard() {
        steps = stepsBefore;
        pending = false;
    }

    /**
     * Updates taken so far with this state.
     *
     * @return the number of updates
     */
    public long steps() {
        return steps;
    }

    /**
     * Sets the step count, e.g. when a checkpoint is loaded.
     *
     * @param steps updates already taken, &gt;= 0
     */
    public void setSteps(long steps) {
        checkArgument(steps >= 0, "steps must be >= 0, got %d", steps);
        this.steps = steps;
    }

    /**
     * Counts one more update and returns the new count {@code t} (1 on the first update).
     *
     * @return the new step count
     */
    public long advance() {
        return ++steps;
    }

    /** {@return rows of every buffer} */
    public int rows() {
        return rows;
    }

    /** {@return columns of every buffer} */
    public int columns() {
        return columns;
    }

    /** Zeroes every buffer and the step count. */
    public void reset() {
        for (double[][] buffer : buffers) {
            for (double[] row : buffer) {
                Arrays.fill(row, 0.0);
            }
        }
        steps = 0;
    }

    @Override
    public String toString() {
        return "OptimizerState(" + optimizerClass.getSimpleName() + ", " + names + ", steps=" + steps + ")";
    }
}
