package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.internal.Permutations;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;
import java.util.Random;

/**
 * The training loop behind {@link NeuralNet#fit}: shuffle(seed) → batch → forward → loss and its
 * gradient → reverse walk through the layers, each {@code backward} handing {@code dW}, {@code db}
 * to the optimizer → listener at epoch end → {@link History}.
 */
final class Trainer {

    private final NeuralNet net;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Loss loss = new CategoricalCrossEntropy();

    Trainer(NeuralNet net, TrainingConfig config, TrainingListener listener) {
        List<LinearLayer> layers = net.layers();
        int last = layers.size() - 1;
        checkArgument(layers.get(last).activation() instanceof Softmax && net.outputs() >= 2,
                "fit minimises categorical cross-entropy, which needs class probabilities: the last layer"
                        + " (layer %d %s) must use Softmax with at least 2 outputs", last, layers.get(last));
        this.net = net;
        this.config = config;
        this.listener = listener;
    }

    /** Trains on already validated features and labels. */
    History train(double[][] features, int[] labels) {
        double[][] targets = Matrices.oneHot(labels, net.outputs());
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
        double[][] p = net.forward(x);
        double value = loss.value(p, y);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, batch, value);
        }
        // dA_L = ∂L/∂P, then for l = L..1: dA_(l−1) = layer_l.backward(dA_l), which also updates W_l, b_l;
        // the first layer's dA_0 = ∂L/∂X would be the gradient for the data, so it is not computed
        double[][] gradient = loss.gradient(p, y);
        Optimizer optimizer = config.optimizer();
        List<LinearLayer> layers = net.layers();
        for (int l = layers.size() - 1; l >= 0; l--) {
            gradient = layers.get(l).backward(gradient, optimizer, l > 0);
        }
        return value;
    }
}
