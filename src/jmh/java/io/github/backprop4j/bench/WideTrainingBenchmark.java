package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Sgd;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;
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
 * One epoch of the 784-256-128-10 network (ReLU, ReLU, Softmax) with plain SGD, batch 64, on
 * {@value #ROWS} synthetic rows of 784 uniform features labelled by a fixed random linear teacher,
 * on 1 and 2 threads. Samples per second = {@value #ROWS} / the time of one operation; with
 * {@code -prof gc}, the bytes per batch are {@code gc.alloc.rate.norm} / 313.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WideTrainingBenchmark {

    /** Training rows per epoch. */
    public static final int ROWS = 20_000;

    @Param({"1", "2"})
    public int threads;

    double[][] x;
    int[] y;
    NeuralNet net;
    TrainingConfig config;

    @Setup(Level.Trial)
    public void data() {
        double[][][] data = teacher(ROWS, new Random(7));
        x = data[0];
        y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = (int) data[1][i][0];
        }
        Random init = new Random(1);
        net = new NeuralNet(new LinearLayer(784, 256, new ReLU(), init), new LinearLayer(256, 128, new ReLU(), init),
                new LinearLayer(128, 10, new Softmax(), init));
        config = TrainingConfig.builder().optimizer(new Sgd(0.01)).epochs(1).batchSize(64).seed(1L).threads(threads)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
    }

    /** {x [n × 784] uniform in [0, 1), label [n × 1] = argmax of x·T for a fixed random T [784 × 10]}. */
    static double[][][] teacher(int n, Random random) {
        double[][] t = new double[784][10];
        for (double[] row : t) {
            for (int k = 0; k < 10; k++) {
                row[k] = random.nextGaussian();
            }
        }
        double[][] x = new double[n][784];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double[] score = new double[10];
            for (int p = 0; p < 784; p++) {
                x[i][p] = random.nextDouble();
                for (int k = 0; k < 10; k++) {
                    score[k] += x[i][p] * t[p][k];
                }
            }
            int best = 0;
            for (int k = 1; k < 10; k++) {
                best = score[k] > score[best] ? k : best;
            }
            y[i][0] = best;
        }
        return new double[][][] {x, y};
    }

    @Benchmark
    public History epoch() {
        return net.fit(x, y, config);
    }
}
