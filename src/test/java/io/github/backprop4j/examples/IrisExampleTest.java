package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.eval.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bundled example as a user would, with its output captured. */
class IrisExampleTest {

    /**
     * With the default training configuration the example must not depend on a lucky seed: over
     * example seeds 0-19 (each a different stratified split, with 39 test flowers) the median
     * test accuracy is at least 0.97 (at most one flower wrong) and the worst at least 0.897 (at
     * most four wrong).
     */
    @Test
    void testAccuracyOverTwentySeedsHasAHighMedianAndNoBadSeed() {
        int[] wrong = new int[20];
        for (int seed = 0; seed < 20; seed++) {
            ConfusionMatrix confusion = IrisExample.run(seed, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(confusion.total()).isEqualTo(39);
            wrong[seed] = (int) Math.round((1 - confusion.accuracy()) * confusion.total());
        }
        int[] sorted = wrong.clone();
        Arrays.sort(sorted);
        assertThat(sorted[9] + sorted[10]).as("twice the median of flowers wrong, %s", Arrays.toString(wrong)).isLessThanOrEqualTo(2);
        assertThat(sorted[19]).as("most flowers wrong, %s", Arrays.toString(wrong)).isLessThanOrEqualTo(4);
    }

    @Test
    void runWritesTheLearningCurves(@TempDir Path dir) throws IOException {
        Path chart = dir.resolve("charts").resolve("iris.png");
        IrisExample.run(IrisExample.DEFAULT_SEED, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), chart);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(io.github.backprop4j.Model.load(dir.resolve("charts").resolve("iris.model")).classNames())
                .containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void runPrintsProgressAccuracyAndConfusionMatrix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IrisExample.run(IrisExample.DEFAULT_SEED, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Dense(4->10, ReLU)").contains("epoch    1/1000  loss").contains("val_loss").contains("early stopping at epoch").contains("test accuracy")
                .contains("setosa").contains("versicolor").contains("virginica")
                .contains("precision    recall  f1-score   support").contains("macro avg").contains("log loss")
                .containsPattern("model saved to a temporary file and loaded back; the first test flower \\[.*\\] is predicted \\w+, actually \\w+");
    }
}
