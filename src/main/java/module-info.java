/**
 * backprop4j: dense neural networks over plain {@code double[][]}, with backpropagation written
 * out and gradient-checked. The {@code internal} package is not exported. Only
 * {@code io.github.backprop4j.plot} draws, and so needs {@code java.desktop}: the module requires
 * it statically, so a program that never draws runs without it (one that draws adds
 * {@code requires java.desktop;} itself).
 */
module io.github.backprop4j {
    requires org.apache.commons.csv;
    requires static transitive java.desktop;

    exports io.github.backprop4j;
    exports io.github.backprop4j.activation;
    exports io.github.backprop4j.data;
    exports io.github.backprop4j.eval;
    exports io.github.backprop4j.io;
    exports io.github.backprop4j.loss;
    exports io.github.backprop4j.math;
    exports io.github.backprop4j.optim;
    exports io.github.backprop4j.plot;
    exports io.github.backprop4j.train;
}
