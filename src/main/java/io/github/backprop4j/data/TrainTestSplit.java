package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkNotNull;

/**
 * A data set cut in two: {@code train} to fit on and {@code test} to measure on.
 *
 * <pre>{@code
 * TrainTestSplit split = Splits.stratified(Datasets.iris(), 0.25, 7L);
 * net.fit(split.train().features(), split.train().labels(), config);
 * }</pre>
 *
 * @param train the part to train on
 * @param test  the held-out part
 */
public record TrainTestSplit(Dataset train, Dataset test) {

    /**
     * Checks that both parts are present.
     *
     * @param train the part to train on
     * @param test the held-out part
     */
    public TrainTestSplit {
        checkNotNull(train, "train");
        checkNotNull(test, "test");
    }
}
