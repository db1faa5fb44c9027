package io.github.backprop4j.internal.training;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.internal.Xoroshiro128PlusPlus;
import io.github.backprop4j.io.ModelData;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.train.EpochMetrics;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One training run and where it stands: everything that decides its next step. It is what
 * {@code fit} starts, what a checkpoint saves and what resuming continues, so an interrupted run
 * that is resumed ends bit for bit where the uninterrupted one would.
 *
 * <p>It holds the configuration it was started with (as a setting-by-setting description) and the
 * identity of its data (row count and hash), the position (epochs done, batches done in the next
 * epoch and that epoch's sums so far), the shuffle generator and each dropout generator, the
 * early-stopping state, the best parameters, and the metrics of every epoch so far. The learning
 * rate schedule is a function of the epoch and the metrics so far, so its position is these. The
 * optimizer state lives on the parameters and is saved with them.
 */
public final class TrainingRun {

    /** Setting names in the order they are checked on resume. */
    private static final String[] SETTINGS = {"optimizer", "loss", "batchSize", "schedule", "seed", "shuffle",
        "validation", "earlyStopping", "weightDecay", "gradientClipNorm", "classWeights", "dropout"};

    final Map<String, String> settings;
    final Optimizer optimizer;
    final int rows;
    final long dataHash;
    int epochsDone;
    int batchesDone;                       // in epoch epochsDone + 1
    double epochLoss;                      // Σ batch loss · batch rows, this epoch so far
    long epochCorrect;
    long elapsedNanos;
    long[] shuffleAtEpochStart;
    final Xoroshiro128PlusPlus shuffle;
    final Map<Integer, Xoroshiro128PlusPlus> dropout;
    double initialLoss = Double.NaN;       // the run's first batch loss, at initialisation
    double best = Double.NaN;
    int bestEpoch;
    int waited;
    double[][][] bestParameters;           // per parameter, or null
    double[][][] continueFrom;             // per parameter, or null
    final List<EpochMetrics> epochs;
    String stopReason;

    private TrainingRun(Map<String, String> settings, Optimizer optimizer, int rows, long dataHash, Xoroshiro128PlusPlus shuffle,
            Map<Integer, Xoroshiro128PlusPlus> dropout, List<EpochMetrics> epochs) {
        this.settings = settings;
        this.optimizer = optimizer;
        this.rows = rows;
        this.dataHash = dataHash;
        this.shuffle = shuffle;
        this.shuffleAtEpochStart = shuffle.state();
        this.dropout = dropout;
        this.epochs = epochs;
    }

    /**
     * A new run at epoch 0, its generators seeded from the configuration's seed.
     *
     * @param config   the configuration
     * @param features the rows given to fit, for the data's identity
     * @param targets  their targets
     * @return the run
     */
    public static TrainingRun start(TrainingConfig config, double[][] features, double[][] targets) {
        Map<Integer, Xoroshiro128PlusPlus> dropout = new TreeMap<>();
        for (int layer : config.dropout().keySet()) {
            // one stream per layer, so adding dropout to one layer leaves the others' masks as they were
            dropout.put(layer, Xoroshiro128PlusPlus.seeded(config.seed() ^ 0x632BE59BD9B4E019L * (layer + 1)));
        }
        return new TrainingRun(settingsOf(config), config.optimizer(), features.length, hash(features, targets, config.threads()),
                Xoroshiro128PlusPlus.seeded(config.seed()), dropout, new ArrayList<>());
    }

    /** {@return the optimizer the run trains with} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return the number of completed epochs} */
    public int epochsDone() {
        return epochsDone;
    }

    /**
     * Refuses to continue with another configuration or on other data, naming what differs. Only
     * the epoch total may change, and only to at least the epochs done; the thread count and the
     * divergence check may change, since neither changes the numbers.
     *
     * @param config   the configuration to continue with
     * @param features the rows to continue on
     * @param targets  their targets
     * @throws IllegalArgumentException naming the setting or the data that differs
     */
    public void checkContinues(TrainingConfig config, double[][] features, double[][] targets) {
        Map<String, String> now = settingsOf(config);
        for (String name : SETTINGS) {
            String then = settings.get(name);
            checkArgument(now.get(name).equals(then), "cannot resume the training run: its setting %s was %s when it"
                    + " started but is %s now; only the epoch total may change", name, then, now.get(name));
        }
        checkArgument(config.epochs() >= epochsDone, "cannot resume the training run: it has done %d epochs, more"
                + " than the epoch total %d; the total may only grow", epochsDone, config.epochs());
        checkArgument(features.length == rows, "cannot resume the training run: it started on %d rows, these are %d;"
                + " resume on the same training rows", rows, features.length);
        long h = hash(features, targets, config.threads());
        checkArgument(h == dataHash, "cannot resume the training run: these %d rows differ from the ones it started on"
                + " (hash %016x, expected %016x); resume on the same training rows in the same order", rows, h, dataHash);
    }

    /** The configuration as the run compares it: each setting's description, without epochs and threads. */
    public static Map<String, String> settingsOf(TrainingConfig c) {
        Map<String, String> s = new TreeMap<>();
        s.put("optimizer", describe(c.optimizer()));
        s.put("loss", c.loss().map(TrainingRun::describe).orElse("(the default for the last activation)"));
        s.put("batchSize", String.valueOf(c.batchSize()));
        s.put("schedule", describe(c.schedule()));
        s.put("seed", String.valueOf(c.seed()));
        s.put("shuffle", String.valueOf(c.shuffle()));
        s.put("validation", c.validation().map(TrainingRun::describeValidation).orElse("none"));
        s.put("earlyStopping", c.earlyStopping().map(TrainingRun::describe).orElse("none"));
        s.put("weightDecay", describe(c.weightDecay()));
        s.put("gradientClipNorm", String.valueOf(c.gradientClipNorm()));
        s.put("classWeights", c.classWeights().map(TrainingRun::describe).orElse("none"));
        s.put("dropout", c.dropout().toString());
        return s;
    }

    /** A record's or a built-in part's text; a user's class by its name only, since its text may hold an identity hash. */
    private static String describe(Object part) {
        Class<?> type = part.getClass();
        boolean ours = type.isRecord() || type.getName().startsWith("io.github.backprop4j.");
        return ours && declaresToString(type) ? part.toString() : type.getName();
    }

    /** Whether {@code type} has a toString of its own, not Object's (which shows an identity hash). */
    private static boolean declaresToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String describeValidation(Validation v) {
        if (v.isFraction()) {
            return v.toString();
        }
        double[][] y = v.targets();
        if (y == null) {
            int[] labels = v.labels();
            y = new double[labels.length][1];
            for (int i = 0; i < labels.length; i++) {
                y[i][0] = labels[i];
            }
        }
        return v + String.format(" hash %016x", hash(v.features(), y, 1));
    }

    /**
     * A 64-bit hash of the rows: within a row, four interleaved multiply-xor lanes over every
     * value's bits (four, so the multiplications do not wait on each other: hashing 20,000 rows of
     * 784 values costs a few milliseconds); each row's lanes then mixed into the total through
     * SplitMix64, with the row's length, in row order.
     */
    static long hash(double[][] features, double[][] targets, int threads) {
        long h = 0x9E3779B97F4A7C15L * (features.length + 1);
        for (double[][] m : new double[][][] {features, targets}) {
            // the rows' hashes, shared among threads (each row's on one thread), then combined in order
            long[] rowHashes = new long[m.length];
            io.github.backprop4j.internal.Parallel.forRows(m.length, threads, m.length == 0 ? 0 : (long) m.length * m[0].length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    rowHashes[i] = rowHash(m[i]);
                }
            });
            for (long r : rowHashes) {
                h = Xoroshiro128PlusPlus.splitMix64(h ^ r);
            }
        }
        return h;
    }

    private static long rowHash(double[] row) {
        final long k = 0xFF51AFD7ED558CCDL;
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;
        long c = 0xA4093822299F31D0L;
        long d = 0x082EFA98EC4E6C89L;
        int j = 0;
        for (; j + 3 < row.length; j += 4) {
            // lane ← (lane ⊕ bits(v)) · K
            a = (a ^ Double.doubleToLongBits(row[j])) * k;
            b = (b ^ Double.doubleToLongBits(row[j + 1])) * k;
            c = (c ^ Double.doubleToLongBits(row[j + 2])) * k;
            d = (d ^ Double.doubleToLongBits(row[j + 3])) * k;
        }
        for (; j < row.length; j++) {
            a = (a ^ Double.doubleToLongBits(row[j])) * k;
        }
        long r = Xoroshiro128PlusPlus.splitMix64(row.length ^ a);
        r = Xoroshiro128PlusPlus.splitMix64(r ^ b);
        r = Xoroshiro128PlusPlus.splitMix64(r ^ c);
        return Xoroshiro128PlusPlus.splitMix64(r ^ d);
    }

    /** {@return the run as plain data, for a checkpoint} */
    public ModelData.Run toData() {
        Map<Integer, long[]> dropoutStates = new TreeMap<>();
        dropout.forEach((layer, generator) -> dropoutStates.put(layer, generator.state()));
        return new ModelData.Run(settings, rows, dataHash, epochsDone, batchesDone, epochLoss, epochCorrect, elapsedNanos,
                shuffleAtEpochStart.clone(), shuffle.state(), dropoutStates, initialLoss, best, bestEpoch, waited,
                copies(bestParameters),
                copies(continueFrom), epochs, stopReason);
    }

    /**
     * The run a checkpoint saved.
     *
     * @param data      what the file held
     * @param optimizer the checkpoint's optimizer
     * @return the run, ready to resume
     */
    public static TrainingRun fromData(ModelData.Run data, Optimizer optimizer) {
        Map<Integer, Xoroshiro128PlusPlus> dropout = new TreeMap<>();
        data.dropout().forEach((layer, state) -> dropout.put(layer, Xoroshiro128PlusPlus.restored(state)));
        TrainingRun run = new TrainingRun(new TreeMap<>(data.settings()), optimizer, data.rows(), data.dataHash(),
                Xoroshiro128PlusPlus.restored(data.shuffle()), dropout, new ArrayList<>(data.epochs()));
        run.shuffleAtEpochStart = data.shuffleAtEpochStart().clone();
        run.epochsDone = data.epochsDone();
        run.batchesDone = data.batchesDone();
        run.epochLoss = data.epochLoss();
        run.epochCorrect = data.epochCorrect();
        run.elapsedNanos = data.elapsedNanos();
        run.initialLoss = data.initialLoss();
        run.best = data.best();
        run.bestEpoch = data.bestEpoch();
        run.waited = data.waited();
        run.bestParameters = data.bestParameters().isEmpty() ? null : data.bestParameters().toArray(new double[0][][]);
        run.continueFrom = data.continueFrom().isEmpty() ? null : data.continueFrom().toArray(new double[0][][]);
        run.stopReason = data.stopReason();
        return run;
    }

    private static List<double[][]> copies(double[][][] parameters) {
        List<double[][]> out = new ArrayList<>();
        if (parameters != null) {
            for (double[][] p : parameters) {
                out.add(io.github.backprop4j.math.Matrices.copy(p));
            }
        }
        return out;
    }
}
