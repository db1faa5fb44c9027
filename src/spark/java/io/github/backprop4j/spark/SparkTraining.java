package io.github.backprop4j.spark;

/**
 * How {@link NeuralNetClassifier} spreads training over the partitions (docs/spark.md).
 *
 * <ul>
 * <li>{@link #synchronous()}: each global batch is one step, its gradient summed over the
 *     partitions; exactly the steps one machine takes, at one Spark job per step.
 * <li>{@link #averaging(int)}: each partition takes {@code k} local steps from the same weights,
 *     then the weights and the optimizer state are averaged; one Spark job per {@code k} steps.
 * </ul>
 */
public sealed interface SparkTraining permits SparkTraining.Synchronous, SparkTraining.Averaging {

    /** {@return synchronous data-parallel mini-batch training, one job per step} */
    static SparkTraining synchronous() {
        return new Synchronous();
    }

    /**
     * {@return parameter averaging every {@code stepsPerRound} local steps}
     *
     * @param stepsPerRound the local steps each partition takes between two averagings, &gt;= 1
     */
    static SparkTraining averaging(int stepsPerRound) {
        return new Averaging(stepsPerRound);
    }

    /** Synchronous data-parallel mini-batches: the global batch's gradient, summed over the partitions. */
    record Synchronous() implements SparkTraining {
    }

    /**
     * Parameter averaging: {@code stepsPerRound} local mini-batch steps per partition, then the
     * average of the weights and of the optimizer state.
     *
     * @param stepsPerRound the local steps between two averagings, &gt;= 1
     */
    record Averaging(int stepsPerRound) implements SparkTraining {

        /** Checks the steps. */
        public Averaging {
            if (stepsPerRound < 1) {
                throw new IllegalArgumentException("stepsPerRound must be >= 1, got " + stepsPerRound);
            }
        }
    }
}
