package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Sgd;

/**
 * How {@link NeuralNet#fit} trains: the optimizer, the number of passes over the data, the
 * mini-batch size and the seed of the shuffle before each epoch.
 *
 * <p>Validated when built. The same config (with a fresh optimizer of the same settings) and the
 * same initial weights give bit-identical training on the same JVM.
 *
 * <pre>{@code
 * TrainingConfig config = new TrainingConfig(new Sgd(0.05), 200, 16, 7L);
 * History history = net.fit(x, labels, config);
 * }</pre>
 *
 * @param optimizer the update rule; stateful optimizers keep their state between calls of fit
 * @param epochs    passes over the training data, &gt; 0
 * @param batchSize rows per update step, &gt; 0; the last batch of an epoch may be smaller
 * @param seed      seed of the per-epoch shuffle
 */
public record TrainingConfig(Optimizer optimizer, int epochs, int batchSize, long seed) {

    /** Validates the settings. */
    public TrainingConfig {
        checkNotNull(optimizer, "optimizer");
        checkArgument(epochs > 0, "epochs must be > 0, got %d", epochs);
        checkArgument(batchSize > 0, "batch size must be > 0, got %d", batchSize);
    }

    /**
     * Plain SGD; stands for {@code new TrainingConfig(new Sgd(learningRate), epochs, batchSize, seed)}.
     */
    public static TrainingConfig sgd(double learningRate, int epochs, int batchSize, long seed) {
        return new TrainingConfig(new Sgd(learningRate), epochs, batchSize, seed);
    }
}
