package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training epoch: the iris example's 4-10-5-3 net (111-150 rows, tiny matrices, overhead
 * bound), and a wider 64-128-64-10 net on 8,192 random rows with batch 64 (product bound; one
 * epoch is 2 × 8192 × (3 · (64·128 + 128·64 + 64·10) − 64·128) ≈ 0.70 GFLOP: forward, dW and
 * dA_prev of every layer but the first, whose dA_prev training skips).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingBenchmark {

    double[][] irisX;
    int[] irisY;
    double[][] wideX;
    int[] wideY;
    NeuralNet iris;
    NeuralNet wide;

    @Setup(Level.Trial)
    public void data() {
        Dataset data = Datasets.iris();
        irisX = StandardScaler.fit(data.features()).transform(data.features());
        irisY = data.labels();
        Random random = new Random(3);
        wideX = new double[8192][64];
        wideY = new int[8192];
        for (int i = 0; i < wideX.length; i++) {
            for (int j = 0; j < 64; j++) {
                wideX[i][j] = random.nextGaussian();
            }
            wideY[i] = random.nextInt(10);
        }
    }

    @Setup(Level.Iteration)
    public void nets() {
        Random init = new Random(1);
        iris = new NeuralNet(new LinearLayer(4, 10, new ReLU(), init), new LinearLayer(10, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
        wide = new NeuralNet(new LinearLayer(64, 128, new ReLU(), init), new LinearLayer(128, 64, new ReLU(), init),
                new LinearLayer(64, 10, new Softmax(), init));
    }

    @Benchmark
    public History irisEpoch() {
        return iris.fit(irisX, irisY, TrainingConfig.sgd(0.05, 1, 16, 1L));
    }

    @Benchmark
    public History wideEpoch() {
        return wide.fit(wideX, wideY, TrainingConfig.sgd(0.01, 1, 64, 1L));
    }

    /** The plain SGD epoch with dropout 0.2 on both hidden layers and an L2 penalty: what regularisation costs. */
    @Benchmark
    public History wideEpochDropoutL2() {
        return wide.fit(wideX, wideY, TrainingConfig.builder().optimizer(new Sgd(0.01)).epochs(1).batchSize(64).seed(1L)
                .noValidation().noEarlyStopping().weightDecay(1e-4).dropout(0, 0.2).dropout(1, 0.2).build());
    }

    /** The same epoch with Adam: its two moments and a square root per parameter per step, against plain SGD. */
    @Benchmark
    public History wideEpochAdam() {
        return wide.fit(wideX, wideY, TrainingConfig.builder().optimizer(new Adam(0.001)).epochs(1).batchSize(64).seed(1L)
                .noValidation().noEarlyStopping().build());
    }
}
