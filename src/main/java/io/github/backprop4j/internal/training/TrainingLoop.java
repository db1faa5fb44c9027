package io.github.backprop4j.internal.training;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.TrainingDivergedException;
import io.github.backprop4j.TrainingInterruptedException;
import io.github.backprop4j.internal.Permutations;
import io.github.backprop4j.internal.Xoroshiro128PlusPlus;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The training loop: runs a {@link TrainingRun} over the layers from where it stands to the
 * configuration's epoch total. Each epoch shuffles the row order (from the run's generator),
 * then for each batch runs a {@link TrainingStep} (forward, loss, the reverse walk in which each
 * layer's backward updates its {@code W} and {@code b}), checks that the loss and every parameter
 * are finite, and tells the listener. At each epoch's end it validates, records the metrics, and
 * hands them to its loop listeners (early stopping, best weights) and then the user's listener.
 *
 * <p>It trains a list of layers through their parameters and the layer walk, and knows nothing of
 * the network or model that holds them.
 */
public final class TrainingLoop {

    private final List<LinearLayer> layers;
    private final List<Parameter> parameters;
    private final TrainingRun run;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final TrainingData data;
    private final TrainingStep step;
    private final Validator validator;
    private final List<LoopListener> loopListeners = new ArrayList<>();
    private final BatchRows batchRows = new BatchRows();
    private double lastBatchLoss;
    private final double constantLoss;          // L_const of the divergence check

    private TrainingLoop(List<LinearLayer> layers, TrainingRun run, TrainingConfig config, TrainingListener listener,
            Loss loss, TrainingData data) {
        this.layers = layers;
        this.parameters = parametersOf(layers);
        this.run = run;
        this.config = config;
        this.listener = listener;
        this.data = data;
        this.step = new TrainingStep(layers, loss, dropoutMasks(layers.size(), config, run), StepObserver.NONE,
                config.threads());
        this.validator = new Validator(layers, loss);
        this.constantLoss = Double.isInfinite(config.divergenceFactor()) ? 0 : constantLoss(loss, data.y());
        config.earlyStopping().ifPresent(e -> {
            loopListeners.add(new EarlyStopper(e, run));
            if (e.restoreBestWeights()) {
                loopListeners.add(new BestWeights(layers, parameters, run));
            }
        });
    }

    /**
     * Checks everything about a run before it touches the layers, and prepares it; {@link #train}
     * then runs it to the configuration's epoch total (or until it stops).
     *
     * @param layers   the network's layers, first to last
     * @param run      a new run, or one to continue (checked against the configuration by the caller)
     * @param config   the configuration
     * @param listener the user's listener
     * @param loss     the loss
     * @param x        the rows given to fit
     * @param y        their targets
     * @param labels   their class labels, or null for regression targets
     * @return the loop, ready to train
     * @throws IllegalArgumentException naming what is wrong; nothing has changed
     */
    public static TrainingLoop prepare(List<LinearLayer> layers, TrainingRun run, TrainingConfig config,
            TrainingListener listener, Loss loss, double[][] x, double[][] y, int[] labels) {
        int outputs = layers.get(layers.size() - 1).outputs();
        TrainingData data = TrainingData.prepare(x, y, labels, config, loss, outputs);
        boolean accuracyWatched = config.earlyStopping().map(e -> e.monitor().name().endsWith("ACCURACY")).orElse(false);
        checkArgument(data.labels() != null || !accuracyWatched,
                "early stopping watches %s, but training on double[][] targets measures no accuracy; watch a loss",
                config.earlyStopping().map(e -> e.monitor()).orElse(null));
        checkMemory(layers, config);
        return new TrainingLoop(layers, run, config, listener, loss, data);
    }

    /**
     * Refuses, before anything is allocated, a layer whose training arrays would not fit in the
     * heap: {@code W} and its back buffer, {@code dW}, and each optimizer buffer and its back buffer.
     */
    private static void checkMemory(List<LinearLayer> layers, TrainingConfig config) {
        int buffers = config.optimizer().newState(1, 1).names().size();
        long heap = Runtime.getRuntime().maxMemory();
        for (int l = 0; l < layers.size(); l++) {
            LinearLayer layer = layers.get(l);
            long bytes = 8L * layer.inputs() * layer.outputs() * (3 + 2L * buffers);
            checkArgument(bytes <= heap, "layer %d %s needs %d bytes to train with %s (W and its update buffer, dW,"
                    + " and %d optimizer buffers twice), more than the %d bytes of the heap (-Xmx)", l, layer, bytes,
                    config.optimizer(), buffers, heap);
        }
    }

    /** {@return the parameters of {@code layers} in the network's order: layer 0 W, layer 0 b, layer 1 W, ...} */
    public static List<Parameter> parametersOf(List<LinearLayer> layers) {
        List<Parameter> all = new ArrayList<>(2 * layers.size());
        for (LinearLayer layer : layers) {
            all.addAll(layer.parameters());
        }
        return Collections.unmodifiableList(all);
    }

    private static DropoutMask[] dropoutMasks(int layers, TrainingConfig config, TrainingRun run) {
        DropoutMask[] masks = new DropoutMask[layers];
        for (Map.Entry<Integer, Double> d : config.dropout().entrySet()) {
            int l = d.getKey();
            checkArgument(l < layers - 1, "dropout is set on layer %d, but the network's layers are 0 to %d and the"
                    + " last one's output cannot be dropped", l, layers - 1);
            masks[l] = new DropoutMask(d.getValue(), run.dropout.get(l));
        }
        return masks;
    }

    /**
     * Runs the run to the configuration's epoch total, or until it stops.
     *
     * @return the history of every epoch of the run
     * @throws TrainingDivergedException    with the history so far, the network in its last finite state
     * @throws TrainingInterruptedException with the history so far, the network after the last step
     */
    public History train() {
        try {
            return trainEpochs();
        } catch (TrainingDivergedException e) {
            throw new TrainingDivergedException(e, new History(run.epochs, "diverged: " + e.getMessage()));
        }
    }

    private History trainEpochs() {
        for (Parameter p : parameters) {
            // the optimizer state starts here (or continues, if the same kind of optimizer made it)
            p.state(config.optimizer());
        }
        int n = data.x().length;
        Optimizer optimizer = Regularization.around(config.optimizer(), config.weightDecay().lambda(n),
                config.gradientClipNorm());
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        listener.onTrainStart(new TrainingPlan(config.epochs(), n, data.hasValidation() ? data.validationX().length : 0, batches));
        BestWeights.continueFrom(layers, parameters, run);
        long start = System.nanoTime() - run.elapsedNanos;
        int[] order = new int[n];
        while (run.epochsDone < config.epochs() && run.stopReason == null) {
            int epoch = run.epochsDone + 1;
            double rate = learningRate(epoch);
            epochOrder(order);
            for (int batch = run.batchesDone + 1; batch <= batches; batch++) {
                checkInterrupt(epoch, batch);
                int begin = (batch - 1) * config.batchSize();
                runBatch(order, begin, Math.min(begin + config.batchSize(), n), epoch, batch, optimizer, rate);
                run.elapsedNanos = System.nanoTime() - start;
                listener.onBatchEnd(epoch, batch, lastBatchLoss);
            }
            endEpoch(epoch, rate, start);
        }
        String reason = run.stopReason;
        for (LoopListener l : loopListeners) {
            String note = l.onTrainEnd();
            if (note != null) {
                reason = (reason == null ? "" : reason + "; ") + note;
            }
        }
        History history = new History(run.epochs, reason);
        listener.onTrainEnd(history);
        return history;
    }

    /** Stops between batches when the thread is interrupted; the flag stays set for the caller. */
    private void checkInterrupt(int epoch, int batch) {
        if (Thread.currentThread().isInterrupted()) {
            String where = "interrupted before epoch " + epoch + ", batch " + batch;
            throw new TrainingInterruptedException("training " + where + "; the network holds the state after the"
                    + " last completed step, and the thread's interrupt flag is still set", new History(run.epochs, where));
        }
    }

    /** This epoch's row order: the identity, shuffled by the run's generator from its state at the epoch's start. */
    private void epochOrder(int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!config.shuffle()) {
            return;
        }
        if (run.batchesDone == 0) {
            run.shuffleAtEpochStart = run.shuffle.state();
            Permutations.shuffle(order, run.shuffle);
        } else {
            // resumed inside the epoch: the same order again, from the state the epoch started with
            Permutations.shuffle(order, Xoroshiro128PlusPlus.restored(run.shuffleAtEpochStart));
        }
    }

    private double learningRate(int epoch) {
        double rate = config.schedule().learningRate(epoch, config.optimizer().learningRate(),
                Collections.unmodifiableList(run.epochs));
        checkState(rate > 0 && Double.isFinite(rate),
                "the schedule %s gave learning rate %s for epoch %d; it must be finite and > 0", config.schedule(), rate, epoch);
        return rate;
    }

    private void runBatch(int[] order, int begin, int end, int epoch, int batch, Optimizer optimizer, double rate) {
        BatchRows.Batch b = batchRows.select(data, order, begin, end);
        double batchLoss = step.forward(b.x(), b.y(), b.weights());
        if (!Double.isFinite(batchLoss)) {
            int layer = Divergence.firstNonFiniteOutput(layers);
            throw new TrainingDivergedException(epoch, batch, layer < 0 ? layers.size() - 1 : layer,
                    "the loss is " + batchLoss + (layer < 0 ? "" : " (" + Divergence.describeOutput(layers, layer) + ")"));
        }
        int correct = data.labels() == null ? 0 : Validator.countCorrect(step.predicted(), data.labels(), order, begin);
        // the update goes to each parameter's back buffer; published together only when all of it is finite
        BufferedUpdate.begin(parameters, config.optimizer());
        try {
            step.backward(optimizer, rate);
        } catch (RuntimeException | Error e) {
            BufferedUpdate.discard(parameters);
            throw e;
        }
        checkAndPublish(epoch, batch);
        // the run's position moves only once the step is published
        run.epochCorrect += correct;
        run.epochLoss += batchLoss * (end - begin);
        if (Double.isNaN(run.initialLoss)) {
            run.initialLoss = batchLoss;          // the loss at initialisation: the first batch's, before its update
        }
        run.batchesDone = batch;
        lastBatchLoss = batchLoss;
    }

    private void endEpoch(int epoch, double rate, long start) {
        int n = data.x().length;
        EpochMetrics metrics = new EpochMetrics(epoch, run.epochLoss / n,
                data.labels() == null ? Double.NaN : run.epochCorrect / (double) n,
                data.hasValidation() ? validator.loss(data.validationX(), data.validationY(), epoch) : Double.NaN,
                data.hasValidation() && data.validationLabels() != null
                        ? validator.accuracy(data.validationX(), data.validationLabels()) : Double.NaN,
                rate, Duration.ofNanos(System.nanoTime() - start));
        checkRunaway(epoch, metrics.loss());
        run.epochs.add(metrics);
        run.epochsDone = epoch;
        run.batchesDone = 0;
        run.epochLoss = 0;
        run.epochCorrect = 0;
        run.elapsedNanos = metrics.elapsed().toNanos();
        for (LoopListener l : loopListeners) {
            String reason = l.onEpochEnd(metrics);
            if (reason != null && run.stopReason == null) {
                run.stopReason = reason;
            }
        }
        listener.onEpochEnd(metrics, reason -> {
            if (run.stopReason == null) {
                run.stopReason = reason == null ? "stopped by a listener" : reason;
            }
        });
    }

    /**
     * The divergence check: an epoch's training loss above {@code factor × max(L₀, L_const)}, where
     * {@code L₀} is the run's first batch loss and {@code L_const} the loss of predicting every row
     * with the mean target, means the loss ran away from where training started.
     */
    private void checkRunaway(int epoch, double loss) {
        double reference = Math.max(Double.isNaN(run.initialLoss) ? 0 : run.initialLoss, constantLoss);
        if (loss > config.divergenceFactor() * reference) {
            throw new TrainingDivergedException(epoch, run.batchesDone == 0 ? 1 : run.batchesDone, layers.size() - 1,
                    String.format(java.util.Locale.ROOT, "the training loss of epoch %d is %.6g, more than %s times the"
                            + " reference %.6g (the larger of the loss at initialisation, %.6g, and of predicting the"
                            + " mean target, %.6g), so the loss ran away; turn the check off with"
                            + " TrainingConfig.builder().noDivergenceCheck()", epoch, loss, config.divergenceFactor(),
                            reference, run.initialLoss, constantLoss));
        }
    }

    /** {@code L_const}: the loss of predicting every training row with the mean target row. */
    private static double constantLoss(Loss loss, double[][] y) {
        double[] mean = new double[y[0].length];
        for (double[] row : y) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / y.length;
            }
        }
        double[][] constant = new double[y.length][];
        java.util.Arrays.fill(constant, mean);
        try {
            double value = loss.value(constant, y);
            return Double.isFinite(value) ? value : 0;
        } catch (RuntimeException e) {
            return 0;   // a loss of the user's that refuses such rows: the reference is then L₀ alone
        }
    }

    /** Publishes the step, or drops it and stops when it left a non-finite number anywhere. */
    private void checkAndPublish(int epoch, int batch) {
        String[] detail = new String[1];
        int p = BufferedUpdate.firstNonFinite(parameters, detail, step.threads());
        if (p < 0) {
            BufferedUpdate.publish(layers, parameters);
            return;
        }
        BufferedUpdate.discard(parameters);
        String name = (p % 2 == 0 ? "weights W" : "bias b") + detail[0].replaceFirst("^optimizer state", "'s optimizer state");
        throw new TrainingDivergedException(epoch, batch, p / 2, layers.get(p / 2) + " " + name + " after the update;"
                + " the step was not applied, so the network holds its weights and optimizer state from before it");
    }
}
