package io.github.backprop4j.io;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where a model came from: the library version that trained it, how it was trained, how the
 * training ended and what it was trained on. {@code Model.train} records it, the model file keeps
 * it (from format version 6), and saving a loaded model keeps it unchanged.
 *
 * @param libraryVersion the backprop4j version that trained the model
 * @param config         each setting of the training configuration as text, by name; a part of
 *                       the user's own (a schedule, a listener) by its class name only
 * @param epochs         the epochs run
 * @param stopReason     why training stopped: early stopping's or a listener's reason, or that it
 *                       ran the configured epochs
 * @param rows           the rows trained on, without the ones held out for validation
 * @param schemaHash     the SHA-256, in hex, of the training data's schema: docs/model-format.md
 *                       says which text is hashed
 */
public record Provenance(String libraryVersion, Map<String, String> config, int epochs, String stopReason, int rows,
        String schemaHash) {

    private static final String VERSION = readVersion();

    /**
     * Checks that nothing is missing.
     *
     * @param libraryVersion the backprop4j version that trained the model
     * @param config each setting of the training configuration as text, by name; copied, sorted
     * @param epochs the epochs run, at least 0
     * @param stopReason why training stopped
     * @param rows the rows trained on, at least 1
     * @param schemaHash 64 lower-case hex digits
     */
    public Provenance {
        checkNotNull(libraryVersion, "libraryVersion");
        config = Collections.unmodifiableMap(new TreeMap<>(checkNotNull(config, "config")));
        checkArgument(!config.containsValue(null), "a config setting is null: %s", config);
        checkNotNull(stopReason, "stopReason");
        checkArgument(epochs >= 0 && rows > 0, "epochs %d and rows %d: expected at least 0 and 1", epochs, rows);
        checkArgument(schemaHash != null && schemaHash.matches("[0-9a-f]{64}"), "the schema hash %s is not 64 hex digits",
                schemaHash);
    }

    /** {@return the version of this library, as a provenance records it} */
    public static String currentLibraryVersion() {
        return VERSION;
    }

    /**
     * The hash a model trained on {@code data} records: the SHA-256 of the lines {@code classifier}
     * (or {@code regressor}), then {@code number "name"} for each feature column, then
     * {@code output "name"} for each class (or target), UTF-8, each line ending in {@code \n}.
     *
     * @param data a data set
     * @return 64 hex digits
     */
    public static String schemaHash(Dataset data) {
        return hash(data.isRegression(), data.featureNames(), c -> false,
                data.isRegression() ? data.targetNames() : data.classNames());
    }

    /**
     * The hash a model trained on {@code data} records: as for a data set, with
     * {@code category "name"} in place of {@code number "name"} for a column of categories.
     *
     * @param data a table
     * @return 64 hex digits
     */
    public static String schemaHash(Table data) {
        return hash(data.isRegression(), data.featureNames(), data::isCategorical,
                data.isRegression() ? data.targetNames() : data.classNames());
    }

    private static String hash(boolean regression, List<String> columns, Predicate<String> categorical,
            List<String> outputs) {
        StringBuilder text = new StringBuilder(regression ? "regressor\n" : "classifier\n");
        for (String c : columns) {
            text.append(categorical.test(c) ? "category " : "number ").append(ModelPrinter.quote(c)).append('\n');
        }
        for (String o : outputs) {
            text.append("output ").append(ModelPrinter.quote(o)).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
