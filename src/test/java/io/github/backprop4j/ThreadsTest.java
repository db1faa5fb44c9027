package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.internal.Parallel;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Training and batch prediction give bit-identical results on 1, 2, 3 and 4 threads. The build
 * runs this class on each kernel path, once as the machine is and once on a JVM that sees four
 * processors ({@code -XX:ActiveProcessorCount=4}, pom.xml), where 3 and 4 threads really run in 3
 * and 4 parts; each run checks that the workers it expects did run.
 */
class ThreadsTest {

    /**
     * A step of 200 rows does 200 · (784·128 + 128·64 + 64·5) ≈ 22 M multiply-adds forward: enough
     * for a step to be shared among 4 threads (Parallel.threadsForStep), and for each layer's
     * passes but the last (over Parallel.MIN_WORK); batch 200 leaves a last chunk of 8 rows.
     */
    private static NeuralNet net() {
        Random init = new Random(3);
        return new NeuralNet(new LinearLayer(784, 128, new ReLU(), init), new LinearLayer(128, 64, new Sigmoid(), init),
                new LinearLayer(64, 5, new Softmax(), init));
    }

    @Test
    void trainingIsBitIdenticalWhateverTheThreadCount() {
        Random random = new Random(4);
        double[][] x = GradientCheck.gaussian(1000, 784, random);
        int[] y = random.ints(1000, 0, 5).toArray();
        NeuralNet reference = null;
        double[] losses = null;
        double[][] predicted = null;
        for (int threads : new int[] {1, 2, 3, 4}) {
            NeuralNet net = net();
            Map<Long, Long> before = workerCpuTimes();
            History h = net.fit(x, y, TrainingConfig.builder().optimizer(new Adam(0.001)).epochs(2).batchSize(200)
                    .dropout(0, 0.2).weightDecay(1e-3).threads(threads).build());
            if (threads == 4) {
                assertTheWorkersRan(before);
            }
            double[][] p = net.predictValues(x, threads);
            if (reference == null) {
                reference = net;
                losses = h.losses();
                predicted = p;
            } else {
                for (int l = 0; l < 3; l++) {
                    assertThat(net.layers().get(l).weights()).as("layer %d, %d threads", l, threads)
                            .isDeepEqualTo(reference.layers().get(l).weights());
                    assertThat(net.layers().get(l).bias()).as("layer %d bias, %d threads", l, threads)
                            .containsExactly(reference.layers().get(l).bias());
                }
                assertThat(h.losses()).as("%d threads", threads).containsExactly(losses);
                assertThat(p).isDeepEqualTo(predicted);
            }
        }
    }

    @Test
    void anActivationIsHandedChunksOfSixteenRows() {
        Set<Integer> forwardRows = ConcurrentHashMap.newKeySet();
        Set<Integer> backwardRows = ConcurrentHashMap.newKeySet();
        Activation recording = new Activation() {
            private final ReLU relu = new ReLU();

            @Override
            public double[][] forward(double[][] z) {
                forwardRows.add(z.length);
                return relu.forward(z);
            }

            @Override
            public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
                backwardRows.add(z.length);
                return relu.backward(z, a, outputGradient);
            }
        };
        Random random = new Random(5);
        NeuralNet net = new NeuralNet(new LinearLayer(6, 4, recording, 1L), new LinearLayer(4, 2, new Softmax(), 2L));
        // batches of 40 rows: chunks of 16, 16 and 8; the epoch's last batch of 20: 16 and 4
        net.fit(GradientCheck.gaussian(100, 6, random), random.ints(100, 0, 2).toArray(),
                TrainingConfig.builder().epochs(1).batchSize(40).noValidation().noEarlyStopping().build());
        assertThat(forwardRows).containsExactlyInAnyOrder(16, 8, 4);
        assertThat(backwardRows).containsExactlyInAnyOrder(16, 8, 4);
    }

    @Test
    void aSmallNetworkTrainsOnTheCallingThreadAlone() {
        Random random = new Random(6);
        double[][] x = GradientCheck.gaussian(150, 4, random);
        int[] y = random.ints(150, 0, 3).toArray();
        NeuralNet small = new NeuralNet(new LinearLayer(4, 10, new ReLU(), 1L), new LinearLayer(10, 3, new Softmax(), 2L));
        Map<Long, Long> before = workerCpuTimes();
        small.fit(x, y, TrainingConfig.builder().epochs(5).batchSize(32).threads(4).build());
        Map<Long, Long> after = workerCpuTimes();
        assertThat(after.entrySet()).as("workers that worked").noneMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L));
    }

    @Test
    void aSmallStepRunsOnOneThreadAndALargeOneOnAsManyAsItsWorkAllows() {
        assertThat(Parallel.threadsForStep(32L * (4 * 10 + 10 * 5 + 5 * 3), 2)).as("iris").isEqualTo(1);
        assertThat(Parallel.threadsForStep(32L * (64 * 128 + 128 * 64 + 64 * 10), 2)).as("digits, batch 32").isEqualTo(1);
        assertThat(Parallel.threadsForStep(Parallel.STEP_WORK_PER_THREAD * 2 - 1, 4)).isEqualTo(1);
        assertThat(Parallel.threadsForStep(Parallel.STEP_WORK_PER_THREAD * 2, 4)).isEqualTo(2);
        assertThat(Parallel.threadsForStep(64L * (784 * 256 + 256 * 128 + 128 * 10), 2)).as("784-256-128-10, batch 64").isEqualTo(2);
        assertThat(Parallel.threadsForStep(Long.MAX_VALUE, 4)).isEqualTo(4);
    }

    /** The CPU time of each worker thread by id, once the workers have settled from earlier work. */
    private static Map<Long, Long> workerCpuTimes() {
        try {
            Thread.sleep(20);   // a worker spins for 200 µs after its last part, then parks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Long> times = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("backprop4j-worker-")) {
                times.put(t.getId(), bean.getThreadCpuTime(t.getId()));
            }
        }
        return times;
    }

    /** Each worker the 4-thread run could use has worked: otherwise the test compared one thread with itself. */
    private static void assertTheWorkersRan(Map<Long, Long> before) {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(processors).as("processors seen; the build's second run of this class sets four")
                .isEqualTo(Integer.getInteger("backprop4j.test.processors", processors));
        int stepThreads = Parallel.threadsForStep(200L * (784 * 128 + 128 * 64 + 64 * 5), 4);
        assertThat(stepThreads).isEqualTo(4);
        Map<Long, Long> after = workerCpuTimes();
        long worked = after.entrySet().stream().filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L)).count();
        assertThat(worked).as("workers that worked during the 4-thread run").isEqualTo(Math.min(processors, 4) - 1);
    }
}
