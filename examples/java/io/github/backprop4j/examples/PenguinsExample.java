package io.github.backprop4j.examples;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.BadRows;
import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.EncodedColumn;
import io.github.backprop4j.data.NumericColumn;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.data.TableSplit;
import io.github.backprop4j.eval.ClassificationReport;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A real table: the Palmer penguins (344 rows, text columns {@code island} and {@code sex}, 19
 * missing cells written {@code NA}). Loads it as a {@link Table}, prints the inferred schema,
 * trains a model whose preprocessing (one-hot categories, medians for the gaps, standardisation)
 * is fitted on the training rows, and prints the test accuracy, a classification report and one
 * prediction from values by column name.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexample=io.github.backprop4j.examples.PenguinsExample
 * -Dexec.args="[seed]"}.
 */
public final class PenguinsExample {

    private PenguinsExample() {
    }

    /** Runs with the seed in {@code args[0]}, default 1. */
    public static void main(String[] args) {
        run(args.length > 0 ? Long.parseLong(args[0]) : 1L, System.out);
    }

    /** Loads the bundled penguins.csv as a table, species as the label. */
    public static Table penguins() {
        return load(new CsvLoader().withLabelColumn("species").withMissingValues());
    }

    /**
     * Loads the bundled penguins.csv with body mass as the regression target; the rows without a
     * mass are skipped and told to {@code skipped}.
     */
    public static Table bodyMass(Consumer<BadRows> skipped) {
        return load(new CsvLoader().withTargetColumns("body_mass_g").withMissingValues().withBadRowsSkipped(skipped));
    }

    private static Table load(CsvLoader loader) {
        try (InputStream in = PenguinsExample.class.getResourceAsStream("penguins.csv")) {
            if (in == null) {
                throw new IllegalStateException("penguins.csv is not on the class path beside PenguinsExample");
            }
            return loader.loadTable(in, "penguins.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits 75/25 by species with {@code seed}, trains, evaluates, and predicts one penguin.
     *
     * @return the model and its report on the held-out rows
     */
    public static Result run(long seed, PrintStream out) {
        Table penguins = penguins();
        out.println("inferred schema:");
        out.print(penguins.schema());

        TableSplit split = Splits.stratified(penguins, 0.25, seed);
        PreprocessingOptions options = PreprocessingOptions.defaults();
        int inputs = Preprocessing.inputCount(split.train(), options);   // numbers, plus one input per category
        Random init = new Random(seed);
        NeuralNet net = new NeuralNet(
                new LinearLayer(inputs, 16, new ReLU(), init),
                new LinearLayer(16, penguins.classNames().size(), new Softmax(), init));
        Model model = Model.train(split.train(), null, options, net, TrainingConfig.builder().seed(seed).build(),
                TrainingListener.NONE);
        printPreprocessing(model.preprocessing().orElseThrow(), out);

        ClassificationReport report = ClassificationReport.ofProbabilities(split.test().labels(),
                model.predictValues(split.test()), penguins.classNames());
        out.printf("trained %d epochs; test accuracy %.3f on %d rows%n", model.history().orElseThrow().epochs(),
                report.accuracy(), split.test().size());
        out.println(report);

        Map<String, Object> penguin = new LinkedHashMap<>();
        penguin.put("island", "Dream");
        penguin.put("bill_length_mm", 46.5);
        penguin.put("bill_depth_mm", 17.9);
        penguin.put("flipper_length_mm", 192);
        penguin.put("body_mass_g", 3500);
        penguin.put("sex", null);       // not known: filled as in training
        penguin.put("year", 2007);
        out.printf("%s is predicted %s, with probabilities %s%n", penguin, model.predict(penguin),
                model.predictProbabilities(penguin));
        return new Result(model, report);
    }

    /** One line per column: what the preprocessing fitted on the training rows. */
    private static void printPreprocessing(Preprocessing p, PrintStream out) {
        out.printf("fitted on the training rows, %d inputs, then standardised:%n", p.inputCount());
        for (EncodedColumn column : p.columns()) {
            if (column instanceof NumericColumn n) {
                out.printf("  %s: number, gaps filled with the %s %s%s%n", n.name(), n.imputation().name().toLowerCase(Locale.ROOT),
                        n.fill(), n.indicator() ? ", with an indicator" : "");
            } else {
                CategoricalColumn c = (CategoricalColumn) column;
                out.printf("  %s: category %s%s%s%n", c.name(), c.categories(), c.other() ? " + " + CategoricalColumn.OTHER : "",
                        c.missing() ? " + " + CategoricalColumn.MISSING : "");
            }
        }
    }

    /**
     * What one run made.
     *
     * @param model  the trained model
     * @param report its report on the held-out rows
     */
    public record Result(Model model, ClassificationReport report) {
    }
}
