package io.github.backprop4j.onnx;

/**
 * An ONNX file that cannot be read: cut short, malformed, or holding what the importer does not
 * support. The message names the problem and where (the byte offset, or the node).
 */
public class OnnxFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what is wrong and where
     */
    public OnnxFormatException(String message) {
        super(message);
    }
}
