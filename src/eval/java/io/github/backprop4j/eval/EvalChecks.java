package io.github.backprop4j.eval;

/**
 * Argument checks with a formatted message. The eval artifact cannot reach the core's internal
 * package, so it keeps these two of its own, worded as the core's.
 */
final class EvalChecks {

    private EvalChecks() {
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
