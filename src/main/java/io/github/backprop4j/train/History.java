package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fit} returns: the metrics of every epoch trained, in order, and why training
 * stopped early, if it did. Immutable.
 *
 * <pre>{@code
 * History history = net.fit(x, y, config);
 * double last = history.finalLoss();
 * double[] validation = history.validationLosses();
 * history.stopReason().ifPresent(System.out::println);
 * history.toCsv(Path.of("history.csv"));
 * }</pre>
 */
public final class History {

    private final List<EpochMetrics> epochs;
    private final String stopReason;

    /**
     * The history of a training run.
     *
     * @param epochs     the metrics of each epoch, epoch 1 first; none when training stopped (by
     *                   divergence or an interrupt) inside its first epoch
     * @param stopReason why training stopped before its planned epochs, or null if it did not
     */
    public History(List<EpochMetrics> epochs, String stopReason) {
        checkNotNull(epochs, "epochs");
        for (int i = 0; i < epochs.size(); i++) {
            checkArgument(epochs.get(i) != null && epochs.get(i).epoch() == i + 1,
                    "epochs[%d] must be the metrics of epoch %d", i, i + 1);
        }
        this.epochs = List.copyOf(epochs);
        this.stopReason = stopReason;
    }

    /** {@return every epoch's metrics, epoch 1 first (unmodifiable)} */
    public List<EpochMetrics> epochMetrics() {
        return epochs;
    }

    /**
     * {@return the metrics of epoch {@code epoch}, counted from 1}
     *
     * @param epoch the epoch, from 1
     */
    public EpochMetrics epoch(int epoch) {
        checkArgument(epoch >= 1 && epoch <= epochs.size(), "epoch must be in [1, %d], got %d", epochs.size(), epoch);
        return epochs.get(epoch - 1);
    }

    /** {@return the last epoch's metrics} */
    public EpochMetrics last() {
        checkState(!epochs.isEmpty(), "the history has no epoch: training stopped inside its first (%s)", stopReason);
        return epochs.get(epochs.size() - 1);
    }

    /** {@return number of epochs trained} */
    public int epochs() {
        return epochs.size();
    }

    /** {@return the training loss of each epoch; index 0 is epoch 1} */
    public double[] losses() {
        return epochs.stream().mapToDouble(EpochMetrics::loss).toArray();
    }

    /** {@return the training accuracy of each epoch (NaN for regression)} */
    public double[] accuracies() {
        return epochs.stream().mapToDouble(EpochMetrics::accuracy).toArray();
    }

    /** {@return the validation loss of each epoch (NaN without validation data)} */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochMetrics::validationLoss).toArray();
    }

    /** {@return the validation accuracy of each epoch (NaN without validation data, or for regression)} */
    public double[] validationAccuracies() {
        return epochs.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray();
    }

    /** {@return the learning rate of each epoch} */
    public double[] learningRates() {
        return epochs.stream().mapToDouble(EpochMetrics::learningRate).toArray();
    }

    /**
     * {@return the training loss of epoch {@code epoch}, counted from 1}
     *
     * @param epoch the epoch, from 1
     */
    public double loss(int epoch) {
        return epoch(epoch).loss();
    }

    /** {@return the training loss of the last epoch} */
    public double finalLoss() {
        return last().loss();
    }

    /** {@return why training stopped before its planned epochs (early stopping, a listener), if it did} */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * Writes one CSV row per epoch, with a header: {@code epoch, loss, accuracy, validation_loss,
     * validation_accuracy, learning_rate, elapsed_seconds}. A metric that does not exist (NaN) is an
     * empty cell; numbers are written so they read back exactly ({@link Double#toString}).
     *
     * @throws UncheckedIOException if the file cannot be written
     * @param file the file
     */
    public void toCsv(Path file) {
        checkNotNull(file, "file");
        StringBuilder csv = new StringBuilder("epoch,loss,accuracy,validation_loss,validation_accuracy,learning_rate,elapsed_seconds\n");
        for (EpochMetrics m : epochs) {
            csv.append(m.epoch()).append(',').append(cell(m.loss())).append(',').append(cell(m.accuracy())).append(',')
                    .append(cell(m.validationLoss())).append(',').append(cell(m.validationAccuracy())).append(',')
                    .append(cell(m.learningRate())).append(',').append(cell(m.elapsed().toNanos() / 1e9)).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    @Override
    public String toString() {
        EpochMetrics last = last();
        return "History(epochs=" + epochs.size() + ", final loss=" + last.loss()
                + (last.hasValidation() ? ", final validation loss=" + last.validationLoss() : "")
                + (stopReason == null ? "" : ", stopped: " + stopReason) + ")";
    }
}
