/**
 * The training engine: the loop ({@link io.github.backprop4j.internal.training.TrainingLoop}), the
 * run it continues ({@link io.github.backprop4j.internal.training.TrainingRun}), one step
 * ({@link io.github.backprop4j.internal.training.TrainingStep}), batches, validation, dropout,
 * regularisation, and the loop listeners for early stopping and best weights. It trains a list of
 * layers through their parameters and never refers back to the network or model that holds them
 * (docs/architecture.md). Not API: the module does not export this package.
 */
package io.github.backprop4j.internal.training;
