package io.github.backprop4j.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Splits a range of output rows over threads of one shared pool of daemon threads, sized to the
 * available processors. Each row is computed by exactly one thread, in the same order as on one
 * thread, so results are bit-identical whatever the number of threads. Not part of the public API.
 */
public final class Parallel {

    /** Below this many multiply-adds a product runs on the calling thread: handing it over costs more. */
    public static final long MIN_WORK = 1L << 18;

    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("backprop4j-" + t.getPoolIndex());
                return t;
            }, null, false);

    private Parallel() {
    }

    /** A range body: computes rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        /** Computes rows {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** The number of processors, the default thread count. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code body} over {@code [0, rows)} in at most {@code threads} contiguous parts, on the
     * calling thread when {@code threads} is 1 or the work (multiply-adds) is below {@link #MIN_WORK}.
     */
    public static void forRows(int rows, int threads, long work, RowRange body) {
        int parts = Math.min(threads, rows);
        if (parts <= 1 || work < MIN_WORK) {
            body.run(0, rows);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            tasks[p - 1] = POOL.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) rows / parts));
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }
}
