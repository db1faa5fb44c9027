package io.github.backprop4j.train;

/**
 * What a network predicts: classes or numbers. Training records it on the network, from the
 * loss (cross-entropy classifies, mean squared error regresses) or as given by
 * {@link TrainingConfig.Builder#task}; {@code predict}, which returns classes, refuses a regression
 * network whatever its last activation.
 */
public enum Task {
    /** Class labels: {@code predict} returns the most probable class. */
    CLASSIFICATION,
    /** Numbers: {@code predictValues} returns them; {@code predict} refuses. */
    REGRESSION
}
