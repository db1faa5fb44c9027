/**
 * backprop4j's core: {@link io.github.backprop4j.NeuralNet}, a stack of dense {@link
 * io.github.backprop4j.LinearLayer}s trained by backpropagation, with {@link
 * io.github.backprop4j.TrainingConfig}, {@link io.github.backprop4j.TrainingListener} and {@link
 * io.github.backprop4j.History}.
 *
 * <p>Shapes follow one convention everywhere: samples are rows. {@code X [batch × inputs]},
 * {@code W [inputs × outputs]}, {@code b [1 × outputs]}, {@code Z = X·W + b}.
 */
package io.github.backprop4j;
