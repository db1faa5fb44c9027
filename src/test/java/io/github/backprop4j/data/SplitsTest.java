package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Iris with the row number as a single feature, so each row can be traced through a split. */
    private static Dataset numberedIris() {
        Dataset iris = Datasets.iris();
        double[][] ids = new double[iris.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new double[] {i};
        }
        return new Dataset(ids, iris.labels(), List.of("row"), iris.classNames());
    }

    private static int[] rowIds(Dataset d) {
        return Arrays.stream(d.features()).mapToInt(r -> (int) r[0]).toArray();
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classCount()];
        for (int label : d.labels()) {
            c[label]++;
        }
        return c;
    }

    @Test
    void stratified() {
        TrainTestSplit split = Splits.stratified(numberedIris(), 0.25, 7L);
        // 50 per class, round(12.5) = 13 held out per class
        assertThat(counts(split.test())).containsExactly(13, 13, 13);
        assertThat(counts(split.train())).containsExactly(37, 37, 37);
        // no row lost or duplicated
        int[] all = IntStream.concat(Arrays.stream(rowIds(split.train())), Arrays.stream(rowIds(split.test()))).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 150).toArray());
        // labels travel with their rows
        Dataset iris = Datasets.iris();
        for (int i = 0; i < split.test().size(); i++) {
            assertThat(split.test().labels()[i]).isEqualTo(iris.labels()[rowIds(split.test())[i]]);
        }
    }

    @Test
    void stratifiedIsDeterministicAndSeedDependent() {
        assertThat(rowIds(Splits.stratified(numberedIris(), 0.25, 7L).test()))
                .containsExactly(rowIds(Splits.stratified(numberedIris(), 0.25, 7L).test()));
        assertThat(rowIds(Splits.stratified(numberedIris(), 0.25, 8L).test()))
                .isNotEqualTo(rowIds(Splits.stratified(numberedIris(), 0.25, 7L).test()));
    }

    @Test
    void stratifiedKeepsEveryClassWithTwoRowsInBothParts() {
        Dataset small = new Dataset(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}},
                new int[] {0, 0, 0, 0, 0, 1, 1}, List.of("x"), List.of("big", "small"));
        TrainTestSplit split = Splits.stratified(small, 0.1, 1L);
        assertThat(counts(split.test())).containsExactly(1, 1);
        assertThat(counts(split.train())).containsExactly(4, 1);
        assertThatThrownBy(() -> Splits.stratified(small, 1.0, 1L)).hasMessage("testFraction must be in (0, 1), got 1.0");
    }

    @Test
    void kFold() {
        List<Fold> folds = Splits.kFold(23, 5, 3L);
        assertThat(folds).hasSize(5);
        List<Integer> heldOut = new ArrayList<>();
        for (Fold fold : folds) {
            assertThat(fold.testIndices().length).isBetween(4, 5);
            assertThat(fold.trainIndices().length + fold.testIndices().length).isEqualTo(23);
            assertThat(fold.trainIndices()).doesNotContain(fold.testIndices());
            Arrays.stream(fold.testIndices()).forEach(heldOut::add);
        }
        assertThat(heldOut).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 23).boxed().toList());
        assertThat(Splits.kFold(23, 5, 3L).get(2).testIndices()).containsExactly(folds.get(2).testIndices());
        assertThatThrownBy(() -> Splits.kFold(3, 5, 1L)).hasMessage("k-fold needs at least k = 5 rows, got 3");
        assertThatThrownBy(() -> Splits.kFold(10, 1, 1L)).hasMessage("k must be >= 2, got 1");
    }

    @Test
    void shuffledIndices() {
        int[] a = Splits.shuffledIndices(100, 5L);
        assertThat(a).containsExactlyInAnyOrder(IntStream.range(0, 100).toArray());
        assertThat(a).isNotEqualTo(IntStream.range(0, 100).toArray());
        assertThat(Splits.shuffledIndices(100, 5L)).containsExactly(a);
    }

    @Test
    void shuffle() {
        Dataset shuffled = Splits.shuffle(numberedIris(), 5L);
        assertThat(rowIds(shuffled)).containsExactly(Splits.shuffledIndices(150, 5L));
        assertThat(counts(shuffled)).containsExactly(50, 50, 50);
    }

    @Test
    void randomHoldsOutTheFirstRowsOfTheSeededShuffleForAnyDataSet() {
        double[][] x = new double[10][];
        double[][] y = new double[10][];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i};
            y[i] = new double[] {100 + i};
        }
        Dataset houses = Dataset.regression(x, y, List.of("row"), List.of("price"));
        TrainTestSplit split = Splits.random(houses, 0.3, 11L);
        int[] expectedTest = Arrays.stream(Splits.shuffledIndices(10, 11L)).limit(3).sorted().toArray();
        assertThat(rowIds(split.test())).containsExactly(expectedTest);
        assertThat(IntStream.concat(Arrays.stream(rowIds(split.train())), Arrays.stream(rowIds(split.test()))).sorted()
                .toArray()).containsExactly(IntStream.range(0, 10).toArray());
        for (int i = 0; i < split.test().size(); i++) {
            assertThat(split.test().targets()[i][0]).isEqualTo(100 + rowIds(split.test())[i]);   // targets travel along
        }
        assertThat(rowIds(Splits.random(houses, 0.3, 12L).test())).isNotEqualTo(expectedTest);
        assertThat(Splits.random(houses, 0.01, 1L).test().size()).as("at least one test row").isEqualTo(1);
        assertThat(Splits.random(houses, 0.99, 1L).train().size()).as("at least one training row").isEqualTo(1);
    }

    @Test
    void randomSplitsATableAsItSplitsADataSet() {
        Table t = new CsvLoader().loadTable(new java.io.StringReader("c,label\na,x\nb,y\nc,x\nd,y\ne,x\n"), "t.csv");
        TableSplit split = Splits.random(t, 0.4, 3L);
        Dataset rows = Dataset.regression(new double[][] {{0}, {1}, {2}, {3}, {4}}, new double[5][1], List.of("row"),
                List.of("y"));
        int[] expected = rowIds(Splits.random(rows, 0.4, 3L).test());
        assertThat(split.test().lines()).containsExactly(Arrays.stream(expected).mapToLong(i -> i + 2L).toArray());
        assertThat(split.train().size()).isEqualTo(3);
    }

    @Test
    void randomRefusesABadFractionOrTooFewRows() {
        assertThatThrownBy(() -> Splits.random(numberedIris(), 1.0, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("testFraction must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Splits.random(numberedIris().rows(new int[] {0}), 0.5, 1L))
                .hasMessage("a split needs at least 2 rows, got 1");
        assertThatThrownBy(() -> Splits.random((Dataset) null, 0.5, 1L)).hasMessage("data must not be null");
    }
}
