package io.github.backprop4j.io;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.BinaryCrossEntropy;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.AdamW;
import io.github.backprop4j.optim.Momentum;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.RmsProp;
import io.github.backprop4j.optim.Sgd;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The activations, losses and optimizers a model file may name, each by its class's simple name
 * with a factory that makes it from its settings (named numbers, as its {@code settings()} gives
 * them). Immutable: {@code with...} returns a new registry. Loading never looks a class up by a
 * name read from a file; a name missing here is an error that says how to add it.
 *
 * <pre>{@code
 * PartRegistry parts = PartRegistry.defaults()
 *         .withActivation(Swish.class, settings -> new Swish(settings.get("beta")));
 * Model model = Model.load(Path.of("swish.model"), parts);
 * }</pre>
 */
public final class PartRegistry {

    private static final PartRegistry DEFAULTS = new PartRegistry(new TreeMap<>(), new TreeMap<>())
            .withActivation(Sigmoid.class, s -> new Sigmoid())
            .withActivation(ReLU.class, s -> new ReLU())
            .withActivation(Tanh.class, s -> new Tanh())
            .withActivation(Identity.class, s -> new Identity())
            .withActivation(Softmax.class, s -> new Softmax())
            .withLoss(CategoricalCrossEntropy.class, s -> new CategoricalCrossEntropy())
            .withLoss(BinaryCrossEntropy.class, s -> new BinaryCrossEntropy())
            .withLoss(MeanSquaredError.class, s -> new MeanSquaredError())
            .withOptimizer(Sgd.class, s -> new Sgd(s.get("learningRate")))
            .withOptimizer(Momentum.class, s -> new Momentum(s.get("learningRate"), s.get("momentum"), s.get("nesterov") != 0))
            .withOptimizer(RmsProp.class, s -> new RmsProp(s.get("learningRate"), s.get("rho"), s.get("epsilon")))
            .withOptimizer(Adam.class, s -> new Adam(s.get("learningRate"), s.get("beta1"), s.get("beta2"), s.get("epsilon")))
            .withOptimizer(AdamW.class, s -> new AdamW(s.get("learningRate"), s.get("beta1"), s.get("beta2"), s.get("epsilon"),
                    s.get("weightDecay")));

    private static final java.util.List<String> KINDS = java.util.List.of("activation", "loss", "optimizer");

    /** Kind ("activation", "loss", "optimizer") and name, as {@code kind + " " + name}, to its class and its factory. */
    private final Map<String, Class<?>> types;
    private final Map<String, Function<Map<String, Double>, ?>> factories;

    private PartRegistry(Map<String, Class<?>> types, Map<String, Function<Map<String, Double>, ?>> factories) {
        this.types = types;
        this.factories = factories;
    }

    /** {@return the built-in parts: every activation, loss and optimizer of the library} */
    public static PartRegistry defaults() {
        return DEFAULTS;
    }

    /**
     * This registry and an activation.
     *
     * @param <T> the activation's class
     * @param type its class, named in files by its simple name
     * @param factory makes it from its settings (an unmodifiable map; {@code get} of a name the file
     *                lacks returns null)
     * @return a new registry
     * @throws IllegalArgumentException if an activation of that name is registered already
     */
    public <T extends Activation> PartRegistry withActivation(Class<T> type, Function<Map<String, Double>, T> factory) {
        return with("activation", type, factory);
    }

    /**
     * This registry and a loss.
     *
     * @param <T> the loss's class
     * @param type its class, named in files by its simple name
     * @param factory makes it from its settings
     * @return a new registry
     * @throws IllegalArgumentException if a loss of that name is registered already
     */
    public <T extends Loss> PartRegistry withLoss(Class<T> type, Function<Map<String, Double>, T> factory) {
        return with("loss", type, factory);
    }

    /**
     * This registry and an optimizer.
     *
     * @param <T> the optimizer's class
     * @param type its class, named in files by its simple name
     * @param factory makes it from its settings
     * @return a new registry
     * @throws IllegalArgumentException if an optimizer of that name is registered already
     */
    public <T extends Optimizer> PartRegistry withOptimizer(Class<T> type, Function<Map<String, Double>, T> factory) {
        return with("optimizer", type, factory);
    }

    /**
     * The names registered of one kind.
     *
     * @param kind {@code "activation"}, {@code "loss"} or {@code "optimizer"}
     * @return the names, sorted
     */
    public Set<String> names(String kind) {
        checkArgument(KINDS.contains(kind), "kind '%s' is not one of %s", kind, KINDS);
        Set<String> names = new java.util.TreeSet<>();
        types.keySet().stream().filter(k -> k.startsWith(kind + " ")).forEach(k -> names.add(k.substring(kind.length() + 1)));
        return names;
    }

    private PartRegistry with(String kind, Class<?> type, Function<Map<String, Double>, ?> factory) {
        checkNotNull(type, "type");
        checkNotNull(factory, "factory");
        String name = type.getSimpleName();
        checkArgument(PartText.isName(name), "a %s class needs a simple name (letters, digits, _ or $) to be saved; %s has"
                + " none", kind, type.getName());
        String key = kind + " " + name;
        checkArgument(!types.containsKey(key), "%s %s named %s is registered already", kind.equals("loss") ? "a" : "an", kind,
                name);
        Map<String, Class<?>> t = new TreeMap<>(types);
        Map<String, Function<Map<String, Double>, ?>> f = new TreeMap<>(factories);
        t.put(key, type);
        f.put(key, factory);
        return new PartRegistry(t, f);
    }

    /**
     * Makes the part a file names, checking that it is of the registered class and that its own
     * settings are the file's, bit for bit.
     *
     * @throws IllegalArgumentException naming the problem; the parser adds the line
     */
    <T> T make(String kind, Class<T> base, String name, Map<String, Double> settings) {
        Class<?> type = types.get(kind + " " + name);
        checkArgument(type != null, "unknown %s '%s'; known: %s. A part of your own is read with a registry that knows it:"
                + " Model.load(file, PartRegistry.defaults().with%s(%s.class, settings -> new %s(...)))", kind, name,
                names(kind), Character.toUpperCase(kind.charAt(0)) + kind.substring(1), name, name);
        Object part;
        try {
            part = factories.get(kind + " " + name).apply(Map.copyOf(settings));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + kind + " " + name + " cannot be made from the settings "
                    + settings + ": " + e, e);
        }
        checkArgument(part != null && part.getClass() == type, "the factory registered for the %s %s made %s, not a %s",
                kind, name, part == null ? null : part.getClass().getName(), type.getName());
        Map<String, Double> made;
        try {
            made = PartText.settings(part);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + kind + " " + name + "'s settings() failed: " + e, e);
        }
        checkArgument(made.equals(settings), "the %s %s made from the file's settings %s has the settings %s", kind, name,
                settings, made);
        return base.cast(part);
    }
}
