package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingControl;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.WeightDecay;
import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * Trains the 784-256-128-10 network on {@value WideTrainingBenchmark#ROWS} teacher rows for three
 * epochs on one thread and prints each epoch's time and the bytes the training thread allocated per
 * batch, from the second batch of the epoch on (the first may size the reused arrays).
 *
 * <p>Usage: {@code mvn -q -Pbench test-compile exec:java -Dexample=io.github.backprop4j.bench.TrainingMemory};
 * for the peak resident memory with default JVM flags run it under {@code /usr/bin/time -v java ...}.
 */
public final class TrainingMemory {

    private TrainingMemory() {
    }

    /** Runs the measurement. */
    public static void main(String[] args) {
        double[][][] data = WideTrainingBenchmark.teacher(WideTrainingBenchmark.ROWS, new Random(7));
        int[] y = new int[data[1].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) data[1][i][0];
        }
        Random init = new Random(1);
        NeuralNet net = new NeuralNet(new LinearLayer(784, 256, new ReLU(), init), new LinearLayer(256, 128, new ReLU(), init),
                new LinearLayer(128, 10, new Softmax(), init));
        TrainingConfig config = TrainingConfig.builder().optimizer(new Sgd(0.01)).epochs(3).batchSize(64).threads(1)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] state = new long[3];     // bytes at batch 2 of the epoch, batches counted since, epoch start time
        net.fit(data[0], y, config, new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                if (batch == 1) {
                    state[0] = threads.getThreadAllocatedBytes(thread);
                    state[1] = 0;
                } else {
                    state[1]++;
                }
            }

            @Override
            public void onEpochEnd(EpochMetrics m, TrainingControl control) {
                long bytes = threads.getThreadAllocatedBytes(thread) - state[0];
                double seconds = m.elapsed().toNanos() / 1e9 - state[2] / 1e9;
                state[2] = m.elapsed().toNanos();
                System.out.printf("epoch %d: %.2f s, %.0f samples/s, %.1f bytes allocated per batch after the first%n",
                        m.epoch(), seconds, WideTrainingBenchmark.ROWS / seconds, (double) bytes / state[1]);
            }
        });
    }
}
