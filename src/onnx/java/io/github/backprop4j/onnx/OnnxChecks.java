package io.github.backprop4j.onnx;

/**
 * Argument checks with a formatted message. The ONNX artifact cannot reach the core's internal
 * package, so it keeps these two of its own, worded as the core's.
 */
final class OnnxChecks {

    private OnnxChecks() {
    }

    /** Throws {@link IllegalArgumentException} with {@code String.format(message, args)} unless {@code condition} holds. */
    static void checkArgument(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(message, args));
        }
    }

    /** Returns {@code value}, or throws {@link IllegalArgumentException} naming {@code name} if it is null. */
    static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
