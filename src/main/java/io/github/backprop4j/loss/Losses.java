package io.github.backprop4j.loss;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.math.Matrices;

/** Shape checks shared by the losses (they allocate nothing unless a check fails), and their allocating gradient. */
final class Losses {

    private Losses() {
    }

    /** Checks that {@code a} and {@code b} are matrices of one shape, naming the loss, method and shapes otherwise. */
    static void checkShapes(Loss loss, String method, double[][] a, double[][] b) {
        boolean ok = a != null && b != null && a.length > 0 && a.length == b.length;
        int columns = ok && a[0] != null ? a[0].length : -1;
        for (int i = 0; ok && i < a.length; i++) {
            ok = a[i] != null && b[i] != null && a[i].length == columns && b[i].length == columns && columns > 0;
        }
        if (!ok) {
            Matrices.checkMatrix(a, loss + "." + method + ": predicted");
            Matrices.checkMatrix(b, loss + "." + method + ": target");
            checkArgument(false, "%s.%s: predicted %s and target %s must have the same shape",
                    loss, method, Matrices.shape(a), Matrices.shape(b));
        }
    }

    /** {@return {@code ∂L/∂P} in a new array: for losses that compute it in {@link Loss#gradientInto}} */
    static double[][] newGradient(Loss loss, double[][] predicted, double[][] target) {
        checkShapes(loss, "gradient", predicted, target);
        double[][] grad = new double[predicted.length][predicted[0].length];
        loss.gradientInto(predicted, target, grad);
        return grad;
    }
}
