package io.github.backprop4j;

import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An optimizer that records a copy of each gradient it is handed and changes nothing: the
 * training step run with it computes a batch's gradients without updating the weights.
 */
final class GradientRecorder implements Optimizer {

    private final Map<Parameter, double[][]> gradients = new IdentityHashMap<>();

    /** Unused: nothing is updated. */
    @Override
    public double learningRate() {
        return 1.0;
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        gradients.put(parameter, Matrices.copy(gradient));
    }

    /** The gradient recorded for {@code parameter}. */
    double[][] gradient(Parameter parameter) {
        return gradients.get(parameter);
    }
}
