/**
 * Optimizers: update rules that change parameters in place from their gradients and own any
 * state the rule needs ({@link io.github.backprop4j.optim.Sgd}).
 */
package io.github.backprop4j.optim;
