package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.math.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable data set: features {@code X [n × d]} with their names, and either one class index
 * per row with the class names (classification, the constructor) or one or more numeric targets
 * per row with their names (regression, {@link #regression}).
 *
 * <p>Arrays are copied on the way in and on the way out, so nothing outside can change a
 * {@code Dataset}. Label {@code k} stands for {@code classNames().get(k)}.
 *
 * <pre>{@code
 * Dataset iris = Datasets.iris();
 * int[] predicted = net.predict(iris.features());
 * String first = iris.className(predicted[0]);   // e.g. "setosa"
 * Dataset houses = new CsvLoader().withTargetColumns("price").load(Path.of("houses.csv"));
 * double[][] y = houses.targets();               // [n × 1]
 * }</pre>
 */
public final class Dataset {

    private final double[][] features;
    private final int[] labels;                 // null for regression
    private final List<String> featureNames;
    private final List<String> classNames;      // empty for regression
    private final double[][] targets;           // null for classification
    private final List<String> targetNames;     // empty for classification

    /**
     * A classification data set.
     *
     * @param features     {@code [n × d]}, finite, at least one row; copied
     * @param labels       {@code n} class indices in {@code [0, classNames.size())}; copied
     * @param featureNames {@code d} names, one per column
     * @param classNames   the names of the classes, in label order, at least one
     * @throws IllegalArgumentException naming the row, column or label that is wrong
     */
    public Dataset(double[][] features, int[] labels, List<String> featureNames, List<String> classNames) {
        this(features, labels, featureNames, classNames, true);
    }

    /** Like the public constructor, but takes ownership of the arrays: the caller must not keep them. */
    static Dataset owning(double[][] features, int[] labels, List<String> featureNames, List<String> classNames) {
        return new Dataset(features, labels, featureNames, classNames, false);
    }

    private Dataset(double[][] features, int[] labels, List<String> featureNames, List<String> classNames,
            boolean copy) {
        Matrices.checkMatrix(features, "features");
        Matrices.checkFinite(features, "features");
        checkNotNull(labels, "labels");
        checkNotNull(featureNames, "featureNames");
        checkNotNull(classNames, "classNames");
        checkArgument(labels.length == features.length,
                "features have %d rows but labels have %d entries; they must match", features.length, labels.length);
        checkArgument(featureNames.size() == features[0].length,
                "features have %d columns but %d feature names were given", features[0].length, featureNames.size());
        checkArgument(!classNames.isEmpty(), "classNames must not be empty");
        checkArgument(featureNames.stream().noneMatch(Objects::isNull)
                && classNames.stream().noneMatch(Objects::isNull), "featureNames and classNames must not contain null");
        for (int i = 0; i < labels.length; i++) {
            checkArgument(labels[i] >= 0 && labels[i] < classNames.size(),
                    "labels[%d] is %d, expected a class index in [0, %d)", i, labels[i], classNames.size());
        }
        this.features = copy ? Matrices.copy(features) : features;
        this.labels = copy ? labels.clone() : labels;
        this.featureNames = List.copyOf(featureNames);
        this.classNames = List.copyOf(classNames);
        this.targets = null;
        this.targetNames = List.of();
    }

    private Dataset(double[][] features, double[][] targets, List<String> featureNames, List<String> targetNames,
            boolean copy) {
        Matrices.checkMatrix(features, "features");
        Matrices.checkFinite(features, "features");
        Matrices.checkMatrix(targets, "targets");
        Matrices.checkFinite(targets, "targets");
        checkNotNull(featureNames, "featureNames");
        checkNotNull(targetNames, "targetNames");
        checkArgument(targets.length == features.length,
                "features have %d rows but targets have %d rows; they must match", features.length, targets.length);
        checkArgument(featureNames.size() == features[0].length,
                "features have %d columns but %d feature names were given", features[0].length, featureNames.size());
        checkArgument(targetNames.size() == targets[0].length,
                "targets have %d columns but %d target names were given", targets[0].length, targetNames.size());
        checkArgument(featureNames.stream().noneMatch(Objects::isNull)
                && targetNames.stream().noneMatch(Objects::isNull), "featureNames and targetNames must not contain null");
        this.features = copy ? Matrices.copy(features) : features;
        this.labels = null;
        this.featureNames = List.copyOf(featureNames);
        this.classNames = List.of();
        this.targets = copy ? Matrices.copy(targets) : targets;
        this.targetNames = List.copyOf(targetNames);
    }

    /**
     * A regression data set: numeric targets instead of class labels.
     *
     * @param features     {@code [n × d]}, finite, at least one row; copied
     * @param targets      {@code [n × t]}, finite, one row of target values per feature row; copied
     * @param featureNames {@code d} names, one per feature column
     * @param targetNames  {@code t} names, one per target column
     * @throws IllegalArgumentException naming the row, column or name that is wrong
     * @return the data set
     */
    public static Dataset regression(double[][] features, double[][] targets, List<String> featureNames,
            List<String> targetNames) {
        return new Dataset(features, targets, featureNames, targetNames, true);
    }

    /** Like {@link #regression}, but takes ownership of the arrays: the caller must not keep them. */
    static Dataset owningRegression(double[][] features, double[][] targets, List<String> featureNames,
            List<String> targetNames) {
        return new Dataset(features, targets, featureNames, targetNames, false);
    }

    /**
     * {@return per column: its kind, missing and distinct counts, and its range or most frequent
     * values; print it for a table of the columns}
     */
    public DataSummary describe() {
        return DataSummary.of(this);
    }

    /** {@return whether this data set has numeric targets ({@link #targets}) rather than class labels} */
    public boolean isRegression() {
        return targets != null;
    }

    /**
     * A copy of the targets, {@code [size × targetNames().size()]}.
     *
     * @throws IllegalStateException for a classification data set, which has {@link #labels} instead
     * @return the targets
     */
    public double[][] targets() {
        checkState(targets != null, "this data set has class labels %s, not numeric targets; use labels()", classNames);
        return Matrices.copy(targets);
    }

    /** {@return the target column names of a regression data set (empty for classification; unmodifiable)} */
    public List<String> targetNames() {
        return targetNames;
    }

    /** {@return a copy of the features, {@code [size × featureCount]}} */
    public double[][] features() {
        return Matrices.copy(features);
    }

    /**
     * A copy of the class index of each row.
     *
     * @throws IllegalStateException for a regression data set, which has {@link #targets} instead
     * @return the labels
     */
    public int[] labels() {
        checkRegressionHasNoLabels();
        return labels.clone();
    }

    private void checkRegressionHasNoLabels() {
        checkState(labels != null, "this data set has numeric targets %s, not class labels; use targets()", targetNames);
    }

    /** {@return the column names, in column order (unmodifiable)} */
    public List<String> featureNames() {
        return featureNames;
    }

    /** {@return the class names; label {@code k} is {@code classNames().get(k)} (empty for regression; unmodifiable)} */
    public List<String> classNames() {
        return classNames;
    }

    /** {@return number of rows} */
    public int size() {
        return features.length;
    }

    /** {@return number of feature columns} */
    public int featureCount() {
        return features[0].length;
    }

    /** {@return number of classes, {@code classNames().size()} (0 for regression)} */
    public int classCount() {
        return classNames.size();
    }

    /**
     * {@return the name of class {@code label}}
     *
     * @param label a class index
     */
    public String className(int label) {
        checkRegressionHasNoLabels();
        checkArgument(label >= 0 && label < classNames.size(),
                "label %d is not a class index in [0, %d)", label, classNames.size());
        return classNames.get(label);
    }

    /**
     * {@return the class name of each label in {@code labels}, e.g. of {@code net.predict(...)}}
     *
     * @param labels one class label per row; not modified
     */
    public List<String> classNames(int[] labels) {
        checkNotNull(labels, "labels");
        List<String> names = new ArrayList<>(labels.length);
        for (int label : labels) {
            names.add(className(label));
        }
        return List.copyOf(names);
    }

    /**
     * {@return the rows at {@code indices}, in that order, with the same names}
     *
     * @param indices row indices, each in {@code [0, size())}
     */
    public Dataset rows(int[] indices) {
        checkNotNull(indices, "indices");
        checkArgument(indices.length > 0, "indices must not be empty");
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        double[][] t = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            checkArgument(indices[i] >= 0 && indices[i] < size(),
                    "indices[%d] is %d, expected a row index in [0, %d)", i, indices[i], size());
            x[i] = features[indices[i]].clone();
            if (isRegression()) {
                t[i] = targets[indices[i]].clone();
            } else {
                y[i] = labels[indices[i]];
            }
        }
        return isRegression() ? owningRegression(x, t, featureNames, targetNames) : owning(x, y, featureNames, classNames);
    }

    /**
     * {@return the same labels and names with other features of the same shape, e.g. scaled ones}
     *
     * @param newFeatures features of this data set's shape, finite; copied
     */
    public Dataset withFeatures(double[][] newFeatures) {
        Matrices.checkMatrix(newFeatures, "newFeatures");
        checkArgument(Matrices.shape(newFeatures).equals(Matrices.shape(features)),
                "newFeatures are %s but this data set is %s", Matrices.shape(newFeatures), Matrices.shape(features));
        return isRegression() ? new Dataset(newFeatures, targets, featureNames, targetNames, true)
                : new Dataset(newFeatures, labels, featureNames, classNames, true);
    }

    /** E.g. {@code Dataset(150 rows, 4 features [sepal_length, ...], 3 classes [setosa 50, ...])}. */
    @Override
    public String toString() {
        if (isRegression()) {
            return "Dataset(" + size() + " rows, " + featureCount() + " features " + featureNames
                    + ", " + targetNames.size() + " targets " + targetNames + ")";
        }
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        List<String> perClass = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            perClass.add(classNames.get(k) + " " + counts[k]);
        }
        return "Dataset(" + size() + " rows, " + featureCount() + " features " + featureNames
                + ", " + classCount() + " classes " + perClass + ")";
    }
}
