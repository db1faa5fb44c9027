package io.github.backprop4j;

import io.github.backprop4j.loss.Loss;
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

    /** One training step's gradients on checked inputs, with nothing updated. */
    static Gradients gradients(NeuralNet net, double[][] features, double[][] targets, Loss loss) {
        TrainingStep step = new TrainingStep(net, loss);
        double value = step.forward(features, targets, null);
        if (!Double.isFinite(value)) {
            int layer = net.firstNonFiniteOutput();
            throw new ArithmeticException("the loss is " + value + (layer < 0 ? "" : "; " + net.describeNonFiniteOutput(layer)));
        }
        GradientRecorder recorder = new GradientRecorder();
        step.backward(recorder, recorder.learningRate());
        double[][][] dW = new double[net.layers().size()][][];
        double[][][] db = new double[net.layers().size()][][];
        for (int l = 0; l < net.layers().size(); l++) {
            dW[l] = recorder.gradient(net.layers().get(l).weightParameter());
            db[l] = recorder.gradient(net.layers().get(l).biasParameter());
        }
        return new Gradients(value, features.length, dW, db);
    }

    /** The gradient recorded for {@code parameter}. */
    double[][] gradient(Parameter parameter) {
        return gradients.get(parameter);
    }
}
