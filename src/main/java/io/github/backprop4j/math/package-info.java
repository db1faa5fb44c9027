/**
 * Shape-checked {@code double[][]} matrix operations ({@link io.github.backprop4j.math.Matrices}),
 * samples as rows.
 */
package io.github.backprop4j.math;
