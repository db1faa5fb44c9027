/**
 * Activation functions {@code A = f(Z)} with their backward passes: {@link
 * io.github.backprop4j.activation.Sigmoid}, {@link io.github.backprop4j.activation.ReLU}, {@link
 * io.github.backprop4j.activation.Tanh}, {@link io.github.backprop4j.activation.Identity} and
 * {@link io.github.backprop4j.activation.Softmax}. Each class's javadoc gives the formula and its
 * derivative; docs/backprop.md derives them.
 */
package io.github.backprop4j.activation;
