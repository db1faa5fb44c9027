package io.github.backprop4j.spark;

import io.github.backprop4j.Checkpoint;
import io.github.backprop4j.Gradients;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Parameter averaging. Each round, the driver broadcasts the weights and the optimizer state as
 * one {@code double[]}; each partition takes up to {@code k} mini-batch steps of its own rows
 * (batches of {@code batchSize}, in a seeded order per epoch) with the library's optimizer,
 * starting from that state; {@code treeAggregate} adds the partitions' resulting states and the
 * driver divides by the number of partitions that took a step. One Spark job per round of
 * {@code k} steps. Deterministic for a given partitioning, up to the order in which Spark adds the
 * partitions' states.
 */
final class ParameterAveraging {

    /** Sum vector layout: partitions that stepped, rows, loss sum, then the summed state. */
    private static final int HEADER = 3;

    private ParameterAveraging() {
    }

    /**
     * Trains {@code model}'s network in place.
     *
     * @return the mean loss of each epoch (over the steps taken, at the weights of each step)
     */
    static double[] train(JavaSparkContext spark, JavaRDD<IndexedRow> rows, Model model, Optimizer optimizer,
            int epochs, int batchSize, long seed, int k) {
        NeuralNet net = model.network();
        int size = NetworkState.size(net, optimizer);
        Broadcast<String> structure = spark.broadcast(ModelText.checkpoint(model, optimizer));
        long structureId = structure.id();
        double[] epochLosses = new double[epochs];
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                int e = epoch;
                JavaRDD<LocalRows> local = rows.mapPartitions(it -> List.of(LocalRows.of(it, seed, e)).iterator())
                        .persist(StorageLevel.MEMORY_AND_DISK());
                int maxBatches = local.map(p -> p.batches(batchSize)).reduce(Math::max);
                double lossSum = 0;
                double rowSum = 0;
                for (int round = 0; round * k < maxBatches; round++) {
                    int from = round * k;
                    double[] state = new double[size];
                    NetworkState.addWeighted(net, optimizer, 1.0, state, 0);
                    Broadcast<double[]> start = spark.broadcast(state);
                    double[] sums = local.treeAggregate(new double[0], (zero, part) -> {
                        int to = Math.min(from + k, part.batches(batchSize));
                        if (from >= to) {
                            return zero;
                        }
                        double[] acc = NetworkArrays.sized(zero, HEADER + size);
                        Checkpoint c = ExecutorNetworks.forThread(structureId, structure.value());
                        NeuralNet localNet = c.model().network();
                        NetworkState.set(localNet, c.optimizer(), start.value(), 0);
                        for (int j = from; j < to; j++) {
                            Gradients g = localNet.gradients(part.features(j, batchSize), part.labels(j, batchSize),
                                    c.model().loss());
                            localNet.applyGradients(g, c.optimizer());
                            acc[1] += g.rows();
                            acc[2] += g.rows() * g.loss();
                        }
                        acc[0] += 1;
                        NetworkState.addWeighted(localNet, c.optimizer(), 1.0, acc, HEADER);
                        return acc;
                    }, NetworkArrays::add);
                    start.destroy();
                    if (sums.length == 0) {
                        continue;
                    }
                    double partitions = sums[0];
                    double[] averaged = new double[size];
                    for (int i = 0; i < size; i++) {
                        averaged[i] = sums[HEADER + i] / partitions;
                    }
                    NetworkState.set(net, optimizer, averaged, 0);
                    rowSum += sums[1];
                    lossSum += sums[2];
                }
                local.unpersist(false);
                epochLosses[epoch] = lossSum / rowSum;
            }
        } finally {
            structure.destroy();
        }
        return epochLosses;
    }
}
