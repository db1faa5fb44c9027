package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.internal.Permutations;
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
import java.util.Random;

/**
 * The training loop behind {@link NeuralNet#fit}: for each epoch, the learning rate from the
 * schedule → shuffle(seed) → for each batch: forward → loss → reverse walk through the layers,
 * each {@code backward} handing {@code dW}, {@code db} to the optimizer → divergence check; then
 * validation → listener → early stopping. Returns the {@link History}.
 */
final class Trainer {

    private final NeuralNet net;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Loss loss;
    private final TrainingStep step;
    private final Validator validator;
    private final BatchRows batchRows = new BatchRows();

    /** For a network whose last layer {@code loss} fits (checked by the caller). */
    Trainer(NeuralNet net, TrainingConfig config, TrainingListener listener, Loss loss) {
        this.net = net;
        this.config = config;
        this.listener = listener;
        this.loss = loss;
        this.step = new TrainingStep(net, loss, dropoutMasks(net, config), StepObserver.NONE, config.threads());
        this.validator = new Validator(net, loss);
    }

    private static DropoutMask[] dropoutMasks(NeuralNet net, TrainingConfig config) {
        int layers = net.layers().size();
        DropoutMask[] masks = new DropoutMask[layers];
        for (Map.Entry<Integer, Double> d : config.dropout().entrySet()) {
            int l = d.getKey();
            checkArgument(l < layers - 1, "dropout is set on layer %d, but the network's layers are 0 to %d and the"
                    + " last one's output cannot be dropped", l, layers - 1);
            // one seeded stream per layer, so adding dropout to one layer leaves the others' masks as they were
            masks[l] = new DropoutMask(d.getValue(), new Random(config.seed()).nextLong() + 31L * (l + 1));
        }
        return masks;
    }

    /** Trains on already validated rows; {@code data.labels()} is null for regression. */
    History train(TrainingData data) {
        boolean accuracyWatched = config.earlyStopping().map(e -> e.monitor().name().endsWith("ACCURACY")).orElse(false);
        checkArgument(data.labels() != null || !accuracyWatched,
                "early stopping watches %s, but training on double[][] targets measures no accuracy; watch a loss",
                config.earlyStopping().map(e -> e.monitor()).orElse(null));
        for (LinearLayer layer : net.layers()) {
            // the optimizer state starts here (or continues, if the same kind of optimizer made it)
            layer.weightParameter().state(config.optimizer());
            layer.biasParameter().state(config.optimizer());
        }
        int n = data.x().length;
        Optimizer optimizer = RegularizedOptimizer.around(config.optimizer(), config.weightDecay().lambda(n),
                config.gradientClipNorm());
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        listener.onTrainStart(new TrainingPlan(config.epochs(), n, data.hasValidation() ? data.validationX().length : 0, batches));
        EarlyStopper stopper = config.earlyStopping().map(e -> new EarlyStopper(e, net.layers())).orElse(null);
        int[] order = Permutations.identity(n);
        Random shuffle = new Random(config.seed());
        long start = System.nanoTime();
        List<EpochMetrics> epochs = new ArrayList<>();
        String[] stopReason = new String[1];
        for (int epoch = 1; epoch <= config.epochs() && stopReason[0] == null; epoch++) {
            double rate = learningRate(epoch, epochs);
            if (config.shuffle()) {
                Permutations.shuffle(order, shuffle);
            }
            double[] lossAndCorrect = runEpoch(data, order, epoch, optimizer, rate);
            EpochMetrics metrics = new EpochMetrics(epoch, lossAndCorrect[0] / n,
                    data.labels() == null ? Double.NaN : lossAndCorrect[1] / n,
                    data.hasValidation() ? validator.loss(data.validationX(), data.validationY(), epoch) : Double.NaN,
                    data.hasValidation() && data.validationLabels() != null
                            ? validator.accuracy(data.validationX(), data.validationLabels()) : Double.NaN,
                    rate, Duration.ofNanos(System.nanoTime() - start));
            epochs.add(metrics);
            listener.onEpochEnd(metrics, reason -> stopReason[0] = reason == null ? "stopped by a listener" : reason);
            if (stopper != null && stopReason[0] == null) {
                stopReason[0] = stopper.update(metrics);
            }
        }
        int restored = stopper == null ? 0 : stopper.restore(epochs.size());
        String reason = stopReason[0];
        if (restored > 0) {
            reason = (reason == null ? "" : reason + "; ") + "restored the weights of epoch " + restored;
        }
        History history = new History(epochs, reason);
        listener.onTrainEnd(history);
        return history;
    }

    /** The schedule's rate for {@code epoch}, checked. */
    private double learningRate(int epoch, List<EpochMetrics> finished) {
        double rate = config.schedule().learningRate(epoch, config.optimizer().learningRate(),
                Collections.unmodifiableList(finished));
        checkState(rate > 0 && Double.isFinite(rate),
                "the schedule %s gave learning rate %s for epoch %d; it must be finite and > 0", config.schedule(), rate, epoch);
        return rate;
    }

    /** One pass over the shuffled rows; returns {Σ batch loss · batch rows, rows classified right}. */
    private double[] runEpoch(TrainingData data, int[] order, int epoch, Optimizer optimizer, double rate) {
        double weightedLoss = 0.0;
        int correct = 0;
        int n = data.x().length;
        for (int begin = 0, batch = 1; begin < n; begin += config.batchSize(), batch++) {
            int end = Math.min(begin + config.batchSize(), n);
            BatchRows.Batch b = batchRows.select(data, order, begin, end);
            double batchLoss = step(b.x(), b.y(), b.weights(), epoch, batch, rate);
            if (data.labels() != null) {
                correct += Validator.countCorrect(step.predicted(), data.labels(), order, begin);
            }
            step.backward(optimizer, rate);
            checkParameters(epoch, batch);
            weightedLoss += batchLoss * (end - begin);
            listener.onBatchEnd(epoch, batch, batchLoss);
        }
        return new double[] {weightedLoss, correct};
    }

    /** The forward half of one step on one batch; returns the batch's mean loss, checked finite. */
    private double step(double[][] x, double[][] y, double[] rowWeights, int epoch, int batch, double rate) {
        double value = step.forward(x, y, rowWeights);
        if (!Double.isFinite(value)) {
            int layer = net.firstNonFiniteOutput();
            throw new TrainingDivergedException(epoch, batch, layer < 0 ? net.layers().size() - 1 : layer,
                    "the loss is " + value + (layer < 0 ? "" : " (" + net.describeNonFiniteOutput(layer) + ")"));
        }
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
        int[] at = Matrices.firstNonFinite(parameter.values());
        return at == null ? null : name + "[" + at[0] + "][" + at[1] + "] is " + parameter.values()[at[0]][at[1]];
    }
}
