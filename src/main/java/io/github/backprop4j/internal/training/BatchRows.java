package io.github.backprop4j.internal.training;

/**
 * The rows of one mini-batch, copied in shuffled order into arrays that are reused from batch to
 * batch: one set for full batches and one for an epoch's last, smaller batch.
 */
final class BatchRows {

    /** One batch: features, targets and the rows' loss weights (null without class weights). */
    record Batch(double[][] x, double[][] y, double[] weights) {
    }

    private Batch full;
    private Batch last;

    /** Rows {@code order[begin..end)} of {@code data}, in that order. */
    Batch select(TrainingData data, int[] order, int begin, int end) {
        int rows = end - begin;
        Batch b = full != null && full.x().length == rows ? full : last != null && last.x().length == rows ? last : null;
        if (b == null) {
            b = new Batch(new double[rows][data.x()[0].length], new double[rows][data.y()[0].length],
                    data.rowWeights() == null ? null : new double[rows]);
            if (full == null || full.x().length < rows) {
                full = b;
            } else {
                last = b;
            }
        }
        for (int i = 0; i < rows; i++) {
            int row = order[begin + i];
            System.arraycopy(data.x()[row], 0, b.x()[i], 0, b.x()[i].length);
            System.arraycopy(data.y()[row], 0, b.y()[i], 0, b.y()[i].length);
            if (b.weights() != null) {
                b.weights()[i] = data.rowWeights()[row];
            }
        }
        return b;
    }
}
