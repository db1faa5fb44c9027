package io.github.backprop4j.io;

/**
 * A model file that cannot be loaded: a wrong magic word or version, a truncated or corrupted
 * file, an unknown name, contradicting shapes, a non-finite number, a size the file cannot hold.
 * The message says what and where (line, or byte offset before the text is decoded).
 */
public final class ModelFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What was read, e.g. a file name. */
    private final String source;
    /** The line (from 1) of the problem, or 0 for the whole file. */
    private final long line;

    /**
     * An exception naming what is wrong with a model file, and where.
     *
     * @param source  what was read, e.g. a file name
     * @param line    the line (from 1) where the problem is, or 0 when it is about the whole file
     * @param problem what is wrong
     * @param cause   the underlying exception, or null
     */
    public ModelFormatException(String source, long line, String problem, Throwable cause) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    /** {@return what was read, e.g} a file name. */
    public String source() {
        return source;
    }

    /** {@return the line (from 1) where the problem is, or 0 when it concerns the whole file} */
    public long line() {
        return line;
    }
}
