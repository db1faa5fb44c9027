/**
 * backprop4j: dense neural networks over plain {@code double[][]}, with backpropagation written
 * out and gradient-checked. The {@code internal} package is not exported. The charts live in
 * an artifact of their own, {@code backprop4j-plot}, so this module needs no {@code java.desktop};
 * the reports live in {@code backprop4j-eval}.
 */
module io.github.backprop4j {
    requires org.apache.commons.csv;

    exports io.github.backprop4j;
    exports io.github.backprop4j.activation;
    exports io.github.backprop4j.data;
    exports io.github.backprop4j.io;
    exports io.github.backprop4j.loss;
    exports io.github.backprop4j.math;
    exports io.github.backprop4j.optim;
    exports io.github.backprop4j.train;
}
