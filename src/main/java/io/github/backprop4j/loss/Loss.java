package io.github.backprop4j.loss;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.math.Matrices;
import java.util.Optional;

/**
 * A loss {@code L(P, Y)}: how far a network's output {@code P} is from the target {@code Y},
 * averaged over the batch, and its gradient {@code ∂L/∂P}, which starts the backward pass.
 *
 * <p>Shapes: {@code P} and {@code Y} are both {@code [batch × outputs]}. Because {@code L} is the
 * batch <em>mean</em>, {@code ∂L/∂P} already carries the factor {@code 1/batch}; layers must not
 * divide by the batch size again.
 *
 * <p>Before training, {@link #mismatch} says whether the loss fits the network's output layer,
 * and {@link #targetsForLabels} turns class labels into targets. A new loss needs only
 * {@link #value} and {@link #gradient}; {@link #gradientInto} writes into a caller's array and
 * by default copies from {@link #gradient}. A loss that is better computed from the logits of
 * its output activation also implements {@link LogitLoss}.
 *
 * <pre>{@code
 * Loss loss = new MeanSquaredError();
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
     * @return the mean loss
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

    /**
     * {@link #gradient} into {@code out}, which has the shape of {@code predicted} and is modified.
     *
     * @throws IllegalArgumentException if the shapes differ
     * @param predicted {@code P [batch × outputs]}, not modified
     * @param target {@code Y}, the same shape, not modified
     * @param out where the result goes
     */
    default void gradientInto(double[][] predicted, double[][] target, double[][] out) {
        double[][] g = gradient(predicted, target);
        Matrices.checkMatrix(out, this + ".gradientInto: out");
        checkArgument(out.length == g.length && out[0].length == g[0].length,
                "%s.gradientInto: out is %s but the gradient is %s", this, Matrices.shape(out), Matrices.shape(g));
        for (int i = 0; i < g.length; i++) {
            System.arraycopy(g[i], 0, out[i], 0, g[i].length);
        }
    }

    /**
     * Why this loss cannot train a network whose last layer has {@code outputs} units with
     * {@code outputActivation}, naming the pairing to use instead; empty when it can. The default
     * accepts every output layer.
     *
     * @param outputActivation the last layer's activation
     * @param outputs the last layer's number of units
     * @return what is wrong, naming the pairing to use; empty when the loss fits
     */
    default Optional<String> mismatch(Activation outputActivation, int outputs) {
        return Optional.empty();
    }

    /**
     * The targets {@code Y [n × outputs]} that stand for the class labels {@code labels}, e.g.
     * one-hot rows. The default refuses: a loss for regression takes {@code double[][]} targets.
     *
     * @param labels  one class label per row, not modified
     * @param outputs the network's number of outputs
     * @throws IllegalArgumentException naming the first label this loss cannot take
     * @return a new {@code [n × outputs]} matrix of targets
     */
    default double[][] targetsForLabels(int[] labels, int outputs) {
        throw new IllegalArgumentException(this + " takes double[][] targets, not class labels;"
                + " call fit(features, targets, config) with one row of target values per sample");
    }

    /**
     * The loss that goes with an output layer: categorical cross-entropy after {@code Softmax},
     * binary cross-entropy after one {@code Sigmoid} unit, mean squared error after anything else.
     *
     * @param outputActivation the last layer's activation
     * @param outputs          the last layer's number of units
     * @return the loss for that output layer
     */
    static Loss forOutput(Activation outputActivation, int outputs) {
        if (outputActivation instanceof io.github.backprop4j.activation.Softmax) {
            return new CategoricalCrossEntropy();
        }
        if (outputActivation instanceof io.github.backprop4j.activation.Sigmoid && outputs == 1) {
            return new BinaryCrossEntropy();
        }
        return new MeanSquaredError();
    }

    /**
     * The numbers that, with its class, make this part again: what a model file saves beside its
     * class's simple name, and what a {@code PartRegistry} factory is given on load. The default:
     * none. A part with settings returns each by name (letters, digits and {@code _}), finite.
     *
     * @return the settings by name
     */
    default java.util.Map<String, Double> settings() {
        return java.util.Map.of();
    }
}
