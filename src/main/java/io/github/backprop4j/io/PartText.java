package io.github.backprop4j.io;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A part as a model file writes it: its class's simple name, then each setting as
 * {@code name=value}, sorted by name so that the same part always gives the same text.
 */
final class PartText {

    private PartText() {
    }

    /** Whether {@code s} may name a part: a Java identifier without dots. */
    static boolean isName(String s) {
        return s.matches("[A-Za-z_$][\\w$]*");
    }

    /** The settings of an activation, loss or optimizer, sorted by name. */
    static Map<String, Double> settings(Object part) {
        Map<String, Double> s = part instanceof Activation a ? a.settings()
                : part instanceof Loss l ? l.settings() : ((Optimizer) part).settings();
        checkArgument(s != null, "%s.settings() returned null", part.getClass().getName());
        return new TreeMap<>(s);
    }

    /** {@code Name name=value ...}, for the file line of {@code what} (named in messages). */
    static String print(String what, Object part) {
        String name = part.getClass().getSimpleName();
        checkArgument(isName(name), "%s %s has no class name to save it by (an anonymous or hidden class); give it a"
                + " named class and register it in a PartRegistry to load it", what, part.getClass().getName());
        StringBuilder line = new StringBuilder(name);
        for (Map.Entry<String, Double> s : settings(part).entrySet()) {
            checkArgument(s.getKey() != null && s.getKey().matches("[A-Za-z_]\\w*") && s.getValue() != null,
                    "%s %s has the setting %s=%s; a setting is a name of letters, digits and _ with a number", what, name,
                    s.getKey(), s.getValue());
            ModelFile.checkFinite(what + " " + name + " setting " + s.getKey(), s.getValue());
            line.append(' ').append(s.getKey()).append('=').append(Numbers.format(s.getValue()));
        }
        return line.toString();
    }
}
