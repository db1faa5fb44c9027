package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.BadRows;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.Splits;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.data.TableSplit;
import io.github.backprop4j.eval.RegressionReport;
import io.github.backprop4j.examples.PenguinsExample;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.Validation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Regression targets standardised by Model.train, mapped back at prediction, and kept in the file (format 5). */
class TargetScalingTest {

    /** Penguins with body mass as the target: the two rows without it are skipped, and reported. */
    static Table bodyMass(List<BadRows> skipped) {
        return PenguinsExample.bodyMass(skipped::add);
    }

    private static final Table MASS = bodyMass(new ArrayList<>());

    private static NeuralNet network(int inputs, long seed) {
        Random init = new Random(seed);
        return new NeuralNet(new LinearLayer(inputs, 16, new ReLU(), init), new LinearLayer(16, 1, new Identity(), init));
    }

    private static Model train(TableSplit split, boolean scaled, long seed, TrainingConfig config) {
        return Model.train(split.train(), null, PreprocessingOptions.defaults().withTargetScaling(scaled),
                network(Preprocessing.inputCount(split.train(), PreprocessingOptions.defaults()), seed), config,
                TrainingListener.NONE);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
    }

    /**
     * The figures of docs/training.md ("Regression targets"): with the default config, over seeds 0
     * to 9, standardised targets stop early with a good fit; raw grams use every epoch and fit worse
     * than predicting the mean.
     */
    @Test
    void standardisedTargetsStopEarlyWithAGoodFitWhereRawTargetsRunOutOfEpochs() {
        List<BadRows> skipped = new ArrayList<>();
        assertThat(bodyMass(skipped).size()).isEqualTo(342);
        assertThat(skipped.get(0).rows()).isEqualTo(2);
        double[][] epochs = new double[2][10];
        double[][] r2 = new double[2][10];
        for (int s = 0; s < 2; s++) {
            for (int seed = 0; seed < 10; seed++) {
                TableSplit split = Splits.random(MASS, 0.25, seed);
                Model model = train(split, s == 0, seed, TrainingConfig.builder().seed(seed).build());
                epochs[s][seed] = model.history().orElseThrow().epochs();
                r2[s][seed] = RegressionReport.of(split.test().targets(), model.predictValues(split.test()),
                        model.targetNames()).r2();
            }
        }
        assertThat(median(epochs[0])).isLessThan(400);
        assertThat(median(r2[0])).isGreaterThan(0.85);
        assertThat(Arrays.stream(r2[0]).min().orElseThrow()).isGreaterThan(0.75);
        assertThat(epochs[1]).containsOnly(TrainingConfig.DEFAULT_MAX_EPOCHS);
        assertThat(median(r2[1])).isNegative();
    }

    @Test
    void theScalerHoldsTheTrainingTargetsMeanAndStandardDeviationAndPredictionsAreMappedBack() {
        TableSplit split = Splits.random(MASS, 0.25, 1L);
        Model model = train(split, true, 1L, TrainingConfig.builder().optimizer(new Adam(0.01)).epochs(20).noValidation()
                .noEarlyStopping().seed(1).build());
        double[][] y = split.train().targets();
        double mean = Arrays.stream(y).mapToDouble(r -> r[0]).sum() / y.length;
        double variance = Arrays.stream(y).mapToDouble(r -> (r[0] - mean) * (r[0] - mean)).sum() / y.length;
        StandardScaler targets = model.targetScaler().orElseThrow();
        assertThat(targets.mean()[0]).isCloseTo(mean, within(1e-9));
        assertThat(targets.scale()[0]).isCloseTo(Math.sqrt(variance), within(1e-9));
        // the network's own output, mapped back by hand: y = y'·σ + μ
        double[][] inputs = model.preprocessing().orElseThrow().transform(split.test());
        double[][] predicted = model.predictValues(split.test());
        for (int i = 0; i < inputs.length; i++) {
            double raw = model.network().predictValues(inputs[i])[0];
            assertThat(predicted[i][0]).isCloseTo(raw * Math.sqrt(variance) + mean, within(1e-9));
        }
        assertThat(median(Arrays.stream(predicted).mapToDouble(r -> r[0]).toArray())).isBetween(3000.0, 5500.0);
    }

    @Test
    void theFileKeepsTheTargetsScalingAndTurningItOffKeepsTargetsRaw() {
        TableSplit split = Splits.random(MASS, 0.25, 2L);
        TrainingConfig config = TrainingConfig.builder().epochs(5).noValidation().noEarlyStopping().seed(2).build();
        Model model = train(split, true, 2L, config);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\ntargets standard 1\n");
        Model back = Model.load(new ByteArrayInputStream(out.toByteArray()), "mass.model");
        assertThat(back.predictValues(split.test())).isDeepEqualTo(model.predictValues(split.test()));
        assertThat(back.targetScaler().orElseThrow().mean()).containsExactly(model.targetScaler().orElseThrow().mean());

        Model raw = train(split, false, 2L, config);
        assertThat(raw.targetScaler()).isEmpty();
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        raw.save(rawOut);
        assertThat(rawOut.toString(StandardCharsets.UTF_8)).contains("\ntargets none\n");
        double[][] inputs = raw.preprocessing().orElseThrow().transform(split.test());
        assertThat(raw.predictValues(split.test())[0]).containsExactly(raw.network().predictValues(inputs[0]));
    }

    /** y = 1000 + 300·x0 − 200·x1 + noise: targets in the thousands, as prices are. */
    static Dataset prices(int rows, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[rows][2];
        double[][] y = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            x[i][0] = r.nextGaussian() * 3 + 10;
            x[i][1] = r.nextGaussian();
            y[i][0] = 1000 + 300 * x[i][0] - 200 * x[i][1] + r.nextGaussian() * 50;
        }
        return Dataset.regression(x, y, List.of("area", "age"), List.of("price"));
    }

    /** An explicit validation set of raw rows is scaled like the training rows: its loss is in standardised units. */
    @Test
    void anExplicitValidationSetOfADataSetIsScaledLikeTheTrainingTargets() {
        Dataset train = prices(200, 1L);
        Dataset validation = prices(40, 2L);
        Random init = new Random(4);
        NeuralNet net = new NeuralNet(new LinearLayer(2, 8, new Tanh(), init), new LinearLayer(8, 1, new Identity(), init));
        Model model = Model.train(train, net, TrainingConfig.builder().epochs(100).noEarlyStopping().seed(4)
                .validation(Validation.of(validation.features(), validation.targets())).build());
        double std = model.targetScaler().orElseThrow().scale()[0];
        double[][] predicted = model.predictValues(validation.features());
        double squares = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = (predicted[i][0] - validation.targets()[i][0]) / std;
            squares += error * error;
        }
        // the last epoch's validation loss is what regularisation leaves out: the plain MSE of the scaled targets
        assertThat(model.history().orElseThrow().last().validationLoss()).isCloseTo(squares / predicted.length, within(1e-9));
        assertThat(RegressionReport.of(validation.targets(), predicted, List.of("price")).r2()).isGreaterThan(0.9);
    }

    /** Writes the golden model of format version 5, with its targets' scaling: run once by hand when the format changes. */
    static void writeGolden(Path file) {
        Random init = new Random(5);
        NeuralNet net = new NeuralNet(new LinearLayer(2, 4, new Tanh(), init), new LinearLayer(4, 1, new Identity(), init));
        Model.train(prices(60, 5L), net, TrainingConfig.builder().epochs(30).noValidation().noEarlyStopping().seed(5).build())
                .save(file);
    }

    /** The format-5 golden file loads, and its prediction equals one computed here by hand from the parts it holds. */
    @Test
    void theVersionFiveGoldenModelLoadsAndPredictsAsItsPartsSay() throws IOException {
        Model golden;
        try (InputStream in = getClass().getResourceAsStream("/io/github/backprop4j/golden-v5-regression.model")) {
            golden = Model.load(in, "golden-v5-regression.model");
        }
        double[] row = {11.5, -0.5};
        StandardScaler features = (StandardScaler) golden.scaler().orElseThrow();
        double[] x = new double[2];
        for (int j = 0; j < 2; j++) {
            x[j] = (row[j] - features.mean()[j]) / features.scale()[j];    // x' = (x − μ) / σ
        }
        double[][] w0 = golden.network().layers().get(0).weights();
        double[] b0 = golden.network().layers().get(0).bias();
        double[][] w1 = golden.network().layers().get(1).weights();
        double z = golden.network().layers().get(1).bias()[0];
        for (int h = 0; h < 4; h++) {
            z += Math.tanh(x[0] * w0[0][h] + x[1] * w0[1][h] + b0[h]) * w1[h][0];    // tanh(x'·W0 + b0)·W1 + b1
        }
        StandardScaler targets = golden.targetScaler().orElseThrow();
        double expected = z * targets.scale()[0] + targets.mean()[0];             // y = y'·σ + μ
        assertThat(golden.predictValues(row)[0]).isCloseTo(expected, within(1e-9));
        assertThat(expected).as("a price near the data's").isBetween(3000.0, 6000.0);
        assertThat(golden.targetNames()).containsExactly("price");
    }
}
