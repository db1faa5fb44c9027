package io.github.backprop4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One partition's training rows for one epoch of parameter averaging, in a seeded order: sorted by
 * a hash of (seed, epoch, row index), so the order depends on the rows a partition holds, not on
 * how they arrived. Local batch {@code j} is rows {@code [j·b, (j+1)·b)} of that order.
 */
final class LocalRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][] features;
    private final int[] labels;

    private LocalRows(double[][] features, int[] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** The rows of a partition in the order of epoch {@code epoch}. */
    static LocalRows of(Iterator<IndexedRow> rows, long seed, int epoch) {
        List<IndexedRow> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        list.sort(Comparator.comparingLong((IndexedRow r) -> order(seed, epoch, r.index())).thenComparingLong(IndexedRow::index));
        double[][] x = new double[list.size()][];
        int[] y = new int[list.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = list.get(i).features();
            y[i] = list.get(i).label();
        }
        return new LocalRows(x, y);
    }

    /** The sort key of row {@code index} in {@code epoch}. */
    static long order(long seed, int epoch, long index) {
        return GlobalBatches.hash(seed, epoch, index);
    }

    /** {@return the number of local batches of size {@code batchSize}} */
    int batches(int batchSize) {
        return (labels.length + batchSize - 1) / batchSize;
    }

    /** The features of local batch {@code j}. */
    double[][] features(int j, int batchSize) {
        int from = j * batchSize;
        int to = Math.min(labels.length, from + batchSize);
        return java.util.Arrays.copyOfRange(features, from, to);
    }

    /** The labels of local batch {@code j}. */
    int[] labels(int j, int batchSize) {
        int from = j * batchSize;
        return java.util.Arrays.copyOfRange(labels, from, Math.min(labels.length, from + batchSize));
    }
}
