package io.github.backprop4j.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Matrices#firstNonFinite(double[][], int)} reports the first non-finite entry, row by row, whatever the threads. */
class FirstNonFiniteTest {

    @Test
    void aFiniteMatrixHasNoneOnAnyThreadCount() {
        double[][] a = GradientCheck.gaussian(800, 600, new Random(1));   // 480,000 values: shared when allowed
        for (int threads = 1; threads <= 4; threads++) {
            assertThat(Matrices.firstNonFinite(a, threads)).isNull();
        }
    }

    @Test
    void theFirstNonFiniteEntryRowByRowIsReportedWhateverTheThreads() {
        double[][] a = GradientCheck.gaussian(800, 600, new Random(2));
        a[700][3] = Double.NaN;          // in the second half of the rows
        a[513][599] = Double.NEGATIVE_INFINITY;
        a[513][600 - 2] = Double.POSITIVE_INFINITY;
        for (int threads = 1; threads <= 4; threads++) {
            assertThat(Matrices.firstNonFinite(a, threads)).as("%d threads", threads).containsExactly(513, 598);
        }
        a[0][0] = Double.NaN;
        assertThat(Matrices.firstNonFinite(a, 2)).containsExactly(0, 0);
    }

    @Test
    void rowsOfDifferentLengthsAndNullRowsAreScanned() {
        double[][] a = {null, {1, 2, 3}, {}, {4, Double.NaN}};
        assertThat(Matrices.firstNonFinite(a, 2)).containsExactly(3, 1);
        assertThat(Matrices.firstNonFinite(new double[][] {null, {1}}, 1)).isNull();
    }

    @Test
    void aNullMatrixIsNamed() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Matrices.firstNonFinite(null, 2))
                .withMessage("firstNonFinite: matrix must not be null");
    }

    @Test
    void threadsMustBePositive() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Matrices.firstNonFinite(new double[][] {{1}}, 0))
                .withMessage("firstNonFinite: threads must be > 0, got 0");
    }
}
