package io.github.backprop4j.spark;

import io.github.backprop4j.Gradients;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.optim.Optimizer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Synchronous data-parallel mini-batch training. Each step, the driver broadcasts the current
 * weights as one {@code double[]}; each partition computes the gradient sums of its share of the
 * global batch through the library's gradient-only path ({@link NeuralNet#gradients});
 * {@code treeAggregate} adds them; the driver divides by the batch's rows and applies the
 * optimizer ({@link NeuralNet#applyGradients}), whose state stays on the driver. So a step is the
 * step one machine would take on the same batch, up to the order in which the partitions' sums
 * are added. One Spark job per step.
 */
final class SynchronousTraining {

    private SynchronousTraining() {
    }

    /**
     * Trains {@code model}'s network in place.
     *
     * @param rows      the training rows, features already scaled, with their global indices
     * @param count     the number of rows
     * @param model     the model being trained (network, loss, names), as on the driver
     * @param optimizer the update rule
     * @return the mean loss of each epoch
     */
    static double[] train(JavaSparkContext spark, JavaRDD<IndexedRow> rows, long count, Model model,
            Optimizer optimizer, int epochs, int batchSize, long seed) {
        NeuralNet net = model.network();
        Broadcast<String> structure = spark.broadcast(ModelText.checkpoint(model, optimizer));
        long structureId = structure.id();
        int batches = GlobalBatches.count(count, batchSize);
        double[] epochLosses = new double[epochs];
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                int e = epoch;
                JavaRDD<BatchedPartition> grouped = rows
                        .mapPartitions(it -> java.util.List.of(BatchedPartition.of(it, seed, e, batches)).iterator())
                        .persist(StorageLevel.MEMORY_AND_DISK());
                double lossSum = 0;
                double rowSum = 0;
                for (int batch = 0; batch < batches; batch++) {
                    int b = batch;
                    Broadcast<double[]> weights = spark.broadcast(NetworkArrays.parameters(net));
                    double[] sums = grouped.treeAggregate(new double[0], (acc, part) -> {
                        if (!part.has(b)) {
                            return acc;
                        }
                        Model local = ExecutorNetworks.forThread(structureId, structure.value()).model();
                        NetworkArrays.setParameters(local.network(), weights.value());
                        return part.addGradientSums(acc, b, local.network(), local.loss());
                    }, NetworkArrays::add);
                    weights.destroy();
                    if (sums.length > 0 && sums[1] > 0) {
                        Gradients g = NetworkArrays.meanGradients(net, sums);
                        net.applyGradients(g, optimizer);
                        lossSum += sums[0];
                        rowSum += sums[1];
                    }
                }
                grouped.unpersist(false);
                epochLosses[epoch] = lossSum / rowSum;
            }
        } finally {
            structure.destroy();
        }
        return epochLosses;
    }
}
