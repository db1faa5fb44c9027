package io.github.backprop4j.internal;

/**
 * Argument and state checks that throw with a formatted message, as Guava's {@code Preconditions}.
 *
 * <p>Not part of the public API: it may change without notice.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Throws {@link IllegalArgumentException} with {@code String.format(message, args)} unless
     * {@code condition} holds.
     */
    public static void checkArgument(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(message, args));
        }
    }

    /**
     * Throws {@link IllegalStateException} with {@code String.format(message, args)} unless
     * {@code condition} holds.
     */
    public static void checkState(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(message, args));
        }
    }

    /** Returns {@code value}, or throws {@link IllegalArgumentException} naming {@code name} if it is null. */
    public static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
