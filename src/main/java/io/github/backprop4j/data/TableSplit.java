package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkNotNull;

/**
 * A table cut in two by {@link Splits#stratified(Table, double, long)}.
 *
 * @param train the part to train on
 * @param test  the held-out part
 */
public record TableSplit(Table train, Table test) {

    /**
     * Checks that both parts are present.
     *
     * @param train the part to train on
     * @param test  the held-out part
     */
    public TableSplit {
        checkNotNull(train, "train");
        checkNotNull(test, "test");
    }
}
