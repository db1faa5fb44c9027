/**
 * Optimizers: update rules that change a {@link io.github.backprop4j.optim.Parameter} in place
 * from its gradient ({@link io.github.backprop4j.optim.Sgd}, {@link io.github.backprop4j.optim.Momentum},
 * {@link io.github.backprop4j.optim.RmsProp}, {@link io.github.backprop4j.optim.Adam},
 * {@link io.github.backprop4j.optim.AdamW}). The rules are immutable values; what they remember
 * between steps lives in each parameter's {@link io.github.backprop4j.optim.OptimizerState}.
 */
package io.github.backprop4j.optim;
