package io.github.backprop4j;

import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** An optimizer for tests: keeps a copy of every gradient it is handed and changes nothing. */
public final class RecordingOptimizer implements Optimizer {

    /** Gradients in the order received: for each layer, last to first, dW then db. */
    public final List<double[][]> gradients = new ArrayList<>();

    @Override
    public void update(double[][] parameter, double[][] gradient) {
        gradients.add(Matrices.copy(gradient));
    }
}
