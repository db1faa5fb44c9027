package io.github.backprop4j.spark;

import io.github.backprop4j.Gradients;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.loss.Loss;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition's training rows for one epoch, grouped by global batch, so a step reads only its
 * batch's rows. Kept in the executors' memory (it holds only arrays); it is rebuilt each epoch.
 */
final class BatchedPartition implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][][] features;   // [batch][row][feature]
    private final int[][] labels;           // [batch][row]

    private BatchedPartition(double[][][] features, int[][] labels) {
        this.features = features;
        this.labels = labels;
    }

    /**
     * Groups {@code rows} (features then the label, each with its global index) by their batch in
     * {@code epoch}, keeping the index order within a batch.
     */
    static BatchedPartition of(Iterator<IndexedRow> rows, long seed, int epoch, int batches) {
        List<List<IndexedRow>> groups = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            groups.add(new ArrayList<>());
        }
        while (rows.hasNext()) {
            IndexedRow row = rows.next();
            groups.get(GlobalBatches.of(seed, epoch, row.index(), batches)).add(row);
        }
        double[][][] x = new double[batches][][];
        int[][] y = new int[batches][];
        for (int b = 0; b < batches; b++) {
            List<IndexedRow> group = groups.get(b);
            x[b] = new double[group.size()][];
            y[b] = new int[group.size()];
            for (int i = 0; i < group.size(); i++) {
                x[b][i] = group.get(i).features();
                y[b][i] = group.get(i).label();
            }
        }
        return new BatchedPartition(x, y);
    }

    /** Whether this partition holds rows of batch {@code batch}. */
    boolean has(int batch) {
        return features[batch].length > 0;
    }

    /** Adds this partition's share of batch {@code batch} to the gradient sums {@code acc}. */
    double[] addGradientSums(double[] acc, int batch, NeuralNet net, Loss loss) {
        Gradients g = net.gradients(features[batch], labels[batch], loss);
        double[] sums = NetworkArrays.sized(acc, NetworkArrays.HEADER + NetworkArrays.size(net));
        NetworkArrays.addSums(g, sums);
        return sums;
    }
}
