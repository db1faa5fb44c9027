package io.github.backprop4j.eval;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.List;
import java.util.Locale;

/**
 * Per-class precision, recall, F1 and support, the accuracy, and their macro and weighted
 * averages, printed in the layout of scikit-learn's {@code classification_report}. Built from
 * probabilities of a binary problem it adds the log loss and the ROC AUC.
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
    private final double logLoss;   // NaN unless built from probabilities
    private final double rocAuc;    // NaN unless built from probabilities of two classes

    private ClassificationReport(ConfusionMatrix confusion, double logLoss, double rocAuc) {
        this.confusion = confusion;
        this.logLoss = logLoss;
        this.rocAuc = rocAuc;
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
        return new ClassificationReport(ConfusionMatrix.of(actual, predicted, classNames), Double.NaN, Double.NaN);
    }

    /**
     * A report from predicted probabilities: one column per class (rows of a Softmax output), or a
     * single column with the probability of class 1 (one Sigmoid unit). The predicted class is the
     * most probable one (class 1 where {@code p ≥ 0.5} for a single column). Adds the log loss, and
     * for two classes the ROC AUC of class 1.
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
        double auc = classNames.size() == 2 ? BinaryScores.rocAuc(actual, column(p, 1)) : Double.NaN;
        return new ClassificationReport(confusion, BinaryScores.logLoss(actual, p), auc);
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
        int width = "weighted avg".length();
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        String row = "%" + width + "s  %9." + digits + "f %9." + digits + "f %9." + digits + "f %9d%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9s %9s%n%n",
                "", "precision", "recall", "f1-score", "support"));
        for (int k = 0; k < names.size(); k++) {
            s.append(String.format(Locale.ROOT, row, names.get(k), precision(k), recall(k), f1(k), support(k)));
        }
        s.append(String.format(Locale.ROOT, "%n%" + width + "s  %9s %9s %9." + digits + "f %9d%n",
                "accuracy", "", "", accuracy(), confusion.total()));
        double[] macro = macroAverage();
        double[] weighted = weightedAverage();
        s.append(String.format(Locale.ROOT, row, "macro avg", macro[0], macro[1], macro[2], confusion.total()));
        s.append(String.format(Locale.ROOT, row, "weighted avg", weighted[0], weighted[1], weighted[2], confusion.total()));
        if (!Double.isNaN(logLoss)) {
            s.append(String.format(Locale.ROOT, "%n%" + width + "s  %9." + digits + "f%n", "log loss", logLoss));
        }
        if (!Double.isNaN(rocAuc)) {
            s.append(String.format(Locale.ROOT, "%" + width + "s  %9." + digits + "f%n", "ROC AUC", rocAuc));
        }
        return s.toString();
    }
}
