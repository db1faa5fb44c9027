package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training and batch prediction give bit-identical results on 1, 2 and 4 threads. */
class ThreadsTest {

    /** Large enough that the products are shared among threads (over Parallel.MIN_WORK multiply-adds). */
    private static NeuralNet net() {
        Random init = new Random(3);
        return new NeuralNet(new LinearLayer(200, 96, new ReLU(), init), new LinearLayer(96, 64, new ReLU(), init),
                new LinearLayer(64, 5, new Softmax(), init));
    }

    @Test
    void trainingIsBitIdenticalWhateverTheThreadCount() {
        Random random = new Random(4);
        double[][] x = GradientCheck.gaussian(600, 200, random);
        int[] y = random.ints(600, 0, 5).toArray();
        double[][] weights = null;
        double[] losses = null;
        double[][] predicted = null;
        for (int threads : new int[] {1, 2, 4}) {
            NeuralNet net = net();
            History h = net.fit(x, y, TrainingConfig.builder().optimizer(new Adam(0.001)).epochs(3).batchSize(128)
                    .dropout(0, 0.2).threads(threads).build());
            double[][] p = net.predictValues(x, threads);
            if (weights == null) {
                weights = net.layers().get(0).weights();
                losses = h.losses();
                predicted = p;
            } else {
                assertThat(net.layers().get(0).weights()).as("%d threads", threads).isDeepEqualTo(weights);
                assertThat(h.losses()).as("%d threads", threads).containsExactly(losses);
                assertThat(p).isDeepEqualTo(predicted);
            }
        }
    }
}
