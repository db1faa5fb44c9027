package io.github.backprop4j;

/**
 * The arrays one layer trains in, allocated once and reused: {@code dW} and {@code db}, and per
 * batch size {@code Z}, {@code A}, {@code dZ} and {@code dA_prev}. Two batch
 * sizes are kept (an epoch's full batches and its last, smaller one), so after the first epoch a
 * training step allocates none of them.
 */
final class LayerWorkspace {

    /** The arrays that depend on the number of rows in the batch. */
    static final class Rows {
        final int count;
        final double[][] z;
        final double[][] a;
        final double[][] dZ;
        final double[][] dInput;

        Rows(int count, int inputs, int outputs) {
            this.count = count;
            this.z = new double[count][outputs];
            this.a = new double[count][outputs];
            this.dZ = new double[count][outputs];
            this.dInput = new double[count][inputs];
        }
    }

    final double[][] dW;        // [inputs × outputs]
    final double[][] db;        // [1 × outputs]
    private final int inputs;
    private final int outputs;
    private Rows recent;
    private Rows older;

    LayerWorkspace(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.dW = new double[inputs][outputs];
        this.db = new double[1][outputs];
    }

    /** The arrays for a batch of {@code count} rows, reusing one of the two sizes kept. */
    Rows rows(int count) {
        if (recent != null && recent.count == count) {
            return recent;
        }
        if (older != null && older.count == count) {
            Rows swap = recent;
            recent = older;
            older = swap;
            return recent;
        }
        older = recent;
        recent = new Rows(count, inputs, outputs);
        return recent;
    }
}
