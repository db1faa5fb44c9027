package io.github.backprop4j.bench;

import io.github.backprop4j.internal.Gemm;
import io.github.backprop4j.internal.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The three products of backpropagation on each kernel path, one thread: {@code A·B}, {@code Aᵀ·B}
 * and {@code A·Bᵀ} on squares, and at the shapes of the 784-256-128-10 network with batch 64
 * (forward {@code X·W}, weight gradient {@code Xᵀ·dZ}, input gradient {@code dZ·Wᵀ}). A product
 * {@code "FORM n k m"} makes {@code C [n×m]} from an inner dimension {@code k}: {@code 2·n·k·m}
 * floating-point operations, so GFLOP/s = ops/s × 2nkm / 10⁹ ({@code src/jmh/python/kernels.py}
 * prints the table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelsBenchmark {

    @Param({"scalar", "vector"})
    public String path;

    @Param({"AB 64 64 64", "AB 128 128 128", "AB 256 256 256", "AB 512 512 512", "AB 1024 1024 1024",
        "AtB 64 64 64", "AtB 128 128 128", "AtB 256 256 256", "AtB 512 512 512", "AtB 1024 1024 1024",
        "ABt 64 64 64", "ABt 128 128 128", "ABt 256 256 256", "ABt 512 512 512", "ABt 1024 1024 1024",
        "AB 64 784 256", "AtB 784 64 256", "ABt 64 256 784",
        "AB 64 256 128", "AtB 256 64 128", "ABt 64 128 256",
        "AB 64 128 10", "AtB 128 64 10", "ABt 64 10 128"})
    public String product;

    Gemm gemm;
    boolean transA;
    boolean transB;
    double[][] a;
    double[][] b;
    double[][] c;

    @Setup
    public void setUp() {
        gemm = path.equals("scalar") ? Kernels.scalar()
                : Kernels.vector().orElseThrow(() -> new IllegalStateException("run with --add-modules jdk.incubator.vector"));
        String[] p = product.split(" ");
        transA = p[0].equals("AtB");
        transB = p[0].equals("ABt");
        int n = Integer.parseInt(p[1]);
        int k = Integer.parseInt(p[2]);
        int m = Integer.parseInt(p[3]);
        Random random = new Random(1);
        a = transA ? gaussian(k, n, random) : gaussian(n, k, random);
        b = transB ? gaussian(m, k, random) : gaussian(k, m, random);
        c = new double[n][m];
    }

    @Benchmark
    public double[][] multiply() {
        gemm.multiply(a, transA, b, transB, null, c, 1);
        return c;
    }

    static double[][] gaussian(int rows, int columns, Random random) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }
}
