package io.github.backprop4j.internal;

/** The portable kernels keep the product contract. */
class ScalarGemmTest extends GemmContract {

    @Override
    Gemm gemm() {
        return Kernels.scalar();
    }
}
