package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs the penguins example as a user would, with its output captured. */
class PenguinsExampleTest {

    private static PrintStream sink(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /**
     * Over seeds 0-9 (each a different split and initialisation, 86 test penguins) the median
     * test accuracy is at least 0.97.
     */
    @Test
    void testAccuracyOverTenSeedsHasAMedianOfAtLeast097() {
        double[] accuracy = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            PenguinsExample.Result result = PenguinsExample.run(seed, sink(new ByteArrayOutputStream()));
            accuracy[seed] = result.report().accuracy();
        }
        double[] sorted = accuracy.clone();
        Arrays.sort(sorted);
        assertThat((sorted[4] + sorted[5]) / 2).as("median of %s", Arrays.toString(accuracy)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void printsTheSchemaTheAccuracyTheReportAndOnePredictionByName() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PenguinsExample.run(1, sink(bytes));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("species            label (3 classes)\nisland             category (3 values)\n")
                .contains("sex                category (2 values, 11 missing)\n")
                .contains("bill_length_mm     number (2 missing)\n")
                .contains("sex: category [female, male] + (missing)")
                .containsPattern("trained \\d+ epochs; test accuracy (0\\.9\\d\\d|1\\.000) on 86 rows")
                .contains("precision    recall  f1-score   support").contains("Chinstrap")
                .containsPattern("\\{island=Dream, .*sex=null, year=2007\\} is predicted (Adelie|Chinstrap|Gentoo), with"
                        + " probabilities \\{Adelie=.*, Chinstrap=.*, Gentoo=.*\\}");
    }
}
