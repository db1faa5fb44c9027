package io.github.backprop4j.spark;

import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;

/**
 * A network's weights and its optimizer state as one {@code double[]}, what parameter averaging
 * sends out and averages: for each layer, {@code W}, then {@code b}; then for each parameter in
 * the same order, its optimizer buffers (e.g. Adam's {@code m} and {@code v}) and its step count.
 */
final class NetworkState {

    private NetworkState() {
    }

    /** The length of the state of {@code net} under {@code optimizer}. */
    static int size(NeuralNet net, Optimizer optimizer) {
        int size = NetworkArrays.size(net);
        for (Parameter p : net.parameters()) {
            size += p.state(optimizer).names().size() * p.rows() * p.columns() + 1;
        }
        return size;
    }

    /** Adds {@code weight ×} the state of {@code net} to {@code acc} (from index {@code at}). */
    static void addWeighted(NeuralNet net, Optimizer optimizer, double weight, double[] acc, int at) {
        double[] parameters = NetworkArrays.parameters(net);
        for (double v : parameters) {
            acc[at++] += weight * v;
        }
        for (Parameter p : net.parameters()) {
            OptimizerState state = p.state(optimizer);
            for (String name : state.names()) {
                for (double[] row : state.buffer(name)) {
                    for (double v : row) {
                        acc[at++] += weight * v;
                    }
                }
            }
            acc[at++] += weight * state.steps();
        }
    }

    /** Sets {@code net}'s weights and optimizer state from {@code values} (from index {@code at}), step counts rounded. */
    static void set(NeuralNet net, Optimizer optimizer, double[] values, int at) {
        double[] parameters = new double[NetworkArrays.size(net)];
        System.arraycopy(values, at, parameters, 0, parameters.length);
        NetworkArrays.setParameters(net, parameters);
        at += parameters.length;
        for (Parameter p : net.parameters()) {
            OptimizerState state = p.state(optimizer);
            for (String name : state.names()) {
                for (double[] row : state.buffer(name)) {
                    System.arraycopy(values, at, row, 0, row.length);
                    at += row.length;
                }
            }
            state.setSteps(Math.round(values[at++]));
        }
    }
}
