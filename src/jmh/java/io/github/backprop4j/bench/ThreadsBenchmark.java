package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training epoch with the default configuration (Adam, weight decay, a validation split),
 * on one thread and on the default thread count, on four workloads: iris 4-10-5-3 at batch 32
 * (the 150 flowers), a digits-sized 64-128-64-10 at batch 32 (1,797 rows of 64 random features,
 * 10 classes: the shape of scikit-learn's digits), and the 784-256-128-10 network of
 * {@link WideTrainingBenchmark} at batch 64 and 256 (20,000 rows). {@code src/jmh/python/threads.py}
 * runs it several times, interleaved, and prints the medians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreadsBenchmark {

    @Param({"iris-b32", "digits-b32", "bench-b64", "bench-b256"})
    public String workload;

    /** "1", or "default" for the configuration's default (the available processors). */
    @Param({"1", "default"})
    public String threads;

    double[][] x;
    int[] y;
    int[] sizes;
    TrainingConfig config;
    NeuralNet net;

    @Setup(Level.Trial)
    public void data() {
        int batch = Integer.parseInt(workload.substring(workload.indexOf("-b") + 2));
        if (workload.startsWith("iris")) {
            Dataset iris = Datasets.iris();
            x = StandardScaler.fit(iris.features()).transform(iris.features());
            y = iris.labels();
            sizes = new int[] {4, 10, 5, 3};
        } else if (workload.startsWith("digits")) {
            Random random = new Random(5);
            x = new double[1797][64];
            y = new int[1797];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < 64; j++) {
                    x[i][j] = random.nextGaussian();
                }
                y[i] = random.nextInt(10);
            }
            sizes = new int[] {64, 128, 64, 10};
        } else {
            double[][][] data = WideTrainingBenchmark.teacher(WideTrainingBenchmark.ROWS, new Random(7));
            x = data[0];
            y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (int) data[1][i][0];
            }
            sizes = new int[] {784, 256, 128, 10};
        }
        TrainingConfig.Builder b = TrainingConfig.builder().epochs(1).batchSize(batch).seed(1L);
        config = "default".equals(threads) ? b.build() : b.threads(Integer.parseInt(threads)).build();
    }

    @Setup(Level.Iteration)
    public void net() {
        Random init = new Random(1);
        LinearLayer[] layers = new LinearLayer[sizes.length - 1];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new LinearLayer(sizes[l], sizes[l + 1], l == layers.length - 1 ? new Softmax() : new ReLU(), init);
        }
        net = new NeuralNet(layers);
    }

    @Benchmark
    public History epoch() {
        return net.fit(x, y, config);
    }
}
