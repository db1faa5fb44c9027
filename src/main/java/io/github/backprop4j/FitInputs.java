package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import java.util.List;

/** The checks {@link NeuralNet} runs on what it is given, with messages naming what and where. */
final class FitInputs {

    private FitInputs() {
    }

    /** Features must be a finite {@code [n × inputs]} matrix. */
    static void checkFeatures(NeuralNet net, double[][] features) {
        Matrices.checkMatrix(features, "features");
        Matrices.checkFinite(features, "features");
        checkArgument(features[0].length == net.inputs(),
                "features have %d columns but layer 0 %s expects %d", features[0].length, net.layers().get(0), net.inputs());
    }

    /** The targets {@code loss} makes of {@code labels}, after checking the labels and the loss. */
    static double[][] targetsForLabels(NeuralNet net, int[] labels, int rows, Loss loss) {
        checkNotNull(labels, "labels");
        checkArgument(labels.length == rows,
                "features have %d rows but labels have %d entries; they must match", rows, labels.length);
        checkLossFits(net, loss);
        return loss.targetsForLabels(labels, net.outputs());
    }

    /** Targets must be a finite {@code [rows × outputs]} matrix, and the loss must fit. */
    static void checkTargets(NeuralNet net, double[][] targets, int rows, Loss loss) {
        Matrices.checkMatrix(targets, "targets");
        Matrices.checkFinite(targets, "targets");
        checkArgument(targets.length == rows,
                "features have %d rows but targets have %d; they must match", rows, targets.length);
        List<LinearLayer> layers = net.layers();
        checkArgument(targets[0].length == net.outputs(), "targets have %d columns but the last layer %s has %d outputs",
                targets[0].length, layers.get(layers.size() - 1), net.outputs());
        checkLossFits(net, loss);
    }

    /** Refuses a loss that cannot train the network's last layer, naming the pairing to use. */
    static void checkLossFits(NeuralNet net, Loss loss) {
        checkNotNull(loss, "loss");
        List<LinearLayer> layers = net.layers();
        int last = layers.size() - 1;
        loss.mismatch(layers.get(last).activation(), net.outputs()).ifPresent(problem -> {
            throw new IllegalArgumentException(String.format("loss %s does not fit the last layer (layer %d %s): %s",
                    loss, last, layers.get(last), problem));
        });
    }

    /** A classifier learns to tell classes apart: labels that hold one class only are refused. */
    static void checkTwoClasses(int[] labels) {
        for (int label : labels) {
            if (label != labels[0]) {
                return;
            }
        }
        throw new IllegalArgumentException(String.format("every one of the %d labels is class %d; a classifier needs"
                + " at least two classes to learn to tell apart", labels.length, labels[0]));
    }
}
