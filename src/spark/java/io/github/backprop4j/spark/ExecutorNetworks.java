package io.github.backprop4j.spark;

import io.github.backprop4j.Checkpoint;

/**
 * The network (and optimizer) an executor thread trains with, parsed once from the checkpoint
 * text the driver broadcast, then given new weights each step or round. One per thread: a
 * network caches a batch's activations and must not be shared by tasks running at the same time.
 */
final class ExecutorNetworks {

    private static final ThreadLocal<Cached> CACHE = new ThreadLocal<>();

    private ExecutorNetworks() {
    }

    /** The thread's checkpoint for the broadcast {@code id} of {@code text}, parsed on first use. */
    static Checkpoint forThread(long id, String text) {
        Cached cached = CACHE.get();
        if (cached == null || cached.id != id) {
            cached = new Cached(id, ModelText.parseCheckpoint(text, "the network broadcast by the Spark driver"));
            CACHE.set(cached);
        }
        return cached.checkpoint;
    }

    private record Cached(long id, Checkpoint checkpoint) {
    }
}
