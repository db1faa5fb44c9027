package io.github.backprop4j.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitraries shared by the property tests: matrices of doubles, with their shape drawn too. */
final class Generators {

    private Generators() {
    }

    /** Matrices of {@code 1..maxRows × 1..maxColumns} entries in {@code [-bound, bound]}. */
    static Arbitrary<double[][]> anyShape(int maxRows, int maxColumns, double bound) {
        return Arbitraries.integers().between(1, maxRows).flatMap(rows ->
                Arbitraries.integers().between(1, maxColumns).flatMap(columns ->
                        matrices(rows, columns, bound)));
    }

    /** Matrices of exactly {@code rows × columns} entries in {@code [-bound, bound]}. */
    static Arbitrary<double[][]> matrices(int rows, int columns, double bound) {
        return Arbitraries.doubles().between(-bound, bound)
                .array(double[].class).ofSize(columns)
                .array(double[][].class).ofSize(rows);
    }
}
