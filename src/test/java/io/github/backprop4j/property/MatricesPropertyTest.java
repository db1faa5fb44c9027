package io.github.backprop4j.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.math.Matrices;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Shapes and values of the matrix utilities, over random shapes and entries. */
class MatricesPropertyTest {

    /** A pair {@code A [n × k]}, {@code B [k × m]} that can be multiplied. */
    record Product(double[][] a, double[][] b) {
    }

    @Provide
    Arbitrary<Product> products() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 12);
        return Combinators.combine(size, size, size).flatAs((n, k, m) ->
                Combinators.combine(Generators.matrices(n, k, 10.0), Generators.matrices(k, m, 10.0)).as(Product::new));
    }

    @Provide
    Arbitrary<double[][]> matrices() {
        return Generators.anyShape(12, 12, 1e3);
    }

    /** The textbook triple loop, C_ij = Σ_k A_ik · B_kj. */
    private static double[][] naiveProduct(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        Matrices.transposeInto(a, t);
        return t;
    }

    private static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    @Property(tries = 300)
    void productsHaveTheRightShapeAndAgreeWithTheTripleLoop(@ForAll("products") Product p) {
        double[][] expected = naiveProduct(p.a(), p.b());
        // entries are at most 10·10·12 in size; rounding stays far below 1e-9
        assertClose(Matrices.multiply(p.a(), p.b()), expected, 1e-9);
        assertClose(Matrices.multiplyTransA(transpose(p.a()), p.b()), expected, 1e-9);
        assertClose(Matrices.multiplyTransB(p.a(), transpose(p.b())), expected, 1e-9);
    }

    @Property(tries = 200)
    void multiplyIntoGivesTheSameBitsOnAnyThreadCount(@ForAll("products") Product p) {
        double[][] one = new double[p.a().length][p.b()[0].length];
        double[][] two = new double[p.a().length][p.b()[0].length];
        Matrices.multiplyInto(p.a(), p.b(), one, 1);
        Matrices.multiplyInto(p.a(), p.b(), two, 2);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).containsExactly(one[i]);
        }
    }

    @Property
    void transposingTwiceGivesBackTheMatrix(@ForAll("matrices") double[][] a) {
        double[][] t = transpose(a);
        assertThat(t.length).isEqualTo(a[0].length);
        assertThat(t[0].length).isEqualTo(a.length);
        double[][] back = transpose(t);
        for (int i = 0; i < a.length; i++) {
            assertThat(back[i]).containsExactly(a[i]);
        }
    }

    @Property
    void elementwiseOperationsKeepTheShape(@ForAll("matrices") double[][] a) {
        double[][] b = Matrices.scale(-0.5, a);
        for (double[][] c : new double[][][] {Matrices.add(a, b), Matrices.subtract(a, b), Matrices.hadamard(a, b)}) {
            assertThat(Matrices.shape(c)).isEqualTo(Matrices.shape(a));
        }
        assertThat(Matrices.sumColumns(a)).hasSize(a[0].length);
        assertThat(Matrices.addRowVector(a, a[0])).hasDimensions(a.length, a[0].length);
        assertThat(Matrices.argmaxRows(a)).hasSize(a.length);
        for (int k : Matrices.argmaxRows(a)) {
            assertThat(k).isBetween(0, a[0].length - 1);
        }
    }

    @Property
    void aRowSumIsTheSumOfItsColumnSums(@ForAll("matrices") double[][] a) {
        double total = 0;
        double magnitude = 0;
        int n = 0;
        for (double[] row : a) {
            for (double v : row) {
                total += v;
                magnitude += Math.abs(v);
                n++;
            }
        }
        double fromColumns = 0;
        for (double s : Matrices.sumColumns(a)) {
            fromColumns += s;
        }
        // each order of summation is within n ulps of Σ|a| of the exact sum (Higham's bound)
        assertThat(fromColumns).isCloseTo(total, within(2 * n * Math.ulp(magnitude)));
    }
}
