package io.github.backprop4j;

/**
 * The arrays one layer trains in, allocated once and reused: {@code dW} and {@code db}, and per
 * batch size {@code Z}, {@code A}, {@code dZ} and {@code dA_prev}. Two batch
 * sizes are kept (an epoch's full batches and its last, smaller one), so after the first epoch a
 * training step allocates none of them.
 */
final class LayerWorkspace {

    /** The rows of a chunk: the training passes hand a batch to the threads in chunks of this many rows. */
    static final int CHUNK_ROWS = 16;

    /**
     * The arrays that depend on the number of rows in the batch, and their chunks: views of
     * {@value #CHUNK_ROWS} rows (the last one fewer) that share the rows' arrays, so a chunk is
     * handed to an activation without copying. The chunks depend on the batch size alone.
     */
    static final class Rows {
        final int count;
        final double[][] z;
        final double[][] a;
        final double[][] dZ;
        final double[][] dInput;
        final double[][][] zChunks;
        final double[][][] aChunks;
        final double[][][] dZChunks;
        private double[][] viewedRows;       // the rows of the matrix last cut into chunks by chunksOf, or null
        private double[][][] viewedChunks;

        Rows(int count, int inputs, int outputs) {
            this.count = count;
            this.z = new double[count][outputs];
            this.a = new double[count][outputs];
            this.dZ = new double[count][outputs];
            this.dInput = new double[count][inputs];
            this.zChunks = cut(z);
            this.aChunks = cut(a);
            this.dZChunks = cut(dZ);
        }

        /** {@return the number of chunks} */
        int chunks() {
            return (count + CHUNK_ROWS - 1) / CHUNK_ROWS;
        }

        /** {@return the first row of chunk {@code c}; {@code start(chunks())} is the number of rows} */
        int start(int c) {
            return Math.min(count, c * CHUNK_ROWS);
        }

        /**
         * The chunks of a {@code [count × ...]} matrix from outside the workspace (the gradient from
         * the layer above); the views of the last rows asked for are kept, since training reuses
         * them, and made again when any row is another array.
         */
        double[][][] chunksOf(double[][] m) {
            boolean same = viewedRows != null && viewedRows.length == m.length;
            for (int i = 0; same && i < m.length; i++) {
                same = m[i] == viewedRows[i];
            }
            if (!same) {
                viewedChunks = cut(m);
                viewedRows = m.clone();
            }
            return viewedChunks;
        }

        private double[][][] cut(double[][] m) {
            double[][][] chunks = new double[chunks()][][];
            for (int c = 0; c < chunks.length; c++) {
                chunks[c] = java.util.Arrays.copyOfRange(m, start(c), start(c + 1));
            }
            return chunks;
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
