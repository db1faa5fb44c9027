package io.github.backprop4j.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The arithmetic peak of one core in double precision, measured rather than taken from a data
 * sheet: twelve independent chains of fused multiply-adds on the preferred vector, no memory
 * traffic, so the FMA units are the only limit. One operation is {@value #STEPS} steps of 12
 * vector FMAs, i.e. {@code STEPS · 12 · lanes · 2} FLOP: with 8 lanes (AVX-512), GFLOP/s =
 * ops/s × 0.00192. Twelve chains cover the FMA latency (4 cycles)
 * times the FMA units (2) with room to spare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PeakBenchmark {

    /** Steps per operation. */
    public static final int STEPS = 10_000;
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    double a = 0.999_999;
    double b = 1e-7;

    /** The lanes of the preferred vector, for the FLOP count. */
    public static int lanes() {
        return S.length();
    }

    @Benchmark
    public double fmaChains() {
        DoubleVector x = DoubleVector.broadcast(S, a);
        DoubleVector y = DoubleVector.broadcast(S, b);
        DoubleVector c0 = y;
        DoubleVector c1 = y.add(1);
        DoubleVector c2 = y.add(2);
        DoubleVector c3 = y.add(3);
        DoubleVector c4 = y.add(4);
        DoubleVector c5 = y.add(5);
        DoubleVector c6 = y.add(6);
        DoubleVector c7 = y.add(7);
        DoubleVector c8 = y.add(8);
        DoubleVector c9 = y.add(9);
        DoubleVector c10 = y.add(10);
        DoubleVector c11 = y.add(11);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
