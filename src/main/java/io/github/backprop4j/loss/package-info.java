/**
 * Losses: the value {@code L(P, Y)} averaged over a batch and its gradient {@code ∂L/∂P}
 * ({@link io.github.backprop4j.loss.CategoricalCrossEntropy}).
 */
package io.github.backprop4j.loss;
