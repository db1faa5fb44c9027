package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.io.PartRegistry;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.train.TrainingConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts of the user's own in model files: saved by class name and settings, made again by a {@link PartRegistry}. */
class PartRegistryTest {

    @TempDir
    Path dir;

    private static final PartRegistry WITH_SWISH = PartRegistry.defaults()
            .withActivation(Swish.class, s -> new Swish(s.get("beta")))
            .withOptimizer(SignSgd.class, s -> new SignSgd(s.get("learningRate")));

    /** A user's optimizer: {@code θ ← θ − η·sign(g)}. */
    public record SignSgd(double learningRate) implements Optimizer {
        @Override
        public void update(Parameter parameter, double[][] gradient, double learningRate) {
            double[][] values = parameter.values();
            for (int i = 0; i < gradient.length; i++) {
                for (int j = 0; j < gradient[i].length; j++) {
                    values[i][j] -= learningRate * Math.signum(gradient[i][j]);
                }
            }
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of("learningRate", learningRate);
        }
    }

    private static Model swishModel(Optimizer optimizer) {
        Random init = new Random(3);
        NeuralNet net = new NeuralNet(new LinearLayer(4, 6, new Swish(1.5), init), new LinearLayer(6, 3, new Softmax(), init));
        return Model.train(Datasets.iris(), net, TrainingConfig.builder().epochs(20).noEarlyStopping().seed(3)
                .optimizer(optimizer).build());
    }

    @Test
    void swishItselfIsRightByFiniteDifferences() {
        Random random = new Random(1);
        double[][] z = GradientCheck.gaussian(4, 5, random);
        double[][] g = GradientCheck.gaussian(4, 5, random);
        assertThat(new GradientChecker().checkActivation(new Swish(1.5), z, g).passes(1e-7)).isTrue();
    }

    @Test
    void aModelWithAUserActivationLoadsBitForBitWithTheRegistryThatKnowsIt() {
        Model model = swishModel(new io.github.backprop4j.optim.Adam(0.01));
        Path file = dir.resolve("swish.model");
        model.save(file);
        Model loaded = Model.load(file, WITH_SWISH);
        Dataset iris = Datasets.iris();
        double[][] before = new double[iris.size()][];
        double[][] after = new double[iris.size()][];
        for (int i = 0; i < iris.size(); i++) {
            before[i] = model.predictProbabilities(iris.features()[i]);
            after[i] = loaded.predictProbabilities(iris.features()[i]);
        }
        assertThat(after).isDeepEqualTo(before);
        assertThat(loaded.network().layers().get(0).activation()).isInstanceOf(Swish.class);
        assertThat(loaded.network().layers().get(0).activation().settings()).isEqualTo(Map.of("beta", 1.5));
    }

    @Test
    void withoutThatRegistryLoadingFailsNamingThePartAndHowToRegisterIt() {
        Path file = dir.resolve("swish.model");
        swishModel(new io.github.backprop4j.optim.Adam(0.01)).save(file);
        assertThatThrownBy(() -> Model.load(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("swish.model line 37: unknown activation 'Swish'; known: [Identity, ReLU, Sigmoid, Softmax, Tanh]."
                        + " A part of your own is read with a registry that knows it: Model.load(file,"
                        + " PartRegistry.defaults().withActivation(Swish.class, settings -> new Swish(...)))");
    }

    @Test
    void theFileNamesThePartAndItsSettings() throws IOException {
        Path file = dir.resolve("swish.ckpt");
        swishModel(new SignSgd(0.01)).saveCheckpoint(file);
        String text = Files.readString(file);
        assertThat(text).contains("\nlayer 0 4 6 Swish beta=1.5\n").contains("\nlayer 1 6 3 Softmax\n")
                .contains("\noptimizer SignSgd learningRate=0.01\n");
    }

    @Test
    void aUserOptimizerComesBackInItsCheckpoint() {
        Path file = dir.resolve("sign.ckpt");
        Model model = swishModel(new SignSgd(0.01));
        model.saveCheckpoint(file);
        Checkpoint back = Model.loadCheckpoint(file, WITH_SWISH);
        assertThat(back.optimizer()).isEqualTo(new SignSgd(0.01));
        assertThat(back.epochsDone()).isEqualTo(20);
        assertThatThrownBy(() -> Model.loadCheckpoint(file, PartRegistry.defaults().withActivation(Swish.class,
                s -> new Swish(s.get("beta"))))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown optimizer 'SignSgd'; known: [Adam, AdamW, Momentum, RmsProp, Sgd]");
    }

    /** A user's loss: {@code L = weight · mean((P − Y)²)}, with its one setting. */
    public record WeightedSquares(double weight) implements io.github.backprop4j.loss.Loss {
        @Override
        public double value(double[][] predicted, double[][] target) {
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) {
                for (int j = 0; j < predicted[i].length; j++) {
                    double d = predicted[i][j] - target[i][j];
                    sum += d * d;
                }
            }
            return weight * sum / predicted.length;
        }

        @Override
        public double[][] gradient(double[][] predicted, double[][] target) {
            double[][] g = new double[predicted.length][predicted[0].length];
            for (int i = 0; i < predicted.length; i++) {
                for (int j = 0; j < predicted[i].length; j++) {
                    g[i][j] = 2 * weight * (predicted[i][j] - target[i][j]) / predicted.length;   // ∂L/∂P
                }
            }
            return g;
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of("weight", weight);
        }
    }

    @Test
    void aUserLossSavesAndLoadsWithTheRegistryThatKnowsIt() {
        Random random = new Random(2);
        assertThat(new GradientChecker().checkLoss(new WeightedSquares(0.5), GradientCheck.gaussian(3, 2, random),
                GradientCheck.gaussian(3, 2, random)).passes(1e-7)).as("the test's loss is right").isTrue();
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
        double[][] y = {{1}, {3}, {5}, {7}, {9}, {11}};
        Model model = Model.train(Dataset.regression(x, y, java.util.List.of("x"), java.util.List.of("y")),
                new NeuralNet(new LinearLayer(1, 1, new io.github.backprop4j.activation.Identity(), 1L)),
                TrainingConfig.builder().epochs(5).noValidation().noEarlyStopping().loss(new WeightedSquares(0.5)).build());
        Path file = dir.resolve("loss.model");
        model.save(file);
        Model back = Model.load(file, PartRegistry.defaults().withLoss(WeightedSquares.class,
                s -> new WeightedSquares(s.get("weight"))));
        assertThat(back.loss()).isEqualTo(new WeightedSquares(0.5));
        assertThat(back.predictValues(new double[] {2.5})).isEqualTo(model.predictValues(new double[] {2.5}));
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("loss.model line 3: unknown loss 'WeightedSquares'");
    }

    @Test
    void aFactoryThatDoesNotMakeThePartOfTheFileIsRefused() {
        Path file = dir.resolve("swish.model");
        swishModel(new io.github.backprop4j.optim.Adam(0.01)).save(file);
        PartRegistry ignoresBeta = PartRegistry.defaults().withActivation(Swish.class, s -> new Swish(1.0));
        assertThatThrownBy(() -> Model.load(file, ignoresBeta)).isInstanceOf(ModelFormatException.class)
                .hasMessage("swish.model line 37: the activation Swish made from the file's settings {beta=1.5} has the"
                        + " settings {beta=1.0}");
        PartRegistry wrongName = PartRegistry.defaults().withActivation(Swish.class, s -> new Swish(s.get("alpha")));
        assertThatThrownBy(() -> Model.load(file, wrongName)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("swish.model line 37: the activation Swish cannot be made from the settings"
                        + " {beta=1.5}: java.lang.NullPointerException");
    }

    @Test
    void theRegistryIsImmutableAndEachNameIsRegisteredOnce() {
        PartRegistry defaults = PartRegistry.defaults();
        assertThat(WITH_SWISH.names("activation")).containsExactly("Identity", "ReLU", "Sigmoid", "Softmax", "Swish", "Tanh");
        assertThat(defaults.names("activation")).containsExactly("Identity", "ReLU", "Sigmoid", "Softmax", "Tanh");
        assertThat(defaults.names("loss")).containsExactly("BinaryCrossEntropy", "CategoricalCrossEntropy", "MeanSquaredError");
        assertThat(defaults.names("optimizer")).containsExactly("Adam", "AdamW", "Momentum", "RmsProp", "Sgd");
        assertThatThrownBy(() -> defaults.withActivation(ReLU.class, s -> new ReLU()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an activation named ReLU is registered already");
        assertThatThrownBy(() -> defaults.names("layer")).hasMessage("kind 'layer' is not one of [activation, loss, optimizer]");
        Swish anonymous = new Swish(1) { };
        @SuppressWarnings("unchecked")
        Class<Swish> type = (Class<Swish>) anonymous.getClass();
        assertThatThrownBy(() -> defaults.withActivation(type, s -> anonymous))
                .hasMessageContaining("needs a simple name");
    }

    /** A part whose settings a file cannot hold is refused when saving, naming the layer and the setting. */
    @Test
    void settingsThatAFileCannotHoldAreRefusedOnSave() {
        Model model = Model.regressor(new NeuralNet(new LinearLayer(1, 1, new Swish(Double.NaN), 1L)), null,
                java.util.List.of("x"), java.util.List.of("y"), new io.github.backprop4j.loss.MeanSquaredError());
        assertThatThrownBy(() -> model.save(dir.resolve("nan.model"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0's activation Swish setting beta is NaN; a model file holds finite numbers only");
        Model spaced = Model.regressor(new NeuralNet(new LinearLayer(1, 1, new Spaced(), 1L)), null,
                java.util.List.of("x"), java.util.List.of("y"), new io.github.backprop4j.loss.MeanSquaredError());
        assertThatThrownBy(() -> spaced.save(dir.resolve("spaced.model"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0's activation Spaced has the setting two words=1.0; a setting is a name of letters,"
                        + " digits and _ with a number");
    }

    /** An activation whose setting name has a space. */
    static final class Spaced implements Activation {
        @Override
        public double[][] forward(double[][] z) {
            return new ReLU().forward(z);
        }

        @Override
        public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
            return new ReLU().backward(z, a, outputGradient);
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of("two words", 1.0);
        }
    }

    /**
     * Every cut, every changed byte, and every edit of the part lines and the provenance under a
     * valid checksum: the file reads, or it is a ModelFormatException; nothing else escapes.
     */
    @Test
    void theNewSectionsGiveOnlyModelFormatExceptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        swishModel(new SignSgd(0.01)).saveCheckpoint(out);
        byte[] good = out.toByteArray();
        String text = new String(good, StandardCharsets.UTF_8);
        String payload = text.substring(0, text.lastIndexOf("crc32 "));
        for (int length = 0; length < good.length; length += 7) {
            byte[] cut = java.util.Arrays.copyOf(good, length);
            assertThatThrownBy(() -> read(cut)).isInstanceOf(ModelFormatException.class);
        }
        int[][] spans = {span(payload, "\nprovenance ", "\nlayers "), span(payload, "\nlayer 0 ", "\nW\n"),
            span(payload, "\noptimizer ", "\nstate ")};
        for (int[] s : spans) {
            io.github.backprop4j.io.EditsUnderAChecksum.assertEachReadsOrIsAModelFormatException(payload, s[0], s[1],
                    "x \n9-0\"=.", PartRegistryTest::read);
        }
    }

    private static int[] span(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return new int[] {start + 1, text.indexOf(to, start)};
    }

    private static Checkpoint read(byte[] file) {
        return Model.loadCheckpoint(new ByteArrayInputStream(file), "m.ckpt", WITH_SWISH);
    }
}
