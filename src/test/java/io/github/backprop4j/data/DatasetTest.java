package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private final double[][] x = {{1, 2}, {3, 4}, {5, 6}};
    private final int[] y = {0, 1, 1};
    private final Dataset data = new Dataset(x, y, List.of("f1", "f2"), List.of("no", "yes"));

    @Test
    void defensiveCopiesInAndOut() {
        x[0][0] = 99;
        y[0] = 1;
        assertThat(data.features()[0][0]).isEqualTo(1);
        assertThat(data.labels()[0]).isEqualTo(0);
        data.features()[1][1] = 99;
        data.labels()[1] = 0;
        assertThat(data.features()[1][1]).isEqualTo(4);
        assertThat(data.labels()[1]).isEqualTo(1);
    }

    @Test
    void sizes() {
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.featureCount()).isEqualTo(2);
        assertThat(data.classCount()).isEqualTo(2);
        assertThat(data.featureNames()).containsExactly("f1", "f2");
    }

    @Test
    void classNames() {
        assertThat(data.classNames()).containsExactly("no", "yes");
        assertThat(data.className(1)).isEqualTo("yes");
        assertThat(data.classNames(new int[] {1, 0, 1})).containsExactly("yes", "no", "yes");
        assertThatThrownBy(() -> data.className(2)).hasMessage("label 2 is not a class index in [0, 2)");
    }

    @Test
    void rows() {
        Dataset picked = data.rows(new int[] {2, 0});
        assertThat(picked.features()).isDeepEqualTo(new double[][] {{5, 6}, {1, 2}});
        assertThat(picked.labels()).containsExactly(1, 0);
        assertThatThrownBy(() -> data.rows(new int[] {3})).hasMessage("indices[0] is 3, expected a row index in [0, 3)");
    }

    @Test
    void withFeatures() {
        Dataset scaled = data.withFeatures(new double[][] {{0, 0}, {1, 1}, {2, 2}});
        assertThat(scaled.labels()).containsExactly(0, 1, 1);
        assertThatThrownBy(() -> data.withFeatures(new double[][] {{0, 0}})).hasMessage("newFeatures are 1x2 but this data set is 3x2");
    }

    @Test
    void constructorRejectsBadInput() {
        assertThatThrownBy(() -> new Dataset(x, new int[] {0}, List.of("f1", "f2"), List.of("a")))
                .hasMessage("features have 3 rows but labels have 1 entries; they must match");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}}, new int[] {2}, List.of("f1", "f2"), List.of("a", "b")))
                .hasMessage("labels[0] is 2, expected a class index in [0, 2)");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, Double.NaN}}, new int[] {0}, List.of("f1", "f2"), List.of("a")))
                .hasMessage("features row 0, column 1 is NaN; every value must be finite");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}}, new int[] {0}, List.of("f1"), List.of("a")))
                .hasMessage("features have 2 columns but 1 feature names were given");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new int[] {0}, java.util.Arrays.asList((String) null), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("featureNames and classNames must not contain null");
    }

    @Test
    void toStringSummarises() {
        assertThat(data).hasToString("Dataset(3 rows, 2 features [f1, f2], 2 classes [no 1, yes 2])");
    }

    @Test
    void regressionDataSets() {
        double[][] t = {{0.5}, {1.5}, {2.5}};
        Dataset r = Dataset.regression(x, t, List.of("f1", "f2"), List.of("y"));
        t[0][0] = 99;
        assertThat(r.targets()).isDeepEqualTo(new double[][] {{0.5}, {1.5}, {2.5}});
        assertThat(r.isRegression()).isTrue();
        assertThat(r.classCount()).isZero();
        assertThat(r.rows(new int[] {2, 0}).targets()).isDeepEqualTo(new double[][] {{2.5}, {0.5}});
        assertThat(r.withFeatures(new double[][] {{0, 0}, {1, 1}, {2, 2}}).targets()[1][0]).isEqualTo(1.5);
        assertThat(r).hasToString("Dataset(3 rows, 2 features [f1, f2], 1 targets [y])");
        assertThatThrownBy(r::labels).isInstanceOf(IllegalStateException.class)
                .hasMessage("this data set has numeric targets [y], not class labels; use targets()");
        assertThatThrownBy(data::targets).isInstanceOf(IllegalStateException.class)
                .hasMessage("this data set has class labels [no, yes], not numeric targets; use labels()");
        assertThatThrownBy(() -> Dataset.regression(x, new double[][] {{1}, {Double.NaN}, {2}}, List.of("f1", "f2"), List.of("y")))
                .hasMessage("targets row 1, column 0 is NaN; every value must be finite");
        assertThatThrownBy(() -> Dataset.regression(x, t, List.of("f1", "f2"), List.of("y", "z")))
                .hasMessage("targets have 1 columns but 2 target names were given");
    }
}
