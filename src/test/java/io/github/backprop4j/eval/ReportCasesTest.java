package io.github.backprop4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports against scikit-learn 1.2.1 on randomized cases (src/test/resources/report-cases.py wrote
 * them): the printed report equals {@code classification_report} character for character, and the
 * log loss and the ROC AUC (binary, and one-vs-rest macro and weighted) equal its figures.
 */
class ReportCasesTest {

    /** scikit-learn sums the per-row log losses pairwise, we in order: a few ulps apart at most. */
    private static final double LOG_LOSS_ULPS = 8;

    record Case(int rows, int classes, int digits, List<String> names, int[] actual, int[] predicted, String report,
            double[][] probabilities, double logLoss, double aucMacro, double aucWeighted) {
    }

    @Test
    void everyReportEqualsScikitLearnsTextDigitForDigit() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        int micro = 0;
        for (int c = 0; c < cases.size(); c++) {
            Case k = cases.get(c);
            String ours = ClassificationReport.of(k.actual(), k.predicted(), k.names()).toString(k.digits());
            assertThat(ours).as("case %d", c).isEqualTo(k.report());
            micro += k.report().contains("micro avg") ? 1 : 0;
        }
        assertThat(micro).as("cases where scikit-learn prints a micro avg row").isGreaterThanOrEqualTo(3);
    }

    @Test
    void logLossAndRocAucEqualScikitLearns() throws IOException {
        int checked = 0;
        for (Case k : cases()) {
            if (k.probabilities() == null) {
                continue;
            }
            ClassificationReport r = ClassificationReport.ofProbabilities(k.actual(), k.probabilities(), k.names());
            assertThat(r.logLoss()).isCloseTo(k.logLoss(), within(LOG_LOSS_ULPS * Math.ulp(k.logLoss())));
            if (Double.isNaN(k.aucMacro())) {
                assertThat(r.rocAuc()).isNaN();
            } else {
                assertThat(r.rocAuc()).isCloseTo(k.aucMacro(), within(1e-15));
                assertThat(r.rocAucWeighted()).isCloseTo(k.aucWeighted(), within(1e-15));
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    /** Python's rounding: the exact binary value, half to even. */
    @Test
    void numbersRoundAsPythonFormatDoes() {
        assertThat(PythonFormat.fixed(0.125, 2)).isEqualTo("0.12");   // a tie: to even
        assertThat(PythonFormat.fixed(0.375, 2)).isEqualTo("0.38");   // a tie: to even
        assertThat(PythonFormat.fixed(0.145, 2)).isEqualTo("0.14");   // 0.14499999999999999
        assertThat(PythonFormat.fixed(0.575, 2)).isEqualTo("0.57");   // 0.57499999999999996
        assertThat(PythonFormat.fixed(29 / 200.0, 2)).isEqualTo("0.14");
        assertThat(PythonFormat.fixed(1.0, 2)).isEqualTo("1.00");
        assertThat(PythonFormat.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(PythonFormat.fixed(2.5, 0)).isEqualTo("2");
    }

    static List<Case> cases() throws IOException {
        List<String> lines;
        try (InputStream in = ReportCasesTest.class.getResourceAsStream("/io/github/backprop4j/eval/report-cases.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Case> cases = new ArrayList<>();
        int i = 1;   // after the header comment
        while (i < lines.size()) {
            int[] head = ints(lines.get(i++).substring("case ".length()));
            List<String> names = List.of(lines.get(i++).substring("names ".length()).split(" "));
            int[] actual = ints(lines.get(i++).substring("actual ".length()));
            int[] predicted = ints(lines.get(i++).substring("predicted ".length()));
            int count = Integer.parseInt(lines.get(i++).substring("report ".length()));
            String report = String.join("\n", lines.subList(i, i + count - 1)) + "\n";
            i += count;
            double[][] p = null;
            double logLoss = Double.NaN;
            double[] auc = {Double.NaN, Double.NaN};
            if (i < lines.size() && lines.get(i).equals("proba")) {
                i++;
                p = new double[head[0]][];
                for (int r = 0; r < head[0]; r++) {
                    p[r] = Arrays.stream(lines.get(i++).split(" ")).mapToDouble(Double::parseDouble).toArray();
                }
                logLoss = Double.parseDouble(lines.get(i++).substring("logloss ".length()));
                auc = Arrays.stream(lines.get(i++).substring("auc ".length()).split(" "))
                        .mapToDouble(v -> v.equals("nan") ? Double.NaN : Double.parseDouble(v)).toArray();
            }
            cases.add(new Case(head[0], head[1], head[2], names, actual, predicted, report, p, logLoss, auc[0], auc[1]));
        }
        return cases;
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
