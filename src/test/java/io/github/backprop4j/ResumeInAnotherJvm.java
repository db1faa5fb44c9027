package io.github.backprop4j;

import java.nio.file.Path;

/** The child JVM of {@link ResumeTest}: loads a checkpoint, resumes it to 10 epochs, saves the result. */
public final class ResumeInAnotherJvm {

    private ResumeInAnotherJvm() {
    }

    /**
     * Usage: {@code ResumeInAnotherJvm <checkpoint in> <checkpoint out>}.
     *
     * @param args the two paths
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ResumeInAnotherJvm <checkpoint in> <checkpoint out>");
        }
        Checkpoint c = Model.loadCheckpoint(Path.of(args[0]));
        c.model().network().resume(ResumeTest.X, ResumeTest.Y, ResumeTest.config(10));
        c.model().saveCheckpoint(Path.of(args[1]));
    }
}
