package io.github.backprop4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that writes to {@code System.out} or {@code System.err}: tests are silent, and
 * the library never prints. Registered for every test through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and autodetection in
 * {@code junit-platform.properties}.
 */
public final class SilentTests implements BeforeEachCallback, AfterEachCallback {

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream captured;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
        String printed = captured.toString(StandardCharsets.UTF_8);
        if (!printed.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " printed (tests must be silent):\n" + printed);
        }
    }
}
