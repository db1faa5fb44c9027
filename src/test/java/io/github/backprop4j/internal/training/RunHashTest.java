package io.github.backprop4j.internal.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hash of a run's rows: the rows' hashes may be computed on several threads, but are combined in order. */
class RunHashTest {

    @Test
    void theHashDoesNotDependOnTheThreadsAndSeesEveryRowAndItsPlace() {
        Random random = new Random(9);
        double[][] x = GradientCheck.gaussian(3000, 200, random);    // 600,000 values: shared when allowed
        double[][] y = GradientCheck.gaussian(3000, 1, random);
        long h = TrainingRun.hash(x, y, 1);
        for (int threads = 2; threads <= 4; threads++) {
            assertThat(TrainingRun.hash(x, y, threads)).as("%d threads", threads).isEqualTo(h);
        }
        double[] swap = x[10];
        x[10] = x[2999];
        x[2999] = swap;
        assertThat(TrainingRun.hash(x, y, 2)).as("two rows swapped").isNotEqualTo(h);
        x[2999] = x[10];
        x[10] = swap;
        x[1500][7] = Math.nextUp(x[1500][7]);
        assertThat(TrainingRun.hash(x, y, 2)).as("one bit of one value").isNotEqualTo(h);
    }
}
