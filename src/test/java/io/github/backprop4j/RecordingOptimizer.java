package io.github.backprop4j;

import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.util.ArrayList;
import java.util.List;

/** An optimizer for tests: keeps a copy of every gradient it is handed and changes nothing. */
public final class RecordingOptimizer implements Optimizer {

    /** Gradients in the order received: for each layer, last to first, dW then db. */
    public final List<double[][]> gradients = new ArrayList<>();

    @Override
    public double learningRate() {
        return 1.0;
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        gradients.add(Matrices.copy(gradient));
    }
}
