package io.github.backprop4j;

import io.github.backprop4j.optim.Optimizer;

/**
 * A loaded checkpoint: the model, whose parameters carry their optimizer state again, and the
 * optimizer it was saved with. Training the model's network with that optimizer (or another of
 * its class) continues where the saved training stopped.
 *
 * <pre>{@code
 * Checkpoint c = Model.loadCheckpoint(Path.of("run.ckpt"));
 * c.model().network().fit(x, y, config.toBuilder().optimizer(c.optimizer()).build());
 * }</pre>
 *
 * @param model     the model
 * @param optimizer the optimizer of the checkpoint, or null when the file held no optimizer state
 */
public record Checkpoint(Model model, Optimizer optimizer) {
}
