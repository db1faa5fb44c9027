package io.github.backprop4j.internal;

import static io.github.backprop4j.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels keep the product contract, and so give the same bits as the scalar
 * kernels. Runs only in the test run with {@code --add-modules jdk.incubator.vector} (pom.xml).
 */
class VectorGemmTest extends GemmContract {

    @Override
    Gemm gemm() {
        return Kernels.vector().orElseThrow(() -> new AssertionError(
                "this test runs with --add-modules jdk.incubator.vector, but the Vector API kernels did not load"));
    }

    @Test
    void givesTheSameBitsAsTheScalarKernelsAtTheTrainingShapes() {
        Random random = new Random(14);
        int[][] shapes = {{64, 784, 256}, {64, 256, 128}, {64, 128, 10}, {32, 4, 10}, {1, 784, 256}};
        for (int[] s : shapes) {
            double[][] x = gaussian(s[0], s[1], random);
            double[][] w = gaussian(s[1], s[2], random);
            double[] b = gaussian(1, s[2], random)[0];
            double[][] scalar = new double[s[0]][s[2]];
            double[][] vector = new double[s[0]][s[2]];
            Kernels.scalar().multiply(x, false, w, false, b, scalar, 2);
            gemm().multiply(x, false, w, false, b, vector, 2);
            assertThat(vector).isDeepEqualTo(scalar);
        }
    }
}
