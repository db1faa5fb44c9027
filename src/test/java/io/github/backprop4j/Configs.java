package io.github.backprop4j;

import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.WeightDecay;

/** Test configurations that train for exactly the given epochs: no validation, no early stopping, no weight decay. */
public final class Configs {

    private Configs() {
    }

    /** {@code optimizer} on {@code loss} for exactly {@code epochs} epochs. */
    public static TrainingConfig plain(Optimizer optimizer, Loss loss, int epochs, int batchSize, long seed) {
        return TrainingConfig.builder().optimizer(optimizer).loss(loss).epochs(epochs).batchSize(batchSize).seed(seed)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
    }

    /** {@code optimizer} on the loss of the network's last layer for exactly {@code epochs} epochs. */
    public static TrainingConfig plain(Optimizer optimizer, int epochs, int batchSize, long seed) {
        return TrainingConfig.builder().optimizer(optimizer).epochs(epochs).batchSize(batchSize).seed(seed)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
    }
}
