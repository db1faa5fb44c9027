package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.math.Matrices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network: an ordered list of {@link LinearLayer}s, each feeding the next,
 * {@code A_l = f_l(A_(l−1)·W_l + b_l)} with {@code A_0 = X}.
 *
 * <p>Features are {@code double[][]} with one row per sample; labels are class indices. For
 * classification the last layer uses {@link io.github.backprop4j.activation.Softmax} and
 * {@link #fit} minimises categorical cross-entropy. A network is mutable (training changes its
 * layers) and not thread-safe while training; {@link #predict} and {@link #predictProbabilities}
 * change nothing, so several threads may call them at once while no {@code fit} runs.
 *
 * <pre>{@code
 * NeuralNet net = new NeuralNet(
 *         new LinearLayer(4, 10, new ReLU(), 1L),
 *         new LinearLayer(10, 3, new Softmax(), 2L));
 * net.fit(x, labels, TrainingConfig.sgd(0.05, 200, 16, 7L));
 * int[] predicted = net.predict(x);
 * }</pre>
 */
public final class NeuralNet {

    private final List<LinearLayer> layers;

    /**
     * @param layers at least one layer, each layer's {@code inputs} equal to the previous layer's
     *               {@code outputs}, no layer given twice
     * @throws IllegalArgumentException naming the layer indices that do not fit together
     */
    public NeuralNet(LinearLayer... layers) {
        checkNotNull(layers, "layers");
        checkArgument(layers.length > 0, "a network needs at least one layer, got none");
        for (int i = 0; i < layers.length; i++) {
            checkArgument(layers[i] != null, "layer %d is null", i);
            for (int j = 0; j < i; j++) {
                checkArgument(layers[i] != layers[j],
                        "layer %d is the same object as layer %d; create a new LinearLayer for each position", i, j);
            }
            if (i > 0) {
                checkArgument(layers[i].inputs() == layers[i - 1].outputs(),
                        "layer %d %s expects %d inputs but layer %d %s has %d outputs",
                        i, layers[i], layers[i].inputs(), i - 1, layers[i - 1], layers[i - 1].outputs());
            }
        }
        this.layers = Collections.unmodifiableList(new ArrayList<>(List.of(layers)));
    }

    /** The layers, first to last (the list is unmodifiable; the layers themselves are live). */
    public List<LinearLayer> layers() {
        return layers;
    }

    /** Number of input features, the first layer's {@code inputs}. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** Number of outputs (classes), the last layer's {@code outputs}. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Total number of trainable numbers in all layers. */
    public int parameterCount() {
        int total = 0;
        for (LinearLayer layer : layers) {
            total += layer.parameterCount();
        }
        return total;
    }

    /**
     * Trains on {@code features} and {@code labels} with categorical cross-entropy.
     * See {@link #fit(double[][], int[], TrainingConfig, TrainingListener)}.
     */
    public History fit(double[][] features, int[] labels, TrainingConfig config) {
        return fit(features, labels, config, TrainingListener.NONE);
    }

    /**
     * Trains with mini-batch gradient descent on categorical cross-entropy: each epoch shuffles
     * the rows, then for each batch runs the forward pass, the loss gradient, and the backward
     * pass through the layers in reverse, each updating its own weights.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels   class indices in {@code [0, outputs)}, length {@code n}; not modified
     * @param config   optimizer, epochs, batch size, shuffle seed
     * @param listener called after each epoch
     * @return the mean training loss of each epoch
     * @throws IllegalArgumentException  on bad input, naming what is wrong and where
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public History fit(double[][] features, int[] labels, TrainingConfig config, TrainingListener listener) {
        checkFeatures(features);
        checkLabels(labels, features.length);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        return new Trainer(this, config, listener).train(features, labels);
    }

    /**
     * Class probabilities for each row: the last layer's output.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @return a new {@code [n × outputs]} matrix
     */
    public double[][] predictProbabilities(double[][] features) {
        checkFeatures(features);
        double[][] a = features;
        for (LinearLayer layer : layers) {
            a = layer.predict(a);
        }
        return a;
    }

    /**
     * The most probable class of each row, {@code argmax_k P_ik}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @return a new array of {@code n} class indices
     */
    public int[] predict(double[][] features) {
        return Matrices.argmaxRows(predictProbabilities(features));
    }

    /** Training forward pass through all layers, each caching what its backward needs. */
    double[][] forward(double[][] features) {
        double[][] a = features;
        for (LinearLayer layer : layers) {
            a = layer.forward(a);
        }
        return a;
    }

    private void checkFeatures(double[][] features) {
        Matrices.checkMatrix(features, "features");
        Matrices.checkFinite(features, "features");
        checkArgument(features[0].length == inputs(),
                "features have %d columns but layer 0 %s expects %d", features[0].length, layers.get(0), inputs());
    }

    private void checkLabels(int[] labels, int rows) {
        checkNotNull(labels, "labels");
        checkArgument(labels.length == rows,
                "features have %d rows but labels have %d entries; they must match", rows, labels.length);
        for (int i = 0; i < labels.length; i++) {
            checkArgument(labels[i] >= 0 && labels[i] < outputs(),
                    "labels[%d] is %d, expected a class index in [0, %d) (the last layer has %d outputs)",
                    i, labels[i], outputs(), outputs());
        }
    }

    /**
     * A summary in the manner of Keras' {@code summary()}, e.g.
     * <pre>
     * NeuralNet: Dense(4→10, ReLU) → Dense(10→3, Softmax)
     *   #  layer                 weights  bias  parameters
     *   0  Dense(4→10, ReLU)     4x10     10    50
     *   1  Dense(10→3, Softmax)  10x3     3     33
     *   total parameters: 83
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("NeuralNet: ");
        for (int i = 0; i < layers.size(); i++) {
            s.append(i == 0 ? "" : " → ").append(layers.get(i));
        }
        int width = Math.max(5, layers.stream().mapToInt(l -> l.toString().length()).max().orElse(0));
        String row = "%n  %-2s %-" + width + "s  %-7s  %-4s  %s";
        s.append(String.format(row, "#", "layer", "weights", "bias", "parameters"));
        for (int i = 0; i < layers.size(); i++) {
            LinearLayer l = layers.get(i);
            s.append(String.format(row, i, l, l.inputs() + "x" + l.outputs(), l.outputs(), l.parameterCount()));
        }
        return s.append(String.format("%n  total parameters: %d", parameterCount())).toString();
    }
}
