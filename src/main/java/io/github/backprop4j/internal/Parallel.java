package io.github.backprop4j.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a range of output rows over the calling thread and a few daemon worker threads (one
 * fewer than the available processors). Each row is computed by exactly one thread, in the same
 * order as on one thread, so results are bit-identical whatever the number of threads. A training
 * step hands out several products in quick succession, so idle workers spin briefly before they
 * park: waking a parked thread costs more than a small product. One caller uses the workers at a
 * time; another caller meanwhile computes its rows itself. Not part of the public API.
 */
public final class Parallel {

    /** Below this many multiply-adds a product runs on the calling thread: handing it over costs more. */
    public static final long MIN_WORK = 1L << 18;

    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final Worker[] WORKERS = startWorkers(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    private static final ReentrantLock IN_USE = new ReentrantLock();

    private Parallel() {
    }

    /** A range body: computes rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        /** Computes rows {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /**
     * The multiply-adds of a training step's forward pass (its backward does about twice that)
     * that each thread must have for a step to be shared at all: below it, handing chunks of a
     * step to a second thread costs more than it saves (measured in docs/performance.md: a
     * 64-128-64-10 network at batch 32, 0.5 M per step, trained 0.5–0.8× as fast on two threads).
     */
    public static final long STEP_WORK_PER_THREAD = 1L << 22;

    /**
     * The threads for a training step: {@code maxThreads}, fewer when the step is small, one
     * below {@link #STEP_WORK_PER_THREAD} multiply-adds per thread. Depends on the work only,
     * never on timing, so a run is reproducible.
     *
     * @param forwardWork the multiply-adds of the step's forward pass, {@code B · Σ inputs · outputs}
     * @param maxThreads  the most threads, &gt;= 1
     * @return between 1 and {@code maxThreads}
     */
    public static int threadsForStep(long forwardWork, int maxThreads) {
        return (int) Math.max(1, Math.min(maxThreads, forwardWork / STEP_WORK_PER_THREAD));
    }

    /** The number of processors, the default thread count. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code body} over {@code [0, rows)} in at most {@code threads} contiguous parts, on the
     * calling thread alone when {@code threads} is 1, the work (multiply-adds) is below
     * {@link #MIN_WORK}, or another caller is using the workers.
     */
    public static void forRows(int rows, int threads, long work, RowRange body) {
        int parts = Math.min(Math.min(threads, rows), WORKERS.length + 1);
        if (parts <= 1 || work < MIN_WORK || !IN_USE.tryLock()) {
            body.run(0, rows);
            return;
        }
        try {
            for (int p = 1; p < parts; p++) {
                WORKERS[p - 1].start(body, (int) ((long) rows * p / parts), (int) ((long) rows * (p + 1) / parts));
            }
            body.run(0, (int) ((long) rows / parts));
            for (int p = 1; p < parts; p++) {
                WORKERS[p - 1].await();
            }
        } finally {
            IN_USE.unlock();
        }
    }

    private static Worker[] startWorkers(int count) {
        Worker[] workers = new Worker[count];
        for (int i = 0; i < count; i++) {
            workers[i] = new Worker(i);
            workers[i].start();
        }
        return workers;
    }

    /** A daemon thread that runs one part of a range at a time. */
    private static final class Worker extends Thread {

        private volatile RowRange task;
        private volatile boolean done = true;
        private volatile Throwable failure;
        private int from;
        private int to;

        Worker(int index) {
            super("backprop4j-worker-" + index);
            setDaemon(true);
        }

        /** Hands rows {@code [from, to)} of {@code body} to this worker. */
        void start(RowRange body, int from, int to) {
            this.from = from;
            this.to = to;
            this.failure = null;
            this.done = false;
            this.task = body;       // the volatile write publishes from, to
            LockSupport.unpark(this);
        }

        /** Waits until the part handed over is computed; rethrows what it threw. */
        void await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void run() {
            while (true) {
                RowRange body = waitForTask();
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    task = null;
                    done = true;
                }
            }
        }

        private RowRange waitForTask() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            RowRange body;
            while ((body = task) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return body;
        }
    }
}
