package io.github.backprop4j.internal;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One writer at a time: the thread that holds the guard may enter again (a network's {@code fit}
 * holds every layer's guard while the layers' own methods run inside it); any other thread is
 * refused at once, never blocked, with a message about concurrent training.
 */
public final class WriterGuard {

    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private int holds;                  // touched only by the owner

    /**
     * Takes the guard for the calling thread, or refuses.
     *
     * @param what      what is guarded, for the message, e.g. the layer
     * @param operation the operation refused, for the message, e.g. "fit"
     * @throws ConcurrentModificationException if another thread holds it
     */
    public void acquire(Object what, String operation) {
        Thread me = Thread.currentThread();
        if (owner.get() == me) {
            holds++;
            return;
        }
        if (!owner.compareAndSet(null, me)) {
            Thread other = owner.get();
            throw new ConcurrentModificationException(String.format("%s on %s refused: thread '%s' is training or changing"
                    + " it now, and concurrent training is not supported. A layer (and each network that holds it)"
                    + " takes one writer at a time: fit, resume, gradients, applyGradients, forward, backward and"
                    + " resetOptimizerState; give each thread its own network, or wait for the other to finish",
                    operation, what, other == null ? "another thread" : other.getName()));
        }
        holds = 1;
    }

    /** Gives back one hold of the calling thread; the last frees the guard. */
    public void release() {
        if (owner.get() != Thread.currentThread()) {
            throw new IllegalStateException("release by a thread that does not hold the guard");
        }
        if (--holds == 0) {
            owner.set(null);
        }
    }
}
