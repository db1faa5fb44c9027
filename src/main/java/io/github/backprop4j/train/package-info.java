/**
 * What a user configures and observes about training: {@link io.github.backprop4j.train.TrainingConfig}
 * (a validated, immutable configuration made with a builder), learning-rate schedules, validation,
 * {@link io.github.backprop4j.train.EarlyStopping}, {@link io.github.backprop4j.train.TrainingListener}s
 * such as {@link io.github.backprop4j.train.ConsoleProgress}, and the {@link io.github.backprop4j.train.History}
 * that {@code fit} returns.
 */
package io.github.backprop4j.train;
