package io.github.backprop4j.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.MeanSquaredError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused (logit) and general gradients of each loss agree wherever both are finite and
 * unclipped, and the losses stay finite and non-negative over huge logits.
 */
class LossPropertyTest {

    private final CategoricalCrossEntropy crossEntropy = new CategoricalCrossEntropy();
    private final BinaryCrossEntropy binaryCrossEntropy = new BinaryCrossEntropy();
    private final Softmax softmax = new Softmax();
    private final Sigmoid sigmoid = new Sigmoid();

    @Provide
    Arbitrary<double[][]> logits() {
        return Generators.anyShape(8, 6, 40.0);
    }

    @Provide
    Arbitrary<double[][]> hugeLogits() {
        return Generators.anyShape(8, 6, 1e6);
    }

    /** One-hot rows with the hot column drawn per row, the same shape as {@code z}. */
    private static double[][] oneHotLike(double[][] z, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] y = new double[z.length][z[0].length];
        for (double[] row : y) {
            row[random.nextInt(row.length)] = 1;
        }
        return y;
    }

    /** 0/1 entries drawn independently, the same shape as {@code z}. */
    private static double[][] bitsLike(double[][] z, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] y = new double[z.length][z[0].length];
        for (double[] row : y) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextInt(2);
            }
        }
        return y;
    }

    private static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertThat(actual[i][k]).as("[%d][%d]", i, k).isCloseTo(expected[i][k], within(tolerance));
            }
        }
    }

    @Property
    void fusedAndGeneralCrossEntropyGradientsAgree(@ForAll("logits") double[][] z, @ForAll long seed) {
        double[][] y = oneHotLike(z, seed);
        double[][] p = softmax.forward(z);
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                // below ε the general gradient clips p, so the two are not meant to agree there
                Assume.that(y[i][k] == 0 || p[i][k] >= CategoricalCrossEntropy.EPSILON);
            }
        }
        double[][] general = softmax.backward(z, p, crossEntropy.gradient(p, y));
        double[][] fused = crossEntropy.logitGradient(p, y);
        // both are (P − Y)/B up to a few roundings of numbers at most 1
        assertClose(general, fused, 1e-12);
    }

    @Property
    void fusedAndGeneralBinaryCrossEntropyGradientsAgree(@ForAll("logits") double[][] z, @ForAll long seed) {
        double[][] y = bitsLike(z, seed);
        double[][] p = sigmoid.forward(z);
        for (double[] row : p) {
            for (double v : row) {
                Assume.that(v >= BinaryCrossEntropy.EPSILON && v <= 1 - BinaryCrossEntropy.EPSILON);
            }
        }
        double[][] general = sigmoid.backward(z, p, binaryCrossEntropy.gradient(p, y));
        double[][] fused = binaryCrossEntropy.logitGradient(p, y);
        assertClose(general, fused, 1e-12);
    }

    @Property
    void lossesFromLogitsAreFiniteAndNonNegative(@ForAll("hugeLogits") double[][] z, @ForAll long seed) {
        double categorical = crossEntropy.valueFromLogits(z, oneHotLike(z, seed));
        double binary = binaryCrossEntropy.valueFromLogits(z, bitsLike(z, seed));
        assertThat(categorical).isFinite().isGreaterThanOrEqualTo(0.0);
        assertThat(binary).isFinite().isGreaterThanOrEqualTo(0.0);
    }

    @Property
    void lossFromLogitsMatchesLossFromProbabilitiesWhereNothingIsClipped(@ForAll("logits") double[][] z,
            @ForAll long seed) {
        double[][] y = oneHotLike(z, seed);
        double[][] p = softmax.forward(z);
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                Assume.that(y[i][k] == 0 || p[i][k] >= CategoricalCrossEntropy.EPSILON);
            }
        }
        double fromLogits = crossEntropy.valueFromLogits(z, y);
        // each row's −log p is at most ~80; log of a rounded p is off by an ulp of p's relative size
        assertThat(crossEntropy.value(p, y)).isCloseTo(fromLogits, within(1e-12 * Math.max(1, fromLogits)));
    }

    @Property
    void meanSquaredErrorIsZeroExactlyAtTheTarget(@ForAll("logits") double[][] y) {
        MeanSquaredError mse = new MeanSquaredError();
        assertThat(mse.value(y, y)).isZero();
        for (double[] row : mse.gradient(y, y)) {
            assertThat(row).containsOnly(0.0);
        }
        double[][] moved = Arbitraries.just(y).map(m -> {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            c[0][0] += 1;
            return c;
        }).sample();
        assertThat(mse.value(moved, y)).isPositive();
    }
}
