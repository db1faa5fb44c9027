package io.github.backprop4j;

import io.github.backprop4j.internal.Permutations;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.util.List;
import java.util.Random;

/**
 * The training loop behind {@link NeuralNet#fit}: shuffle(seed) → batch → forward → loss and its
 * gradient → reverse walk through the layers, each {@code backward} handing {@code dW}, {@code db}
 * to the optimizer → divergence check → listener at epoch end → {@link History}.
 */
final class Trainer {

    private final NeuralNet net;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final TrainingStep step;

    /** For a network whose last layer {@code config.loss()} fits (checked by the caller). */
    Trainer(NeuralNet net, TrainingConfig config, TrainingListener listener) {
        this.net = net;
        this.config = config;
        this.listener = listener;
        this.step = new TrainingStep(net, config.loss());
    }

    /** Trains on already validated features and targets {@code Y [n × outputs]}. */
    History train(double[][] features, double[][] targets) {
        Optimizer optimizer = config.optimizer();
        for (LinearLayer layer : net.layers()) {
            // the optimizer state starts here (or continues, if the same kind of optimizer made it)
            layer.weightParameter().state(optimizer);
            layer.biasParameter().state(optimizer);
        }
        int n = features.length;
        int[] order = Permutations.identity(n);
        Random shuffle = new Random(config.seed());
        double[] losses = new double[config.epochs()];
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            Permutations.shuffle(order, shuffle);
            double weightedLoss = 0.0;
            for (int start = 0, batch = 1; start < n; start += config.batchSize(), batch++) {
                int end = Math.min(start + config.batchSize(), n);
                double batchLoss = step(Matrices.selectRows(features, order, start, end),
                        Matrices.selectRows(targets, order, start, end), epoch, batch);
                weightedLoss += batchLoss * (end - start);
            }
            losses[epoch - 1] = weightedLoss / n;
            listener.onEpochEnd(epoch, losses[epoch - 1]);
        }
        return new History(losses);
    }

    /** One update on one batch; returns the batch's mean loss before the update. */
    private double step(double[][] x, double[][] y, int epoch, int batch) {
        double value = step.forward(x, y);
        if (!Double.isFinite(value)) {
            int layer = net.firstNonFiniteOutput();
            throw new TrainingDivergedException(epoch, batch, layer < 0 ? net.layers().size() - 1 : layer,
                    "the loss is " + value + (layer < 0 ? "" : " (" + net.describeNonFiniteOutput(layer) + ")"));
        }
        step.backward(config.optimizer(), config.optimizer().learningRate());
        checkParameters(epoch, batch);
        return value;
    }

    /** Throws {@link TrainingDivergedException} naming the first weight or bias that is not finite. */
    private void checkParameters(int epoch, int batch) {
        List<LinearLayer> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            String bad = firstNonFinite(layers.get(l).weightParameter(), "weights W");
            if (bad == null) {
                bad = firstNonFinite(layers.get(l).biasParameter(), "bias b");
            }
            if (bad != null) {
                throw new TrainingDivergedException(epoch, batch, l, layers.get(l) + " " + bad + " after the update");
            }
        }
    }

    private static String firstNonFinite(Parameter parameter, String name) {
        double[][] values = parameter.values();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                if (!Double.isFinite(values[i][j])) {
                    return name + "[" + i + "][" + j + "] is " + values[i][j];
                }
            }
        }
        return null;
    }
}
