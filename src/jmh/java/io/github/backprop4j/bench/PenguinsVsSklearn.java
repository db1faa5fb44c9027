package io.github.backprop4j.bench;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.data.TableSplit;
import io.github.backprop4j.eval.ClassificationReport;
import io.github.backprop4j.eval.RegressionReport;
import io.github.backprop4j.examples.PenguinsExample;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Our side of the penguins comparison that {@code src/jmh/python/penguins_sklearn.py} runs: for
 * seeds 0 to 9, species from the other columns (a stratified 75/25 split) and body mass from the
 * other columns (a random 75/25 split), each with one 16-unit ReLU layer and the default config.
 * Writes each split's test lines and our score, for scikit-learn to use the same rows.
 *
 * <p>Usage: {@code mvn -q -Pbench test-compile exec:java -Dexample=io.github.backprop4j.bench.PenguinsVsSklearn
 * -Dexec.args=target/penguins-compare}; the Python script runs it.
 */
public final class PenguinsVsSklearn {

    private static final int SEEDS = 10;

    private PenguinsVsSklearn() {
    }

    /** Runs both tasks for every seed; the argument is the folder to write into. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PenguinsVsSklearn <output folder>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Table species = PenguinsExample.penguins();
        Table mass = PenguinsExample.bodyMass(skipped -> { });
        StringBuilder scores = new StringBuilder("task,seed,score,epochs\n");
        for (int seed = 0; seed < SEEDS; seed++) {
            TableSplit split = Splits.stratified(species, 0.25, seed);
            Model model = train(split, 3, new Softmax(), seed);
            double accuracy = ClassificationReport.ofProbabilities(split.test().labels(), model.predictValues(split.test()),
                    species.classNames()).accuracy();
            record(dir, scores, "species", seed, split, accuracy, model);

            split = Splits.random(mass, 0.25, seed);
            model = train(split, 1, new Identity(), seed);
            double r2 = RegressionReport.of(split.test().targets(), model.predictValues(split.test()), model.targetNames()).r2();
            record(dir, scores, "mass", seed, split, r2, model);
        }
        Files.writeString(dir.resolve("backprop4j.csv"), scores);
        System.out.print(scores);
    }

    private static Model train(TableSplit split, int outputs, io.github.backprop4j.activation.Activation last, long seed) {
        int inputs = Preprocessing.inputCount(split.train(), PreprocessingOptions.defaults());
        Random init = new Random(seed);
        NeuralNet net = new NeuralNet(new LinearLayer(inputs, 16, new ReLU(), init), new LinearLayer(16, outputs, last, init));
        return Model.train(split.train(), null, PreprocessingOptions.defaults(), net, TrainingConfig.builder().seed(seed).build(),
                TrainingListener.NONE);
    }

    /** The split's test lines (file lines, the header being line 1) and our score. */
    private static void record(Path dir, StringBuilder scores, String task, int seed, TableSplit split, double score,
            Model model) {
        try {
            Files.writeString(dir.resolve(task + "_" + seed + "_test.txt"),
                    Arrays.stream(split.test().lines()).mapToObj(Long::toString).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scores.append(String.format(Locale.ROOT, "%s,%d,%.6f,%d%n", task, seed, score, model.history().orElseThrow().epochs()));
    }
}
