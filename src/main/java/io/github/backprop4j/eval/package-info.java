/**
 * Measuring a classifier: {@link io.github.backprop4j.eval.ConfusionMatrix} and its accuracy.
 */
package io.github.backprop4j.eval;
