package io.github.backprop4j.optim;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

/** Checks shared by the built-in optimizers; they allocate nothing unless a check fails. */
final class Updates {

    private Updates() {
    }

    /** Checks that {@code gradient} has the parameter's shape and that {@code learningRate} is usable. */
    static void check(Optimizer optimizer, Parameter parameter, double[][] gradient, double learningRate) {
        if (parameter == null) {
            throw new IllegalArgumentException(optimizer + ".update: parameter must not be null");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException(optimizer + ".update: learning rate must be finite and > 0, got " + learningRate);
        }
        boolean sameShape = gradient != null && gradient.length == parameter.rows();
        for (int i = 0; sameShape && i < gradient.length; i++) {
            sameShape = gradient[i] != null && gradient[i].length == parameter.columns();
        }
        if (!sameShape) {
            throw new IllegalArgumentException(String.format("%s.update: parameter %s and gradient %s must have the same shape",
                    optimizer, Matrices.shape(parameter.values()), Matrices.shape(gradient)));
        }
    }

    /** Runs {@code body} over the parameter's rows, shared among up to {@code threads} threads when it is large. */
    static void forRows(Parameter parameter, int threads, io.github.backprop4j.internal.Parallel.RowRange body) {
        // an update reads and writes each entry a few times: weigh it as 8 multiply-adds an entry
        io.github.backprop4j.internal.Parallel.forRows(parameter.rows(), threads,
                8L * parameter.rows() * parameter.columns(), body);
    }

    /** Checks a learning rate given to a constructor. */
    static void checkLearningRate(double learningRate) {
        checkArgument(learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be finite and > 0, got %s", learningRate);
    }

    /** Checks a decay rate such as momentum or β: in {@code [0, 1)}. */
    static void checkDecay(String name, double value) {
        checkArgument(value >= 0 && value < 1, "%s must be in [0, 1), got %s", name, value);
    }

    /** Checks the small constant added to a denominator: finite and &gt; 0. */
    static void checkEpsilon(double epsilon) {
        checkArgument(epsilon > 0 && Double.isFinite(epsilon), "epsilon must be finite and > 0, got %s", epsilon);
    }
}
