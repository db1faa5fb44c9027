package io.github.backprop4j.io;

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
import java.util.List;

/**
 * The closed list of names a model file may use, both ways. Loading never looks a class up by
 * name: an unknown name is an error.
 */
final class Names {

    static final List<String> ACTIVATIONS = List.of("Sigmoid", "ReLU", "Tanh", "Identity", "Softmax");
    static final List<String> LOSSES = List.of("CategoricalCrossEntropy", "BinaryCrossEntropy", "MeanSquaredError");
    static final List<String> OPTIMIZERS = List.of("Sgd", "Momentum", "RmsProp", "Adam", "AdamW");

    private Names() {
    }

    /** The activation called {@code name}, or null. */
    static Activation activation(String name) {
        return switch (name) {
            case "Sigmoid" -> new Sigmoid();
            case "ReLU" -> new ReLU();
            case "Tanh" -> new Tanh();
            case "Identity" -> new Identity();
            case "Softmax" -> new Softmax();
            default -> null;
        };
    }

    /** The name of a built-in activation, or null for any other. */
    static String of(Activation activation) {
        Class<?> c = activation.getClass();
        return c == Sigmoid.class || c == ReLU.class || c == Tanh.class || c == Identity.class || c == Softmax.class
                ? c.getSimpleName() : null;
    }

    /** The loss called {@code name}, or null. */
    static Loss loss(String name) {
        return switch (name) {
            case "CategoricalCrossEntropy" -> new CategoricalCrossEntropy();
            case "BinaryCrossEntropy" -> new BinaryCrossEntropy();
            case "MeanSquaredError" -> new MeanSquaredError();
            default -> null;
        };
    }

    /** The name of a built-in loss, or null for any other. */
    static String of(Loss loss) {
        Class<?> c = loss.getClass();
        return c == CategoricalCrossEntropy.class || c == BinaryCrossEntropy.class || c == MeanSquaredError.class
                ? c.getSimpleName() : null;
    }

    /** The settings of a built-in optimizer in the order the file lists them, or null for any other. */
    static double[] settings(Optimizer o) {
        if (o instanceof Sgd s) {
            return new double[] {s.learningRate()};
        } else if (o instanceof Momentum m) {
            return new double[] {m.learningRate(), m.momentum(), m.nesterov() ? 1 : 0};
        } else if (o instanceof RmsProp r) {
            return new double[] {r.learningRate(), r.rho(), r.epsilon()};
        } else if (o instanceof Adam a) {
            return new double[] {a.learningRate(), a.beta1(), a.beta2(), a.epsilon()};
        } else if (o instanceof AdamW w) {
            return new double[] {w.learningRate(), w.beta1(), w.beta2(), w.epsilon(), w.weightDecay()};
        }
        return null;
    }

    /** How many settings the optimizer called {@code name} has, or −1 for an unknown name. */
    static int settingCount(String name) {
        return switch (name) {
            case "Sgd" -> 1;
            case "Momentum", "RmsProp" -> 3;
            case "Adam" -> 4;
            case "AdamW" -> 5;
            default -> -1;
        };
    }

    /** The optimizer called {@code name} with settings {@code s} (validated by its constructor). */
    static Optimizer optimizer(String name, double[] s) {
        return switch (name) {
            case "Sgd" -> new Sgd(s[0]);
            case "Momentum" -> new Momentum(s[0], s[1], s[2] != 0);
            case "RmsProp" -> new RmsProp(s[0], s[1], s[2]);
            case "Adam" -> new Adam(s[0], s[1], s[2], s[3]);
            case "AdamW" -> new AdamW(s[0], s[1], s[2], s[3], s[4]);
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }
}
