package io.github.backprop4j.bench;

import io.github.backprop4j.math.Matrices;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The three products a layer uses, on square {@code n×n} matrices, against a textbook i-j-k
 * triple loop. One product is {@code 2n³} floating-point operations: at n = 256, 33.6 MFLOP, so
 * GFLOP/s = 0.0336 / (ms per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatricesBenchmark {

    @Param({"256"})
    int n;

    double[][] a;
    double[][] b;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        a = new double[n][n];
        b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextGaussian();
                b[i][j] = random.nextGaussian();
            }
        }
    }

    @Benchmark
    public double[][] multiply() {
        return Matrices.multiply(a, b);
    }

    @Benchmark
    public double[][] multiplyTransA() {
        return Matrices.multiplyTransA(a, b);
    }

    @Benchmark
    public double[][] multiplyTransB() {
        return Matrices.multiplyTransB(a, b);
    }

    /** The earlier kernel of multiply: one row of B per pass over a row of C, c[j] += a[p]·B[p][j]. */
    @Benchmark
    public double[][] oneRowPerPass() {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int p = 0; p < n; p++) {
                double s = ai[p];
                double[] bp = b[p];
                for (int j = 0; j < n; j++) {
                    ci[j] += s * bp[j];
                }
            }
        }
        return c;
    }

    /** The baseline: C[i][j] = Σ_p A[i][p]·B[p][j] with p innermost (strides down columns of B). */
    @Benchmark
    public double[][] naiveIjk() {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < n; p++) {
                    sum += a[i][p] * b[p][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }
}
