package io.github.backprop4j.io;

import io.github.backprop4j.train.EpochMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code run} section of a checkpoint (format version 2) with the checks of
 * {@link ModelParser}: every count against what is left of the file before allocating, every
 * number strict, every problem naming its line.
 */
final class RunParser {

    private final ModelParser p;
    private final List<ModelData.Layer> layers;

    private final int version;

    RunParser(ModelParser parser, List<ModelData.Layer> layers, int version) {
        this.p = parser;
        this.version = version;
        this.layers = layers;
    }

    ModelData.Run parse() {
        p.line();   // "run", already seen
        Map<String, String> settings = settings(p);
        String[] data = words("data", 2);
        int rows = p.count(data[0], "data rows");
        long hash = longValue(data[1], "data hash");
        String[] position = words("position", 5);
        int epochsDone = nonNegative(position[0], "epochs done");
        int batchesDone = nonNegative(position[1], "batches done");
        double epochLoss = p.number(position[2], "epoch loss so far");
        long epochCorrect = longValue(position[3], "epoch correct rows so far");
        long elapsed = longValue(position[4], "elapsed nanoseconds");
        String[] shuffle = words("shuffle", 4);
        long[] atStart = generator(shuffle[0], shuffle[1], "shuffle generator at the epoch's start");
        long[] now = generator(shuffle[2], shuffle[3], "shuffle generator");
        Map<Integer, long[]> dropout = dropout();
        // version 3 added the divergence check's reference loss
        double initialLoss = version >= 3 ? numberOrNan(p.keyword("reference"), "reference loss") : Double.NaN;
        String[] stopping = words("stopping", 3);
        double best = numberOrNan(stopping[0], "best value");
        int bestEpoch = nonNegative(stopping[1], "best epoch");
        int waited = nonNegative(stopping[2], "epochs waited");
        String stopped = p.keyword("stopped");
        String reason = stopped.equals("none") ? null : p.unquote(stopped);
        List<EpochMetrics> epochs = epochs(epochsDone);
        List<double[][]> bestParameters = parameters("best");
        List<double[][]> continueFrom = parameters("continue");
        return new ModelData.Run(settings, rows, hash, epochsDone, batchesDone, epochLoss, epochCorrect, elapsed, atStart, now,
                dropout, initialLoss, best, bestEpoch, waited, bestParameters, continueFrom, epochs, reason);
    }

    /** A {@code settings} section: its settings by name, each name once. */
    static Map<String, String> settings(ModelParser p) {
        int n = p.count(p.keyword("settings"), "settings");
        p.checkFits(n, 12, "settings");
        Map<String, String> settings = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String rest = p.keyword("setting");
            int split = rest.indexOf("\" \"");
            if (split < 0) {
                throw p.error(p.next(), "expected 'setting \"name\" \"value\"'");
            }
            if (settings.put(p.unquote(rest.substring(0, split + 1)), p.unquote(rest.substring(split + 2))) != null) {
                throw p.error(p.next(), "a setting named twice");
            }
        }
        return settings;
    }

    private Map<Integer, long[]> dropout() {
        String count = p.keyword("dropout");
        int n = count.equals("0") ? 0 : p.count(count, "dropout generators");
        p.checkFits(n, 14, "dropout generators");
        Map<Integer, long[]> dropout = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String[] w = words("generator", 3);
            int layer = nonNegative(w[0], "dropout layer");
            if (layer >= layers.size() - 1 || dropout.containsKey(layer)) {
                throw p.error(p.next(), "dropout generator for layer " + layer + ": not a hidden layer, or given twice");
            }
            dropout.put(layer, generator(w[1], w[2], "dropout generator"));
        }
        return dropout;
    }

    private List<EpochMetrics> epochs(int expected) {
        String count = p.keyword("epochs");
        int n = count.equals("0") ? 0 : p.count(count, "epochs");
        if (n != expected) {
            throw p.error(p.next(), n + " epochs of metrics, but the position says " + expected + " epochs done");
        }
        p.checkFits(n, 20, "epochs");
        List<EpochMetrics> epochs = new ArrayList<>(n);
        for (int e = 1; e <= n; e++) {
            String[] w = words("epoch", 7);
            if (!w[0].equals(String.valueOf(e))) {
                throw p.error(p.next(), "expected epoch " + e + ", got '" + w[0] + "'");
            }
            epochs.add(new EpochMetrics(e, p.number(w[1], "epoch loss"), numberOrNan(w[2], "epoch accuracy"),
                    numberOrNan(w[3], "validation loss"), numberOrNan(w[4], "validation accuracy"),
                    p.number(w[5], "learning rate"), Duration.ofNanos(longValue(w[6], "elapsed nanoseconds"))));
        }
        return epochs;
    }

    private List<double[][]> parameters(String keyword) {
        String count = p.keyword(keyword);
        if (count.equals("none")) {
            return List.of();
        }
        int n = p.count(count, keyword + " parameters");
        if (n != 2 * layers.size()) {
            throw p.error(p.next(), keyword + ": " + n + " parameters, but the network has " + 2 * layers.size());
        }
        List<double[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ModelData.Layer layer = layers.get(i / 2);
            int rows = i % 2 == 0 ? layer.weights().length : 1;
            out.add(p.matrix(rows, layer.bias().length, keyword + " parameter " + i));
        }
        return out;
    }

    private String[] words(String keyword, int count) {
        String[] w = p.keyword(keyword).split(" ", -1);
        if (w.length != count) {
            throw p.error(p.next(), "'" + keyword + "' takes " + count + " values, the line has " + w.length);
        }
        return w;
    }

    private int nonNegative(String word, String what) {
        return word.equals("0") ? 0 : p.count(word, what);
    }

    private double numberOrNan(String word, String what) {
        return word.equals("nan") ? Double.NaN : p.number(word, what);
    }

    private long[] generator(String a, String b, String what) {
        long[] state = {longValue(a, what), longValue(b, what)};
        if (state[0] == 0 && state[1] == 0) {
            throw p.error(p.next(), what + ": a state of two zero words never leaves zero");
        }
        return state;
    }

    private long longValue(String word, String what) {
        if (!word.matches("-?\\d{1,19}")) {
            throw p.error(p.next(), what + ": '" + word + "' is not a 64-bit integer");
        }
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw p.error(p.next(), what + ": '" + word + "' is not a 64-bit integer");
        }
    }
}
