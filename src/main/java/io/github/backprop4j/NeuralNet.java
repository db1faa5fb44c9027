package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.internal.training.Divergence;
import io.github.backprop4j.internal.training.TrainingLoop;
import io.github.backprop4j.internal.training.TrainingRun;
import io.github.backprop4j.internal.training.TrainingStep;
import io.github.backprop4j.internal.training.Validator;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network: an ordered list of {@link LinearLayer}s, each feeding the next,
 * {@code A_l = f_l(A_(l−1)·W_l + b_l)} with {@code A_0 = X}.
 *
 * <p>Features are {@code double[][]} with one row per sample. {@link #fit} minimises the loss in
 * its {@link TrainingConfig}: categorical cross-entropy over class labels with a
 * {@link io.github.backprop4j.activation.Softmax} output (the default), binary cross-entropy with
 * one {@link io.github.backprop4j.activation.Sigmoid} unit, or mean squared error on
 * {@code double[][]} targets for regression. A network is mutable (training changes its layers)
 * and not thread-safe while training; {@link #predict}, {@link #predictProbabilities} and
 * {@link #predictValues} change nothing, so several threads may call them at once while no
 * {@code fit} runs.
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
    private final List<Parameter> parameters;
    private TrainingRun run;                 // of the last fit, or of a loaded checkpoint; null before
    // per thread, for each layer, [1 × outputs] buffers for Z and A: single-row prediction allocates only its result
    private final ThreadLocal<double[][][][]> rowScratch = ThreadLocal.withInitial(this::newRowScratch);

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
        this.parameters = TrainingLoop.parametersOf(this.layers);
    }

    /** {@return the layers, first to last (the list is unmodifiable; the layers themselves are live)} */
    public List<LinearLayer> layers() {
        return layers;
    }

    /**
     * Every trainable parameter, in a fixed order: layer 0 {@code W}, layer 0 {@code b}, layer 1
     * {@code W}, and so on. Updates, gradient checks, checkpoints and distributed sums all walk
     * this list.
     *
     * @return the live parameters with their optimizer state (the list is unmodifiable)
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@return number of input features, the first layer's {@code inputs}} */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** {@return number of outputs (classes, or target values), the last layer's {@code outputs}} */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /**
     * Total number of trainable numbers in all layers.
     *
     * @return the number of weights and biases
     */
    public int parameterCount() {
        int total = 0;
        for (LinearLayer layer : layers) {
            total += layer.parameterCount();
        }
        return total;
    }

    /**
     * Trains a classifier with the default configuration ({@link TrainingConfig#defaults()}: Adam,
     * 10% held out for validation, early stopping); see
     * {@link #fit(double[][], int[], TrainingConfig, TrainingListener)}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels one class label per row; not modified
     * @return every epoch's metrics, and why training stopped early if it did
     */
    public History fit(double[][] features, int[] labels) {
        return fit(features, labels, TrainingConfig.defaults(), TrainingListener.NONE);
    }

    /**
     * Trains on class labels; see {@link #fit(double[][], int[], TrainingConfig, TrainingListener)}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels one class label per row; not modified
     * @param config how to train
     * @return every epoch's metrics, and why training stopped early if it did
     */
    public History fit(double[][] features, int[] labels, TrainingConfig config) {
        return fit(features, labels, config, TrainingListener.NONE);
    }

    /**
     * Trains a classifier with mini-batch gradient descent: each epoch shuffles the rows, then for
     * each batch runs the forward pass, the loss and its gradient, and the backward pass through
     * the layers in reverse, each updating its own weights; then it validates, tells the listener
     * and checks early stopping. The loss (the config's, else {@link Loss#forOutput} of the last
     * layer) turns the labels into targets: one-hot rows for
     * {@link io.github.backprop4j.loss.CategoricalCrossEntropy}, a 0/1 column for
     * {@link io.github.backprop4j.loss.BinaryCrossEntropy}.
     *
     * <p>The optimizer's state (e.g. Adam's moments) lives in the layers: a second call of
     * {@code fit} with an optimizer of the same class continues from it; {@link
     * #resetOptimizerState()} starts afresh.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels   one class label per row, as the loss takes them; not modified
     * @param config   optimizer, loss, epochs, batch size, shuffle seed
     * @param listener told of the start, each batch, each epoch and the end
     * @return every epoch's metrics, and why training stopped early if it did
     * @throws IllegalArgumentException  on bad input, or a loss that does not fit the last layer,
     *                                   naming what is wrong and where
     * @throws TrainingDivergedException if the loss or a parameter becomes NaN or infinite
     */
    public History fit(double[][] features, int[] labels, TrainingConfig config, TrainingListener listener) {
        FitInputs.checkFeatures(this, features);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        Loss loss = lossFor(config);
        double[][] targets = FitInputs.targetsForLabels(this, labels, features.length, loss);
        return train(TrainingRun.start(config, features, targets), config, listener, loss, features, targets, labels);
    }

    /**
     * Continues this network's training run on class labels to {@code config}'s epoch total, as
     * if it had never stopped: the run started by the last {@code fit}, or the one a checkpoint
     * saved ({@link Model#loadCheckpoint(java.nio.file.Path)}). The run keeps its position, its
     * shuffle and dropout generators, its early-stopping state and best weights, and the metrics so
     * far: 5 epochs, a checkpoint, then resuming to 10 gives the weights of 10 uninterrupted epochs,
     * bit for bit. A run that already reached the total, or stopped early, returns its history.
     *
     * @param features the same rows the run started on, in the same order; not modified
     * @param labels   their labels; not modified
     * @param config   the run's configuration; only {@code epochs} (which may grow) and
     *                 {@code threads} may differ
     * @param listener told of the start, each batch, each epoch and the end of this part of the run
     * @return the history of every epoch of the run, from its first
     * @throws IllegalStateException    if this network has no run to continue, e.g. a checkpoint of
     *                                  format version 1, which holds no training position
     * @throws IllegalArgumentException naming the setting that differs, or if the rows differ
     */
    public History resume(double[][] features, int[] labels, TrainingConfig config, TrainingListener listener) {
        FitInputs.checkFeatures(this, features);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        Loss loss = lossFor(config);
        double[][] targets = FitInputs.targetsForLabels(this, labels, features.length, loss);
        return train(runToResume(config, features, targets), config, listener, loss, features, targets, labels);
    }

    /**
     * Continues the training run on class labels, telling no listener; see
     * {@link #resume(double[][], int[], TrainingConfig, TrainingListener)}.
     *
     * @param features the rows the run started on; not modified
     * @param labels their labels; not modified
     * @param config the run's configuration, with an epoch total that may have grown
     * @return the history of every epoch of the run
     */
    public History resume(double[][] features, int[] labels, TrainingConfig config) {
        return resume(features, labels, config, TrainingListener.NONE);
    }

    /**
     * Continues the training run on target values; see
     * {@link #resume(double[][], int[], TrainingConfig, TrainingListener)}.
     *
     * @param features the rows the run started on; not modified
     * @param targets their targets; not modified
     * @param config the run's configuration, with an epoch total that may have grown
     * @param listener told of the start, each batch, each epoch and the end
     * @return the history of every epoch of the run
     */
    public History resume(double[][] features, double[][] targets, TrainingConfig config, TrainingListener listener) {
        FitInputs.checkFeatures(this, features);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        Loss loss = lossFor(config);
        FitInputs.checkTargets(this, targets, features.length, loss);
        return train(runToResume(config, features, targets), config, listener, loss, features, targets, null);
    }

    private TrainingRun runToResume(TrainingConfig config, double[][] features, double[][] targets) {
        checkState(run != null, "this network has no training run to resume: it was not trained by fit in this JVM,"
                + " and it was not loaded from a checkpoint that holds one (checkpoints of format version 1 hold no"
                + " training position); call fit to start a new run from epoch 1, which keeps the optimizer state");
        run.checkContinues(config, features, targets);
        return run;
    }

    private History train(TrainingRun started, TrainingConfig config, TrainingListener listener, Loss loss,
            double[][] features, double[][] targets, int[] labels) {
        this.run = started;
        return TrainingLoop.run(layers, started, config, listener, loss, features, targets, labels);
    }

    /** {@return the training run of the last fit or loaded checkpoint, or null} */
    TrainingRun trainingRun() {
        return run;
    }

    /** Sets the run a checkpoint saved, to be resumed. */
    void setTrainingRun(TrainingRun run) {
        this.run = run;
    }

    /**
     * Trains on target values; see {@link #fit(double[][], double[][], TrainingConfig, TrainingListener)}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param targets {@code Y [n × outputs]}, finite; not modified
     * @param config how to train
     * @return every epoch's metrics, and why training stopped early if it did
     */
    public History fit(double[][] features, double[][] targets, TrainingConfig config) {
        return fit(features, targets, config, TrainingListener.NONE);
    }

    /**
     * Trains on target values {@code Y [n × outputs]}, e.g. for regression with
     * {@link io.github.backprop4j.loss.MeanSquaredError}; otherwise as
     * {@link #fit(double[][], int[], TrainingConfig, TrainingListener)}.
     *
     * @param targets {@code Y [n × outputs]}, finite; not modified
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param config how to train
     * @param listener told of the start, each batch, each epoch and the end
     * @return every epoch's metrics, and why training stopped early if it did
     */
    public History fit(double[][] features, double[][] targets, TrainingConfig config, TrainingListener listener) {
        FitInputs.checkFeatures(this, features);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        Loss loss = lossFor(config);
        FitInputs.checkTargets(this, targets, features.length, loss);
        return train(TrainingRun.start(config, features, targets), config, listener, loss, features, targets, null);
    }

    /**
     * The gradients of {@code loss} on one batch of class labels, without changing any weight;
     * see {@link #gradients(double[][], double[][], Loss)}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels one class label per row; not modified
     * @param loss the loss
     * @return the gradients and the batch's loss
     */
    public Gradients gradients(double[][] features, int[] labels, Loss loss) {
        FitInputs.checkFeatures(this, features);
        return gradients(features, FitInputs.targetsForLabels(this, labels, features.length, loss), loss);
    }

    /**
     * The gradients of the batch-mean {@code loss} with respect to every weight and bias, on the
     * batch {@code features}, {@code targets}: the same computation as one training step, with
     * nothing updated (and no optimizer state touched).
     *
     * @throws ArithmeticException if the loss is not finite at these weights, naming the layer
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param targets {@code Y [n × outputs]}, finite; not modified
     * @param loss the loss
     * @return the gradients and the batch's loss
     */
    public Gradients gradients(double[][] features, double[][] targets, Loss loss) {
        FitInputs.checkFeatures(this, features);
        FitInputs.checkTargets(this, targets, features.length, loss);
        TrainingStep step = new TrainingStep(layers, loss, 1);
        double value = step.forward(features, targets, null);
        if (!Double.isFinite(value)) {
            int layer = Divergence.firstNonFiniteOutput(layers);
            throw new ArithmeticException("the loss is " + value
                    + (layer < 0 ? "" : "; " + Divergence.describeOutput(layers, layer)));
        }
        double[][][] into = new double[parameters.size()][][];
        for (int p = 0; p < into.length; p++) {
            into[p] = new double[parameters.get(p).rows()][parameters.get(p).columns()];
        }
        // the gradient step of every layer, in reverse, with no update
        step.gradients(into);
        return new Gradients(value, features.length, into);
    }

    /**
     * Updates every layer's weights and bias with {@code gradients} by {@code optimizer}, with its
     * base learning rate and the layers' optimizer state: what one training step does after the
     * backward pass.
     *
     * @throws IllegalArgumentException if the gradients belong to a network of another shape
     * @param gradients gradients of a network of this shape
     * @param optimizer the update rule
     */
    public void applyGradients(Gradients gradients, Optimizer optimizer) {
        checkNotNull(gradients, "gradients");
        checkNotNull(optimizer, "optimizer");
        checkArgument(gradients.layerCount() == layers.size(),
                "gradients have %d layers but this network has %d", gradients.layerCount(), layers.size());
        for (int l = 0; l < layers.size(); l++) {
            LinearLayer layer = layers.get(l);
            double[][] dW = gradients.view(2 * l);
            checkArgument(dW.length == layer.inputs() && dW[0].length == layer.outputs(),
                    "gradients of layer %d are %s but its weights are %dx%d", l, Matrices.shape(dW), layer.inputs(),
                    layer.outputs());
        }
        for (int p = 0; p < parameters.size(); p++) {
            optimizer.update(parameters.get(p), gradients.view(p));
        }
    }

    private Loss lossFor(TrainingConfig config) {
        LinearLayer last = layers.get(layers.size() - 1);
        return config.loss().orElseGet(() -> Loss.forOutput(last.activation(), last.outputs()));
    }

    /** Forgets every layer's optimizer state, so the next {@code fit} starts with fresh moments and step counts. */
    public void resetOptimizerState() {
        for (Parameter p : parameters) {
            p.resetState();
        }
    }

    /**
     * The last layer's output for each row: class probabilities for a classifier, the predicted
     * values for regression. Large batches share the products' rows among the available
     * processors; see {@link #predictValues(double[][], int)}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @return a new {@code [n × outputs]} matrix
     * @throws ArithmeticException if a layer's output is not finite (inputs or weights too large
     *                             for double), naming the layer, row and column
     */
    public double[][] predictValues(double[][] features) {
        return predictValues(features, io.github.backprop4j.internal.Parallel.defaultThreads());
    }

    /**
     * {@link #predictValues(double[][])} on at most {@code threads} threads; 1 predicts on the
     * calling thread alone. Each output is computed by one thread in a fixed order, so the result
     * does not depend on {@code threads}.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param threads  at most this many threads, &gt; 0
     * @return a new {@code [n × outputs]} matrix
     */
    public double[][] predictValues(double[][] features, int threads) {
        checkArgument(threads > 0, "threads must be > 0, got %d", threads);
        FitInputs.checkFeatures(this, features);
        double[][] a = features;
        for (int l = 0; l < layers.size(); l++) {
            a = layers.get(l).predict(a, threads);
            int[] at = Matrices.firstNonFinite(a);
            if (at != null) {
                throw new ArithmeticException(describe(l, a, at) + "; the inputs or weights are too large"
                        + " for double, so no prediction is made (scale the features, e.g. StandardScaler)");
            }
        }
        return a;
    }

    /**
     * The last layer's output for one row, allocating nothing but the result (each thread keeps
     * small buffers of its own). Safe to call from many threads at once while no {@code fit} runs.
     *
     * @param row {@code inputs} finite values; not modified
     * @return a new array of {@code outputs} values
     * @throws IllegalArgumentException if the row is null, of the wrong length or not finite
     * @throws ArithmeticException      if a layer's output is not finite, naming the layer
     */
    public double[] predictValues(double[] row) {
        if (row == null) {
            throw new IllegalArgumentException("row must not be null");
        }
        if (row.length != inputs()) {
            throw new IllegalArgumentException(String.format("the row has %d values but layer 0 %s expects %d",
                    row.length, layers.get(0), inputs()));
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException(String.format("row column %d is %s; every value must be finite", j, row[j]));
            }
        }
        double[][][][] scratch = rowScratch.get();
        double[][] x = scratch[layers.size()][0];
        x[0] = row;
        double[] a = row;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).predictRow(x, scratch[l][0], scratch[l][1]);
            x = scratch[l][1];
            a = x[0];
            for (int j = 0; j < a.length; j++) {
                if (!Double.isFinite(a[j])) {
                    scratch[layers.size()][0][0] = null;
                    throw new ArithmeticException(describe(l, scratch[l][1], new int[] {0, j})
                            + "; the inputs or weights are too large for double");
                }
            }
        }
        // drop the reference to the caller's row, so the thread's scratch never keeps it
        scratch[layers.size()][0][0] = null;
        return a.clone();
    }

    /**
     * {@return the predicted class of one row; see {@link #predict(double[][])}} Thread-safe as {@link #predictValues(double[])}.
     *
     * @param row one row of {@code inputs} finite values; not modified
     */
    public int predict(double[] row) {
        checkRegressionOutput();
        return Validator.classOf(predictValues(row));
    }

    private double[][][][] newRowScratch() {
        // per layer [Z, A], each [1 × outputs]; one more slot holds the [1 × inputs] view of the input row
        double[][][][] s = new double[layers.size() + 1][2][1][];
        for (int l = 0; l < layers.size(); l++) {
            s[l][0][0] = new double[layers.get(l).outputs()];
            s[l][1][0] = new double[layers.get(l).outputs()];
        }
        return s;
    }

    /**
     * Class probabilities for each row: {@link #predictValues} of a classifier, rows summing to 1
     * for a Softmax output, the probability of class 1 for one Sigmoid unit.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @return a new {@code [n × outputs]} matrix
     */
    public double[][] predictProbabilities(double[][] features) {
        return predictValues(features);
    }

    /**
     * The predicted class of each row: {@code argmax_k P_ik} for two or more outputs; for a
     * single output unit (Sigmoid, binary cross-entropy) class 1 where {@code p ≥ 0.5}, else 0.
     *
     * @param features {@code X [n × inputs]}, finite; not modified
     * @return a new array of {@code n} class indices
     * @throws IllegalStateException if the last layer is {@link Identity}, a regression output;
     *                               use {@link #predictValues} there
     */
    public int[] predict(double[][] features) {
        checkRegressionOutput();
        double[][] p = predictValues(features);
        int[] classes = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            classes[i] = Validator.classOf(p[i]);
        }
        return classes;
    }

    private void checkRegressionOutput() {
        LinearLayer last = layers.get(layers.size() - 1);
        checkState(!(last.activation() instanceof Identity),
                "predict returns class labels, but the last layer (layer %d %s) is a regression output;"
                        + " use predictValues", layers.size() - 1, last);
    }

    /** The training forward pass through every layer (caching for backward), for tests. */
    double[][] forward(double[][] features) {
        double[][] a = features;
        for (LinearLayer layer : layers) {
            a = layer.forward(a);
        }
        return a;
    }

    private String describe(int layer, double[][] a, int[] at) {
        return Divergence.describe(layers, layer, a, at);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("NeuralNet: ");
        for (int i = 0; i < layers.size(); i++) {
            s.append(i == 0 ? "" : " -> ").append(layers.get(i));
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
