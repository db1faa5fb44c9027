package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A listener that prints one compact line per epoch (or every {@code k} epochs, and always the
 * last), in the manner of Keras' progress line, plus a closing line when training stops early:
 * <pre>
 * epoch  40/2000  loss 0.1183  acc 0.9600  val_loss 0.1032  val_acc 1.0000  lr 1.0e-03  0.3s  ETA 14.1s
 * </pre>
 * The ETA assumes every planned epoch runs; early stopping usually ends sooner. The library prints
 * nothing unless such a listener is added. The text is plain ASCII.
 *
 * <pre>{@code
 * net.fit(x, labels, TrainingConfig.defaults(), new ConsoleProgress(System.out));      // every epoch
 * net.fit(x, labels, TrainingConfig.defaults(), new ConsoleProgress(System.out, 50));  // every 50 epochs
 * }</pre>
 */
public final class ConsoleProgress implements TrainingListener {

    private final PrintStream out;
    private final int every;
    private int plannedEpochs;

    /**
     * Every epoch, to {@code out}.
     *
     * @param out where the lines go, e.g. {@code System.out}; not closed
     */
    public ConsoleProgress(PrintStream out) {
        this(out, 1);
    }

    /**
     * A progress printer to {@code out}.
     *
     * @param out   where the lines go; not closed
     * @param every print every {@code every}-th epoch (and the first and last), &gt; 0
     */
    public ConsoleProgress(PrintStream out, int every) {
        this.out = checkNotNull(out, "out");
        checkArgument(every > 0, "every must be > 0, got %d", every);
        this.every = every;
    }

    @Override
    public void onTrainStart(TrainingPlan plan) {
        plannedEpochs = plan.epochs();
        out.printf(Locale.ROOT, "training on %d rows (%d batches per epoch), validating on %d, at most %d epochs%n",
                plan.trainingRows(), plan.batchesPerEpoch(), plan.validationRows(), plan.epochs());
    }

    @Override
    public void onEpochEnd(EpochMetrics m, TrainingControl control) {
        if (m.epoch() == 1 || m.epoch() % every == 0 || m.epoch() == plannedEpochs) {
            out.println(line(m, plannedEpochs));
        }
    }

    @Override
    public void onTrainEnd(History history) {
        EpochMetrics last = history.last();
        if (last.epoch() % every != 0 && last.epoch() != 1 && last.epoch() != plannedEpochs) {
            out.println(line(last, plannedEpochs));
        }
        history.stopReason().ifPresent(reason -> out.println(reason));
    }

    /**
     * {@return the progress line of one epoch, e.g. for a log of your own}
     *
     * @param m the epoch's metrics
     * @param plannedEpochs the most epochs training will run
     */
    public static String line(EpochMetrics m, int plannedEpochs) {
        int width = String.valueOf(Math.max(plannedEpochs, m.epoch())).length();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %" + width + "d/%d  loss %.4f",
                m.epoch(), plannedEpochs, m.loss()));
        if (!Double.isNaN(m.accuracy())) {
            s.append(String.format(Locale.ROOT, "  acc %.4f", m.accuracy()));
        }
        if (m.hasValidation()) {
            s.append(String.format(Locale.ROOT, "  val_loss %.4f", m.validationLoss()));
            if (!Double.isNaN(m.validationAccuracy())) {
                s.append(String.format(Locale.ROOT, "  val_acc %.4f", m.validationAccuracy()));
            }
        }
        double seconds = m.elapsed().toNanos() / 1e9;
        double eta = seconds / m.epoch() * Math.max(0, plannedEpochs - m.epoch());
        return s.append(String.format(Locale.ROOT, "  lr %.1e  %.1fs  ETA %.1fs", m.learningRate(), seconds, eta)).toString();
    }
}
