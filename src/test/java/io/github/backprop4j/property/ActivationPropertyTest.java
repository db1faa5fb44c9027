package io.github.backprop4j.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Softmax's invariants, and the shapes and ranges of every activation, over random logits. */
class ActivationPropertyTest {

    private final Softmax softmax = new Softmax();

    @Provide
    Arbitrary<double[][]> hugeLogits() {
        return Generators.anyShape(8, 10, 1e6);
    }

    @Provide
    Arbitrary<double[][]> logits() {
        return Generators.anyShape(8, 10, 1e3);
    }

    @Provide
    Arbitrary<Activation> activations() {
        return Arbitraries.of(new Identity(), new ReLU(), new Sigmoid(), new Tanh(), new Softmax());
    }

    @Property
    void softmaxRowsAreProbabilitiesThatSumToOne(@ForAll("hugeLogits") double[][] z) {
        double[][] p = softmax.forward(z);
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (double v : p[i]) {
                assertThat(v).as("row %d", i).isBetween(0.0, 1.0);
                sum += v;
            }
            // at most 10 terms, each rounded once: the sum is 1 to within a few ulps
            assertThat(sum).as("row %d", i).isCloseTo(1.0, within(1e-14));
        }
    }

    @Property
    void softmaxIsShiftInvariant(@ForAll("logits") double[][] z, @ForAll @DoubleRange(min = -1e3, max = 1e3) double c) {
        double[][] shifted = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            shifted[i] = z[i].clone();
            for (int k = 0; k < z[i].length; k++) {
                shifted[i][k] += c;
            }
        }
        double[][] p = softmax.forward(z);
        double[][] q = softmax.forward(shifted);
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < z[i].length; k++) {
                // z + c is rounded to an ulp of 2e3 (2.3e-13); p moves by at most about p · 5e-13
                assertThat(q[i][k]).as("[%d][%d]", i, k).isCloseTo(p[i][k], within(1e-12));
            }
        }
    }

    @Property
    void forwardAndBackwardKeepTheShapeAndStayFinite(@ForAll("activations") Activation activation,
            @ForAll("hugeLogits") double[][] z) {
        double[][] a = activation.forward(z);
        double[][] upstream = Generators.matrices(z.length, z[0].length, 1.0).sample();
        double[][] dz = activation.backward(z, a, upstream);
        assertThat(a).hasDimensions(z.length, z[0].length);
        assertThat(dz).hasDimensions(z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            assertThat(a[i]).as("%s forward row %d", activation, i).doesNotContain(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(dz[i]).as("%s backward row %d", activation, i).doesNotContain(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }
    }

    @Property
    void boundedActivationsStayInTheirRange(@ForAll("hugeLogits") double[][] z) {
        double[][] s = new Sigmoid().forward(z);
        double[][] t = new Tanh().forward(z);
        double[][] r = new ReLU().forward(z);
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < z[i].length; k++) {
                assertThat(s[i][k]).isBetween(0.0, 1.0);
                assertThat(t[i][k]).isBetween(-1.0, 1.0);
                assertThat(r[i][k]).isEqualTo(Math.max(0.0, z[i][k]));
            }
        }
    }
}
