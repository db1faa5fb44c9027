package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Sgd;

/**
 * How {@link NeuralNet#fit} trains: the optimizer, the loss, the number of passes over the data,
 * the mini-batch size and the seed of the shuffle before each epoch.
 *
 * <p>Validated when built. The same config and the same initial weights give bit-identical
 * training on the same JVM.
 *
 * <pre>{@code
 * TrainingConfig config = new TrainingConfig(new Adam(), new CategoricalCrossEntropy(), 200, 16, 7L);
 * History history = net.fit(x, labels, config);
 * }</pre>
 *
 * @param optimizer the update rule; its per-parameter state lives in the layers and persists
 *                  between calls of fit while the optimizer class stays the same
 * @param loss      what training minimises; it must fit the network's last layer
 * @param epochs    passes over the training data, &gt; 0
 * @param batchSize rows per update step, &gt; 0; the last batch of an epoch may be smaller
 * @param seed      seed of the per-epoch shuffle
 */
public record TrainingConfig(Optimizer optimizer, Loss loss, int epochs, int batchSize, long seed) {

    /** Validates the settings. */
    public TrainingConfig {
        checkNotNull(optimizer, "optimizer");
        checkNotNull(loss, "loss");
        checkArgument(epochs > 0, "epochs must be > 0, got %d", epochs);
        checkArgument(batchSize > 0, "batch size must be > 0, got %d", batchSize);
    }

    /**
     * Classification with categorical cross-entropy; stands for
     * {@code new TrainingConfig(optimizer, new CategoricalCrossEntropy(), epochs, batchSize, seed)}.
     */
    public TrainingConfig(Optimizer optimizer, int epochs, int batchSize, long seed) {
        this(optimizer, new CategoricalCrossEntropy(), epochs, batchSize, seed);
    }

    /**
     * Plain SGD with categorical cross-entropy; stands for
     * {@code new TrainingConfig(new Sgd(learningRate), new CategoricalCrossEntropy(), epochs, batchSize, seed)}.
     */
    public static TrainingConfig sgd(double learningRate, int epochs, int batchSize, long seed) {
        return new TrainingConfig(new Sgd(learningRate), epochs, batchSize, seed);
    }
}
