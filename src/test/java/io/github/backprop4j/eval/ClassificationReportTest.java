package io.github.backprop4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from scikit-learn 1.2.1 on the same vectors (src/test/resources/report-values.py). */
class ClassificationReportTest {

    private static final double TOLERANCE = 1e-12;
    private static final int[] ACTUAL = {0, 0, 1, 1, 2, 2, 2, 0, 1, 2, 2, 1, 0, 0, 2};
    private static final int[] PREDICTED = {0, 1, 1, 1, 2, 0, 2, 0, 2, 2, 1, 1, 0, 0, 2};
    private static final List<String> NAMES = List.of("setosa", "versicolor", "virginica");
    private final ClassificationReport report = ClassificationReport.of(ACTUAL, PREDICTED, NAMES);

    @Test
    void perClassValuesMatchScikitLearn() {
        double[] precision = {0.8, 0.6, 0.8};
        double[] recall = {0.8, 0.75, 0.6666666666666666};
        double[] f1 = {0.8000000000000002, 0.6666666666666665, 0.7272727272727272};
        int[] support = {5, 4, 6};
        for (int k = 0; k < 3; k++) {
            assertThat(report.precision(k)).isCloseTo(precision[k], within(TOLERANCE));
            assertThat(report.recall(k)).isCloseTo(recall[k], within(TOLERANCE));
            assertThat(report.f1(k)).isCloseTo(f1[k], within(TOLERANCE));
            assertThat(report.support(k)).isEqualTo(support[k]);
        }
        assertThat(report.accuracy()).isCloseTo(0.7333333333333333, within(TOLERANCE));
    }

    @Test
    void averagesMatchScikitLearn() {
        assertThat(report.macroAverage()[0]).isCloseTo(0.7333333333333334, within(TOLERANCE));
        assertThat(report.macroAverage()[1]).isCloseTo(0.7388888888888889, within(TOLERANCE));
        assertThat(report.macroAverage()[2]).isCloseTo(0.7313131313131312, within(TOLERANCE));
        assertThat(report.weightedAverage()[0]).isCloseTo(0.7466666666666667, within(TOLERANCE));
        assertThat(report.weightedAverage()[1]).isCloseTo(0.7333333333333333, within(TOLERANCE));
        assertThat(report.weightedAverage()[2]).isCloseTo(0.7353535353535354, within(TOLERANCE));
    }

    @Test
    void printsTheLayoutOfScikitLearn() {
        assertThat(report.toString()).isEqualTo(String.join("\n",
                "              precision    recall  f1-score   support",
                "",
                "      setosa       0.80      0.80      0.80         5",
                "  versicolor       0.60      0.75      0.67         4",
                "   virginica       0.80      0.67      0.73         6",
                "",
                "    accuracy                           0.73        15",
                "   macro avg       0.73      0.74      0.73        15",
                "weighted avg       0.75      0.73      0.74        15",
                "").replace("\n", System.lineSeparator()));
        assertThat(report.toString(4)).contains("  versicolor     0.6000    0.7500    0.6667         4");
    }

    @Test
    void binaryProbabilitiesAddLogLossAndRocAuc() {
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1, 1, 0};
        double[][] p = {{0.1}, {0.8}, {0.35}, {0.4}, {0.9}, {0.2}, {0.65}, {0.7}, {0.6}, {0.05}};
        ClassificationReport binary = ClassificationReport.ofProbabilities(y, p, List.of("no", "yes"));
        assertThat(binary.precision(1)).isCloseTo(0.8, within(TOLERANCE));
        assertThat(binary.f1(0)).isCloseTo(0.8000000000000002, within(TOLERANCE));
        assertThat(binary.logLoss()).isCloseTo(0.41862718687996914, within(TOLERANCE));
        assertThat(binary.rocAuc()).isCloseTo(0.88, within(TOLERANCE));
        assertThat(binary.toString()).contains("    log loss       0.42").contains("     ROC AUC       0.88");
        // the same as two softmax columns
        double[][] two = new double[10][];
        for (int i = 0; i < 10; i++) {
            two[i] = new double[] {1 - p[i][0], p[i][0]};
        }
        assertThat(ClassificationReport.ofProbabilities(y, two, List.of("no", "yes")).rocAuc()).isCloseTo(0.88, within(TOLERANCE));
    }

    @Test
    void tiedScoresCountHalf() {
        ClassificationReport ties = ClassificationReport.ofProbabilities(new int[] {0, 1, 0, 1, 1, 0},
                new double[][] {{0.5}, {0.5}, {0.2}, {0.8}, {0.5}, {0.2}}, List.of("a", "b"));
        assertThat(ties.rocAuc()).isCloseTo(0.888888888888889, within(TOLERANCE));
        assertThat(ties.logLoss()).isCloseTo(0.4581453659370775, within(TOLERANCE));
    }

    @Test
    void aClassNeverPredictedHasPrecisionZero() {
        ClassificationReport zero = ClassificationReport.of(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 1}, NAMES);
        assertThat(new double[] {zero.precision(0), zero.precision(1), zero.precision(2)})
                .containsExactly(1.0, 0.3333333333333333, 0.0);
        assertThat(new double[] {zero.recall(0), zero.recall(1), zero.recall(2)}).containsExactly(1.0, 1.0, 0.0);
        assertThat(new double[] {zero.f1(0), zero.f1(1), zero.f1(2)}).containsExactly(1.0, 0.5, 0.0);
        assertThat(zero.rocAuc()).isNaN();
    }

    @Test
    void rejectsBadProbabilities() {
        assertThatThrownBy(() -> ClassificationReport.ofProbabilities(new int[] {0}, new double[][] {{1.5}}, List.of("a", "b")))
                .hasMessage("probabilities row 0, column 0 is 1.5; expected a value in [0, 1]");
        assertThatThrownBy(() -> ClassificationReport.ofProbabilities(new int[] {0}, new double[][] {{0.5, 0.5}}, NAMES))
                .hasMessageContaining("probabilities have 2 columns; expected one per class (3)");
    }
}
