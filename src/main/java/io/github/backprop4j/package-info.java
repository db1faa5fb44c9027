/**
 * backprop4j's core: {@link io.github.backprop4j.NeuralNet}, a stack of dense {@link
 * io.github.backprop4j.LinearLayer}s trained by backpropagation; {@link io.github.backprop4j.Model},
 * a trained network with its scaler and names, saved and loaded; {@link io.github.backprop4j.Gradients},
 * {@link io.github.backprop4j.GradientChecker} and {@link io.github.backprop4j.StepTrace} for looking
 * inside a step. How training is configured and observed is in {@link io.github.backprop4j.train}.
 *
 * <p>Shapes follow one convention everywhere: samples are rows. {@code X [batch × inputs]},
 * {@code W [inputs × outputs]}, {@code b [1 × outputs]}, {@code Z = X·W + b}.
 */
package io.github.backprop4j;
