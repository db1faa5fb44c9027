package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.internal.training.BufferedUpdate;
import io.github.backprop4j.internal.training.Divergence;
import io.github.backprop4j.internal.training.TrainingLoop;
import io.github.backprop4j.internal.training.TrainingRun;
import io.github.backprop4j.internal.training.TrainingStep;
import io.github.backprop4j.internal.training.Validator;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.Task;
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
 * {@code double[][]} targets for regression.
 *
 * <p>Threads: one thread at a time may change a network. {@code fit}, {@code resume},
 * {@code gradients}, {@code applyGradients} and {@code resetOptimizerState} from a second thread
 * while one runs are refused at once with a {@link java.util.ConcurrentModificationException},
 * before anything changes (a layer shared by two networks is guarded as well). {@link #predict},
 * {@link #predictProbabilities} and {@link #predictValues} change nothing and may run on any
 * number of threads, also while one thread trains: each training step writes its update into a
 * second buffer and publishes it whole, and a prediction sees the network as it was between two
 * steps, never half of one (it reads without locking and tries again if a step was published
 * meanwhile; after a few tries it takes the layers' read locks, and training waits for it).
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
    private Task task;                       // recorded by training or a model; null: guessed from the last activation
    // per thread, for each layer, [1 × outputs] buffers for Z and A: single-row prediction allocates only its result
    private final ThreadLocal<RowScratch> rowScratch = ThreadLocal.withInitial(this::newRowScratch);

    /** Optimistic reads a prediction makes before it takes the read locks (training then waits for it). */
    private static final int OPTIMISTIC_TRIES = 3;

    /** One thread's buffers for single-row prediction: per layer [Z, A], and a lock stamp per layer. */
    private record RowScratch(double[][][][] buffers, long[] stamps) {
    }

    /**
     * A network of {@code layers}, first to last.
     *
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
        Checked c = checked(features, labels, null, config, listener);
        return writing("fit", () -> train(TrainingRun.start(config, features, c.targets()), config, listener, c.loss(),
                features, c.targets(), labels));
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
        Checked c = checked(features, labels, null, config, listener);
        return writing("resume", () -> train(runToResume(config, features, c.targets()), config, listener, c.loss(),
                features, c.targets(), labels));
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
        Loss loss = checked(features, null, targets, config, listener).loss();
        return writing("resume", () -> train(runToResume(config, features, targets), config, listener, loss,
                features, targets, null));
    }

    /** The checked inputs of a fit or a resume: the loss, and the targets (the labels' targets when given labels). */
    private record Checked(Loss loss, double[][] targets) {
    }

    /** Checks a fit's or a resume's inputs: class labels when {@code targets} is null, else target values. */
    private Checked checked(double[][] features, int[] labels, double[][] targets, TrainingConfig config,
            TrainingListener listener) {
        FitInputs.checkFeatures(this, features);
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        Loss loss = lossFor(config);
        if (targets == null) {
            return new Checked(loss, FitInputs.targetsForLabels(this, labels, features.length, loss));
        }
        FitInputs.checkTargets(this, targets, features.length, loss);
        return new Checked(loss, targets);
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
        TrainingLoop loop = TrainingLoop.prepare(layers, started, config, listener, loss, features, targets, labels);
        // everything is checked: from here on the network changes
        this.run = started;
        this.task = taskOf(config, loss, labels != null);
        return loop.train();
    }

    /**
     * Runs {@code body} holding every layer's writer guard, taken in layer order: a second thread
     * that trains or changes any of these layers meanwhile is refused at once, before it changes
     * anything, and so is this call if another thread holds one of them.
     */
    <T> T writing(String operation, java.util.function.Supplier<T> body) {
        int taken = 0;
        try {
            for (LinearLayer layer : layers) {
                layer.guard().acquire("layer " + taken + " " + layer, operation);
                taken++;
            }
            return body.get();
        } finally {
            for (int l = taken - 1; l >= 0; l--) {
                layers.get(l).guard().release();
            }
        }
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
        Loss loss = checked(features, null, targets, config, listener).loss();
        return writing("fit", () -> train(TrainingRun.start(config, features, targets), config, listener, loss,
                features, targets, null));
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
        return writing("gradients", () -> computeGradients(features, targets, loss));
    }

    private Gradients computeGradients(double[][] features, double[][] targets, Loss loss) {
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
            int[] at = Matrices.firstNonFinite(gradients.view(p));
            checkArgument(at == null, "applyGradients: the gradient of layer %d %s entry [%d][%d] is %s; every entry must"
                    + " be finite, so nothing was applied", p / 2, p % 2 == 0 ? "dW" : "db", at == null ? 0 : at[0],
                    at == null ? 0 : at[1], at == null ? 0 : gradients.view(p)[at[0]][at[1]]);
        }
        writing("applyGradients", () -> {
            OptimizerState[] before = new OptimizerState[parameters.size()];
            for (int p = 0; p < before.length; p++) {
                before[p] = parameters.get(p).state();
                parameters.get(p).state(optimizer);        // made (or kept) before the buffered update begins
            }
            BufferedUpdate.begin(parameters, optimizer);
            try {
                for (int p = 0; p < parameters.size(); p++) {
                    optimizer.update(parameters.get(p), gradients.view(p));
                }
            } catch (RuntimeException e) {
                BufferedUpdate.discard(parameters);
                throw e;
            }
            String[] detail = new String[1];
            int bad = BufferedUpdate.firstNonFinite(parameters, detail, 1);
            if (bad >= 0) {
                BufferedUpdate.discard(parameters);
                for (int p = 0; p < before.length; p++) {
                    // a refused call leaves even the state it made behind it as it was
                    io.github.backprop4j.internal.ParameterAccess.get().restoreState(parameters.get(p), before[p]);
                }
                throw new ArithmeticException(String.format("applyGradients: the update would make layer %d %s %s%s;"
                        + " nothing was changed (try a lower learning rate)", bad / 2, layers.get(bad / 2),
                        bad % 2 == 0 ? "W" : "b", detail[0]));
            }
            BufferedUpdate.publish(layers, parameters);
            return null;
        });
    }

    private Loss lossFor(TrainingConfig config) {
        LinearLayer last = layers.get(layers.size() - 1);
        return config.loss().orElseGet(() -> Loss.forOutput(last.activation(), last.outputs()));
    }

    /** Forgets every layer's optimizer state, so the next {@code fit} starts with fresh moments and step counts. */
    public void resetOptimizerState() {
        writing("resetOptimizerState", () -> {
            for (Parameter p : parameters) {
                p.resetState();
            }
            return null;
        });
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
        long[] stamps = new long[layers.size()];
        for (int attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
            if (!stampAll(stamps)) {
                Thread.onSpinWait();
                continue;
            }
            double[][] a;
            try {
                a = forwardChecked(features, threads);
            } catch (ArithmeticException e) {
                if (validAll(stamps)) {
                    throw e;
                }
                continue;   // the parameters changed under the computation: what it saw is not a state to report
            }
            if (validAll(stamps)) {
                return a;
            }
        }
        int taken = 0;
        try {
            for (; taken < layers.size(); taken++) {
                stamps[taken] = layers.get(taken).lock().readLock();
            }
            return forwardChecked(features, threads);
        } finally {
            unlockRead(stamps, taken);
        }
    }

    /**
     * Inference through every layer, checking each layer's pre-activation {@code Z} (a NaN or an
     * infinite weight always shows there, even where ReLU would hide it in {@code A}) and output.
     */
    private double[][] forwardChecked(double[][] features, int threads) {
        double[][] a = features;
        for (int l = 0; l < layers.size(); l++) {
            LinearLayer layer = layers.get(l);
            double[][] z = layer.predictPreActivation(a, threads);
            checkFinite(l, "pre-activation Z", z);
            a = layer.activation().forward(z);
            checkFinite(l, "output", a);
        }
        return a;
    }

    private void checkFinite(int l, String what, double[][] m) {
        int[] at = Matrices.firstNonFinite(m);
        if (at != null) {
            throw new ArithmeticException(String.format("layer %d %s %s row %d, column %d is %s; the inputs or weights"
                    + " are too large for double (or not finite), so no prediction is made (scale the features, e.g."
                    + " StandardScaler)", l, layers.get(l), what, at[0], at[1], m[at[0]][at[1]]));
        }
    }

    /** {@link #checkFinite} for one row, allocating nothing: the single-row path's check. */
    private void checkFiniteRow(int l, String what, double[] row) {
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                checkFinite(l, what, new double[][] {row});
            }
        }
    }

    /** Optimistic read stamps of every layer's lock; false if a step is being published now. */
    private boolean stampAll(long[] stamps) {
        for (int l = 0; l < stamps.length; l++) {
            stamps[l] = layers.get(l).lock().tryOptimisticRead();
            if (stamps[l] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether no step was published since {@link #stampAll}: then the computation saw one state of every layer. */
    private boolean validAll(long[] stamps) {
        boolean valid = true;
        for (int l = 0; l < stamps.length; l++) {
            valid &= layers.get(l).lock().validate(stamps[l]);
        }
        return valid;
    }

    private void unlockRead(long[] stamps, int taken) {
        for (int l = taken - 1; l >= 0; l--) {
            layers.get(l).lock().unlockRead(stamps[l]);
        }
    }

    /**
     * The last layer's output for one row, allocating nothing but the result (each thread keeps
     * small buffers of its own). Safe to call from many threads at once, also while one thread
     * trains: it then sees the network between two steps.
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
        RowScratch scratch = rowScratch.get();
        long[] stamps = scratch.stamps;
        try {
            for (int attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
                if (!stampAll(stamps)) {
                    Thread.onSpinWait();
                    continue;
                }
                double[] a;
                try {
                    a = forwardRow(row, scratch.buffers);
                } catch (ArithmeticException e) {
                    if (validAll(stamps)) {
                        throw e;
                    }
                    continue;
                }
                if (validAll(stamps)) {
                    return a.clone();
                }
            }
            int taken = 0;
            try {
                for (; taken < layers.size(); taken++) {
                    stamps[taken] = layers.get(taken).lock().readLock();
                }
                return forwardRow(row, scratch.buffers).clone();
            } finally {
                unlockRead(stamps, taken);
            }
        } finally {
            // drop the reference to the caller's row, so the thread's scratch never keeps it
            scratch.buffers[layers.size()][0][0] = null;
        }
    }

    /** One row through every layer into the thread's buffers, checking each {@code Z} and {@code A}. */
    private double[] forwardRow(double[] row, double[][][][] buffers) {
        double[][] x = buffers[layers.size()][0];
        x[0] = row;
        double[] a = row;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).predictRow(x, buffers[l][0], buffers[l][1]);
            checkFiniteRow(l, "pre-activation Z", buffers[l][0][0]);
            x = buffers[l][1];
            a = x[0];
            checkFiniteRow(l, "output", a);
        }
        return a;
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

    private RowScratch newRowScratch() {
        return new RowScratch(newRowBuffers(), new long[layers.size()]);
    }

    private double[][][][] newRowBuffers() {
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
        if (task != null) {
            checkState(task == Task.CLASSIFICATION, "predict returns class labels, but this network was trained for"
                    + " regression (its last layer is layer %d %s); use predictValues", layers.size() - 1, last);
            return;
        }
        // never trained here: guess from the last activation
        checkState(!(last.activation() instanceof Identity),
                "predict returns class labels, but the last layer (layer %d %s) is a regression output;"
                        + " use predictValues", layers.size() - 1, last);
    }

    /**
     * Classification or regression, as training recorded it (from the loss, or as the
     * configuration gave it), or as the model it was loaded in says; empty for a network never
     * trained, whose {@code predict} then guesses from the last activation.
     *
     * @return the task, when known
     */
    public java.util.Optional<Task> task() {
        return java.util.Optional.ofNullable(task);
    }

    /** Records the task, e.g. from a model file; refuses one that contradicts what training recorded. */
    void setTask(Task known) {
        checkArgument(task == null || task == known, "the network was trained for %s, not %s", task, known);
        this.task = known;
    }

    /** The task a fit records: the configuration's, else the loss's, else labels classify and targets regress. */
    private static Task taskOf(TrainingConfig config, Loss loss, boolean labels) {
        if (config.task().isPresent()) {
            return config.task().get();
        }
        if (loss instanceof io.github.backprop4j.loss.LogitLoss) {
            return Task.CLASSIFICATION;
        }
        if (loss instanceof io.github.backprop4j.loss.MeanSquaredError) {
            return Task.REGRESSION;
        }
        return labels ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** The training forward pass through every layer (caching for backward), for tests. */
    double[][] forward(double[][] features) {
        double[][] a = features;
        for (LinearLayer layer : layers) {
            a = layer.forward(a);
        }
        return a;
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
