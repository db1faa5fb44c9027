/**
 * Losses: the value {@code L(P, Y)} averaged over a batch and its gradient {@code ∂L/∂P}
 * ({@link io.github.backprop4j.loss.CategoricalCrossEntropy} with Softmax,
 * {@link io.github.backprop4j.loss.BinaryCrossEntropy} with one Sigmoid unit,
 * {@link io.github.backprop4j.loss.MeanSquaredError} for regression). The first two are
 * {@link io.github.backprop4j.loss.LogitLoss}es, computed from the logits when training.
 */
package io.github.backprop4j.loss;
