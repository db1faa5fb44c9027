package io.github.backprop4j.eval;

import static io.github.backprop4j.eval.EvalChecks.checkArgument;
import static io.github.backprop4j.eval.EvalChecks.checkNotNull;

import java.util.List;
import java.util.Locale;

/**
 * Per-class precision, recall, F1 and support, the accuracy, and their macro and weighted
 * averages, printed as scikit-learn's {@code classification_report} prints them, digit for digit:
 * the same layout, numbers rounded as Python rounds them (the exact binary value, half to even),
 * and its "micro avg" row where a listed class occurs in neither the actual nor the predicted
 * labels (scikit-learn 1.2; later versions print "accuracy" there). Built from probabilities it
 * adds the log loss (probabilities clipped at the machine epsilon, as scikit-learn) and the ROC
 * AUC: binary, or one-vs-rest averaged plainly and by support.
 *
 * <p>For class {@code k}: precision {@code = TP/(TP + FP)}, recall {@code = TP/(TP + FN)},
 * {@code F1 = 2·P·R/(P + R)}, support the number of rows of class {@code k}. A ratio whose
 * denominator is 0 counts as 0, as scikit-learn's default. The macro average is the plain mean
 * over classes, the weighted average weights each class by its support.
 *
 * <pre>{@code
 * ClassificationReport report = ClassificationReport.of(test.labels(), net.predict(x), test.classNames());
 * System.out.println(report);
 * ClassificationReport binary = ClassificationReport.ofProbabilities(y, net.predictProbabilities(x), names);
 * double auc = binary.rocAuc();
 * }</pre>
 */
public final class ClassificationReport {

    private final ConfusionMatrix confusion;
    private final double logLoss;         // NaN unless built from probabilities
    private final double rocAuc;          // binary AUC, or the one-vs-rest macro average; NaN without probabilities
    private final double rocAucWeighted;  // binary AUC, or the one-vs-rest average weighted by support

    private ClassificationReport(ConfusionMatrix confusion, double logLoss, double rocAuc, double rocAucWeighted) {
        this.confusion = confusion;
        this.logLoss = logLoss;
        this.rocAuc = rocAuc;
        this.rocAucWeighted = rocAucWeighted;
    }

    /**
     * A report from class labels.
     *
     * @param actual     the true class of each row, indices into {@code classNames}
     * @param predicted  the predicted class of each row
     * @param classNames the classes' names in index order
     * @return the report
     */
    public static ClassificationReport of(int[] actual, int[] predicted, List<String> classNames) {
        return new ClassificationReport(ConfusionMatrix.of(actual, predicted, classNames), Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * A report from predicted probabilities: one column per class (rows of a Softmax output), or a
     * single column with the probability of class 1 (one Sigmoid unit). The predicted class is the
     * most probable one (class 1 where {@code p ≥ 0.5} for a single column). Adds the log loss and
     * the ROC AUC: for two classes that of class 1, for more the one-vs-rest averages.
     *
     * @param probabilities {@code [n × K]}, or {@code [n × 1]} for two classes; finite, in [0, 1]
     * @param actual the true class of each row, indices into {@code classNames}
     * @param classNames the classes' names, in label order
     * @return the report
     */
    public static ClassificationReport ofProbabilities(int[] actual, double[][] probabilities, List<String> classNames) {
        checkNotNull(actual, "actual");
        checkNotNull(probabilities, "probabilities");
        checkNotNull(classNames, "classNames");
        checkArgument(probabilities.length == actual.length,
                "actual has %d rows but probabilities have %d", actual.length, probabilities.length);
        int columns = probabilities.length == 0 || probabilities[0] == null ? 0 : probabilities[0].length;
        checkArgument(columns == classNames.size() || (columns == 1 && classNames.size() == 2),
                "probabilities have %d columns; expected one per class (%d) or, for two classes, one", columns, classNames.size());
        double[][] p = BinaryScores.perClass(probabilities, classNames.size());
        int[] predicted = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            predicted[i] = classNames.size() == 2 && columns == 1 ? (probabilities[i][0] >= 0.5 ? 1 : 0) : argmax(p[i]);
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(actual, predicted, classNames);
        if (classNames.size() == 2) {
            double auc = BinaryScores.rocAuc(actual, column(p, 1));
            return new ClassificationReport(confusion, BinaryScores.logLoss(actual, p), auc, auc);
        }
        // one-vs-rest: each class's AUC against all others, averaged plainly and by support
        double[] perClass = new double[classNames.size()];
        double[] support = new double[classNames.size()];
        for (int k = 0; k < perClass.length; k++) {
            int[] isK = new int[actual.length];
            for (int i = 0; i < actual.length; i++) {
                isK[i] = actual[i] == k ? 1 : 0;
                support[k] += isK[i];
            }
            perClass[k] = BinaryScores.rocAuc(isK, column(p, k));
        }
        return new ClassificationReport(confusion, BinaryScores.logLoss(actual, p), BinaryScores.average(perClass, null),
                BinaryScores.average(perClass, support));
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            best = row[k] > row[best] ? k : best;
        }
        return best;
    }

    private static double[] column(double[][] p, int k) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i][k];
        }
        return c;
    }

    /** {@return the confusion matrix the report is computed from} */
    public ConfusionMatrix confusionMatrix() {
        return confusion;
    }

    /** {@return number of classes} */
    public int classCount() {
        return confusion.classNames().size();
    }

    /**
     * {@code TP/(TP + FP)} of class {@code k}, 0 when nothing was predicted as {@code k}.
     *
     * @param k the class index
     * @return the precision
     */
    public double precision(int k) {
        return ratio(confusion.count(k, k), predictedAs(k));
    }

    /**
     * {@code TP/(TP + FN)} of class {@code k}, 0 when no row is of class {@code k}.
     *
     * @param k the class index
     * @return the recall
     */
    public double recall(int k) {
        return ratio(confusion.count(k, k), support(k));
    }

    /**
     * {@code 2·P·R/(P + R)} of class {@code k}, 0 when both are 0.
     *
     * @param k the class index
     * @return the F1 score
     */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * {@return number of rows whose true class is {@code k}}
     *
     * @param k the class index
     */
    public int support(int k) {
        int n = 0;
        for (int p = 0; p < classCount(); p++) {
            n += confusion.count(k, p);
        }
        return n;
    }

    private int predictedAs(int k) {
        int n = 0;
        for (int a = 0; a < classCount(); a++) {
            n += confusion.count(a, k);
        }
        return n;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** {@return the share of rows predicted right} */
    public double accuracy() {
        return confusion.accuracy();
    }

    /**
     * {precision, recall, F1} averaged over classes with equal weight.
     *
     * @return {precision, recall, F1}
     */
    public double[] macroAverage() {
        return average(false);
    }

    /**
     * {precision, recall, F1} averaged over classes weighted by support.
     *
     * @return {precision, recall, F1}
     */
    public double[] weightedAverage() {
        return average(true);
    }

    private double[] average(boolean bySupport) {
        double[] sum = new double[3];
        double weights = 0;
        for (int k = 0; k < classCount(); k++) {
            double w = bySupport ? support(k) : 1;
            sum[0] += w * precision(k);
            sum[1] += w * recall(k);
            sum[2] += w * f1(k);
            weights += w;
        }
        for (int i = 0; i < 3; i++) {
            sum[i] = weights == 0 ? 0 : sum[i] / weights;
        }
        return sum;
    }

    /** {@return the mean negative log-likelihood of the true classes, or NaN without probabilities} */
    public double logLoss() {
        return logLoss;
    }

    /** {@return the area under the ROC curve of class 1, or NaN (no probabilities, more than two classes, or one class only)} */
    public double rocAuc() {
        return rocAuc;
    }

    /**
     * The area under the ROC curve averaged over classes one-vs-rest, each class weighted by its
     * support, as scikit-learn's {@code roc_auc_score(y, p, multi_class='ovr', average='weighted')};
     * for two classes the binary AUC. NaN without probabilities, or when a class has no rows (its
     * AUC is undefined, where scikit-learn raises).
     *
     * @return the weighted one-vs-rest AUC
     */
    public double rocAucWeighted() {
        return rocAucWeighted;
    }

    /**
     * Whether the averages row is titled "accuracy": when every class of the report occurs among
     * the actual or the predicted labels. When a listed class occurs in neither, scikit-learn 1.2
     * (the version this report is checked against) prints a "micro avg" row instead, with the
     * micro-averaged precision, recall and F1; scikit-learn 1.3 and later print "accuracy" there
     * too.
     */
    private boolean microIsAccuracy() {
        for (int k = 0; k < classCount(); k++) {
            if (support(k) == 0 && predictedAs(k) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Micro averages over the listed classes: {@code ΣTP/Σpredicted}, {@code ΣTP/Σsupport} and their F1. */
    private double[] microAverage() {
        int tp = 0;
        int predicted = 0;
        int support = 0;
        for (int k = 0; k < classCount(); k++) {
            tp += confusion.count(k, k);
            predicted += predictedAs(k);
            support += support(k);
        }
        double p = ratio(tp, predicted);
        double r = ratio(tp, support);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    /** The report with two decimals, as scikit-learn prints it. */
    @Override
    public String toString() {
        return toString(2);
    }

    /**
     * {@return the report with {@code digits} decimals}
     *
     * @param digits decimals to show, 0 to 10
     */
    public String toString(int digits) {
        checkArgument(digits >= 0 && digits <= 10, "digits must be in [0, 10], got %d", digits);
        List<String> names = confusion.classNames();
        int width = Math.max("weighted avg".length(), digits);
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        StringBuilder s = new StringBuilder(PythonFormat.right("", width)).append(' ');
        for (String header : new String[] {"precision", "recall", "f1-score", "support"}) {
            s.append(' ').append(PythonFormat.right(header, 9));
        }
        s.append("\n\n");
        for (int k = 0; k < names.size(); k++) {
            row(s, names.get(k), width, digits, support(k), precision(k), recall(k), f1(k));
        }
        s.append('\n');
        int total = confusion.total();
        if (microIsAccuracy()) {
            s.append(PythonFormat.right("accuracy", width)).append(' ').append(' ').append(" ".repeat(9)).append(' ')
                    .append(" ".repeat(9)).append(' ').append(PythonFormat.right(PythonFormat.fixed(accuracy(), digits), 9))
                    .append(' ').append(PythonFormat.right(String.valueOf(total), 9)).append('\n');
        } else {
            row(s, "micro avg", width, digits, total, microAverage());
        }
        row(s, "macro avg", width, digits, total, macroAverage());
        row(s, "weighted avg", width, digits, total, weightedAverage());
        if (!Double.isNaN(logLoss)) {
            s.append('\n').append(PythonFormat.right("log loss", width)).append("  ")
                    .append(PythonFormat.right(PythonFormat.fixed(logLoss, digits), 9)).append('\n');
        }
        if (!Double.isNaN(rocAuc) && classCount() == 2) {
            s.append(PythonFormat.right("ROC AUC", width)).append("  ")
                    .append(PythonFormat.right(PythonFormat.fixed(rocAuc, digits), 9)).append('\n');
        } else if (!Double.isNaN(rocAuc) || !Double.isNaN(rocAucWeighted)) {
            s.append(PythonFormat.right("ROC AUC ovr", width)).append("  ")
                    .append(PythonFormat.right(PythonFormat.fixed(rocAuc, digits), 9)).append(" macro, ")
                    .append(PythonFormat.fixed(rocAucWeighted, digits)).append(" weighted\n");
        }
        return s.toString();
    }

    /** One row as scikit-learn lays it out: {@code '{:>width} ' + ' {:>9.df}' * 3 + ' {:>9}'}. */
    private static void row(StringBuilder s, String heading, int width, int digits, int support, double... values) {
        s.append(PythonFormat.right(heading, width)).append(' ');
        for (double v : values) {
            s.append(' ').append(PythonFormat.right(PythonFormat.fixed(v, digits), 9));
        }
        s.append(' ').append(PythonFormat.right(String.valueOf(support), 9)).append('\n');
    }
}
