package io.github.backprop4j;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.internal.Gemm;
import io.github.backprop4j.internal.Kernels;
import io.github.backprop4j.internal.Parallel;

/**
 * A layer's training passes, shared among threads with one hand-over each, every thread writing
 * only its own rows or columns:
 *
 * <ul>
 *   <li>the forward pass over chunks of rows: {@code Z = X·W + b}, then {@code A = f(Z)}, for
 *       each chunk;
 *   <li>the activation's chain rule over chunks of rows: {@code dZ = dA ⊙ f'(Z)};
 *   <li>the gradient step over shares: a share of {@code dW}'s rows, of {@code db}'s columns and
 *       of {@code dA_prev}'s rows.
 * </ul>
 *
 * <p>Every entry is computed by one thread, with the same operations in the same order as on one
 * thread ({@code dW_ij} sums all the batch's rows in order), so the results are bit-identical
 * whatever the number of threads. A chunk's rows depend on the batch size alone
 * ({@link LayerWorkspace#CHUNK_ROWS}). Activations get chunks of rows, so a row of their result
 * must depend on the same row alone, as the {@link Activation} contract says.
 */
final class SharedPasses {

    private static final Gemm KERNELS = Kernels.selected();

    private final Activation activation;
    // the operands of the pass in progress, set before each hand-over (arrays the layer keeps anyway)
    private double[][] x;
    private double[][] w;
    private double[] b;
    private double[][][] dAChunks;
    private double[][] dZ;
    private double[][] dW;
    private double[] db;
    private double[][] dInput;
    private LayerWorkspace.Rows rows;
    private int shares;
    // the bodies handed over, made once so that a step allocates nothing
    private final Parallel.RowRange forwardChunks = this::forwardChunks;
    private final Parallel.RowRange activationChunks = this::activationChunks;
    private final Parallel.RowRange gradientShares = this::gradientShares;

    SharedPasses(Activation activation) {
        this.activation = activation;
    }

    /** {@code Z = X·W + b} into {@code r.z}, then {@code A = f(Z)} into {@code r.a}, chunk by chunk. */
    void forward(double[][] input, double[][] weights, double[] bias, LayerWorkspace.Rows r, int threads) {
        this.x = input;
        this.w = weights;
        this.b = bias;
        this.rows = r;
        Parallel.forRows(r.chunks(), threads, (long) r.count * weights.length * weights[0].length, forwardChunks);
    }

    private void forwardChunks(int c0, int c1) {
        // Z = X·W + b        rows [r0, r1): [r×in]·[in×out] + [1×out]
        KERNELS.multiplyRows(x, false, w, false, b, rows.z, rows.start(c0), rows.start(c1));
        for (int c = c0; c < c1; c++) {
            // A = f(Z), a chunk at a time
            activation.forwardInto(rows.zChunks[c], rows.aChunks[c]);
        }
    }

    /** {@code dZ = dA ⊙ f'(Z)} into {@code r.dZ}, chunk by chunk. */
    void activationGradient(double[][] outputGradient, LayerWorkspace.Rows r, int threads) {
        this.dAChunks = r.chunksOf(outputGradient);
        this.rows = r;
        // an activation's chain rule costs a few operations per entry; softmax's a row's worth
        Parallel.forRows(r.chunks(), threads, 16L * r.count * outputGradient[0].length, activationChunks);
    }

    private void activationChunks(int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            // dZ = dA ⊙ f'(Z)   (the activation's own chain rule; a Jacobian product for softmax)
            activation.backwardInto(rows.zChunks[c], rows.aChunks[c], dAChunks[c], rows.dZChunks[c]);
        }
    }

    /**
     * The gradient step: {@code dW = Xᵀ·dZ}, {@code db = 1ᵀ·dZ} and, when {@code dInput} is not
     * null, {@code dA_prev = dZ·Wᵀ}, each share on one thread.
     */
    void gradients(double[][] input, double[][] preActivationGradient, double[][] weights, double[][] weightGradient,
            double[] biasGradient, double[][] inputGradient, LayerWorkspace.Rows r, int threads) {
        this.x = input;
        this.dZ = preActivationGradient;
        this.w = weights;
        this.dW = weightGradient;
        this.db = biasGradient;
        this.dInput = inputGradient;
        this.rows = r;
        this.shares = threads;
        long work = (long) r.count * weights.length * weights[0].length * (inputGradient == null ? 1 : 2);
        Parallel.forRows(threads, threads, work, gradientShares);
    }

    private void gradientShares(int s0, int s1) {
        int inputs = dW.length;
        int units = (inputs + KERNELS.rowUnit() - 1) / KERNELS.rowUnit();
        int outputs = db.length;
        int chunks = rows.chunks();
        for (int s = s0; s < s1; s++) {
            // dW = Xᵀ·dZ        this share's rows of [in×B]·[B×out]
            int i0 = Math.min(inputs, share(units, s) * KERNELS.rowUnit());
            int i1 = Math.min(inputs, share(units, s + 1) * KERNELS.rowUnit());
            KERNELS.multiplyRows(x, true, dZ, false, null, dW, i0, i1);
            // db = 1ᵀ·dZ        this share's columns, summed over the rows in order
            int j0 = share(outputs, s);
            int j1 = share(outputs, s + 1);
            java.util.Arrays.fill(db, j0, j1, 0.0);
            for (double[] row : dZ) {
                for (int j = j0; j < j1; j++) {
                    db[j] += row[j];
                }
            }
            if (dInput != null) {
                // dA_prev = dZ·Wᵀ   this share's rows of [B×out]·[out×in], W as in the forward pass
                KERNELS.multiplyRows(dZ, false, w, true, null, dInput, rows.start(share(chunks, s)),
                        rows.start(share(chunks, s + 1)));
            }
        }
    }

    /** The start of share {@code s} of {@code n} units among {@link #shares}. */
    private int share(int n, int s) {
        return (int) ((long) n * s / shares);
    }
}
