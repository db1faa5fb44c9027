package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-row prediction latency of a {@link Model} (scaling, every layer, the result array): on
 * the iris network 4-10-5-3 and on a 784-256-128-10 network. Sample time gives the median and
 * p99; run with {@code -prof gc} for the bytes allocated per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PredictBenchmark {

    Model iris;
    Model wide;
    double[] irisRow;
    double[] wideRow;

    @Setup
    public void models() {
        Random random = new Random(1);
        iris = model(random, 4, 10, 5, 3);
        wide = model(random, 784, 256, 128, 10);
        irisRow = new double[] {5.1, 3.5, 1.4, 0.2};
        wideRow = random.doubles(784).toArray();
    }

    private static Model model(Random random, int... sizes) {
        LinearLayer[] layers = new LinearLayer[sizes.length - 1];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new LinearLayer(sizes[l], sizes[l + 1], l == layers.length - 1 ? new Softmax() : new ReLU(), random);
        }
        double[] mean = new double[sizes[0]];
        double[] scale = new double[sizes[0]];
        java.util.Arrays.fill(scale, 1.0);
        List<String> features = IntStream.range(0, sizes[0]).mapToObj(i -> "f" + i).toList();
        List<String> classes = IntStream.range(0, sizes[sizes.length - 1]).mapToObj(i -> "c" + i).toList();
        return Model.classifier(new NeuralNet(layers), new StandardScaler(mean, scale), features,
                Collections.unmodifiableList(classes), new CategoricalCrossEntropy());
    }

    @Benchmark
    public double[] irisRow() {
        return iris.predictValues(irisRow);
    }

    @Benchmark
    public double[] wideRow() {
        return wide.predictValues(wideRow);
    }

    /**
     * The floor for {@link #wideRow}: reading every weight of the 784-256-128-10 network once
     * (235,146 doubles, 1.9 MB) at copying speed, each row copied into a scratch row.
     */
    @Benchmark
    public double[] streamWideWeights() {
        for (LinearLayer layer : wide.network().layers()) {
            for (double[] row : layer.weightParameter().values()) {
                System.arraycopy(row, 0, scratch, 0, row.length);
            }
        }
        return scratch;
    }

    private final double[] scratch = new double[784];
}
