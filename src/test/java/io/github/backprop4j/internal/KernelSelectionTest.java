package io.github.backprop4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.math.Matrices;
import org.junit.jupiter.api.Test;

/**
 * The path chosen at start-up. The build runs the tests twice (pom.xml): without the Vector API
 * module, where {@code backprop4j.test.kernels} is {@code scalar}, and with it, where it is
 * {@code vector}.
 */
class KernelSelectionTest {

    private static final String EXPECTED = System.getProperty("backprop4j.test.kernels",
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "vector" : "scalar");

    @Test
    void theExpectedPathIsSelected() {
        assertThat(Kernels.selected().name()).startsWith(EXPECTED);
        assertThat(Matrices.kernels()).isEqualTo(Kernels.selected().name());
        assertThat(Kernels.vector().isPresent()).isEqualTo(EXPECTED.equals("vector"));
    }

    @Test
    void theScalarPathIsAlwaysThere() {
        assertThat(Kernels.scalar().name()).isEqualTo("scalar");
    }
}
