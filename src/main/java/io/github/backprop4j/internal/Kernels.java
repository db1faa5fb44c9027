package io.github.backprop4j.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Chooses the matrix-product kernels once, when first used: the Vector API kernels when the JVM
 * runs with {@code --add-modules jdk.incubator.vector} and the hardware has vectors of at least
 * 256 bits, the portable scalar kernels otherwise. It never fails: any problem loading the vector
 * kernels falls back to the scalar ones, with one hint on the {@code System.Logger} named
 * {@code io.github.backprop4j} at {@code DEBUG} (silent unless the logger is configured to show it).
 *
 * <p>The system property {@code backprop4j.kernels} set to {@code scalar} forces the scalar
 * kernels, e.g. to compare the two paths. Not part of the public API.
 */
public final class Kernels {

    /** The system property that forces a path: {@code scalar} or {@code auto} (the default). */
    public static final String PROPERTY = "backprop4j.kernels";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNELS = "io.github.backprop4j.internal.vector.VectorGemm";
    private static final Gemm SCALAR = new ScalarGemm();
    private static final Gemm VECTOR = loadVector();
    private static final Gemm SELECTED = "scalar".equals(System.getProperty(PROPERTY)) || VECTOR == null ? SCALAR : VECTOR;

    private Kernels() {
    }

    /** The kernels in use. */
    public static Gemm selected() {
        return SELECTED;
    }

    /** The portable scalar kernels, always available. */
    public static Gemm scalar() {
        return SCALAR;
    }

    /** The Vector API kernels, when the module is present and the hardware has vectors; else empty. */
    public static Optional<Gemm> vector() {
        return Optional.ofNullable(VECTOR);
    }

    private static Gemm loadVector() {
        System.Logger log = System.getLogger("io.github.backprop4j");
        Optional<Module> module = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (module.isEmpty()) {
            log.log(Level.DEBUG, "backprop4j uses its scalar kernels; start the JVM with --add-modules "
                    + VECTOR_MODULE + " for the faster Vector API kernels (docs/performance.md)");
            return null;
        }
        try {
            // a named module reads only what it requires; the incubator module is read on demand
            Kernels.class.getModule().addReads(module.get());
            Class<?> type = Class.forName(VECTOR_KERNELS, true, Kernels.class.getClassLoader());
            int bits = (int) type.getMethod("vectorBits").invoke(null);
            if (bits < 256) {
                log.log(Level.DEBUG, "backprop4j uses its scalar kernels: the preferred vector is only " + bits + " bits");
                return null;
            }
            return (Gemm) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log.log(Level.DEBUG, "backprop4j uses its scalar kernels: the Vector API kernels did not load", e);
            return null;
        }
    }
}
