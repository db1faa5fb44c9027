package io.github.backprop4j.loss;

/**
 * A loss {@code L(P, Y)}: how far a network's output {@code P} is from the target {@code Y},
 * averaged over the batch, and its gradient {@code ∂L/∂P}, which starts the backward pass.
 *
 * <p>Shapes: {@code P} and {@code Y} are both {@code [batch × outputs]}. Because {@code L} is the
 * batch <em>mean</em>, {@code ∂L/∂P} already carries the factor {@code 1/batch}; layers must not
 * divide by the batch size again.
 *
 * <pre>{@code
 * Loss loss = new CategoricalCrossEntropy();
 * double value = loss.value(p, y);
 * double[][] dP = loss.gradient(p, y);   // hand to the last layer's backward
 * }</pre>
 */
public interface Loss {

    /**
     * The mean loss over the batch.
     *
     * @param predicted {@code P}, the network's output {@code [batch × outputs]}, not modified
     * @param target    {@code Y}, same shape, not modified
     * @throws IllegalArgumentException if the shapes differ
     */
    double value(double[][] predicted, double[][] target);

    /**
     * The gradient of {@link #value} with respect to {@code predicted}, {@code ∂L/∂P}.
     *
     * @param predicted {@code P} {@code [batch × outputs]}, not modified
     * @param target    {@code Y}, same shape, not modified
     * @return a new {@code [batch × outputs]} matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    double[][] gradient(double[][] predicted, double[][] target);
}
