package io.github.backprop4j;

import java.util.List;

/** The text of a {@link StepTrace}: plain ASCII, each matrix with its name, shape and equation. */
final class StepTraceText {

    private final StepTrace trace;
    private final String loss;
    private final String optimizer;
    private final StringBuilder out = new StringBuilder();

    StepTraceText(StepTrace trace, String loss, String optimizer) {
        this.trace = trace;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    @Override
    public String toString() {
        List<StepTrace.LayerTrace> layers = trace.layers();
        int rows = layers.get(0).input().length;
        out.append("One training step on a batch of ").append(rows).append(rows == 1 ? " row" : " rows")
                .append(": loss ").append(loss).append(", optimizer ").append(optimizer).append("\n\nFORWARD\n");
        for (int l = 0; l < layers.size(); l++) {
            StepTrace.LayerTrace t = layers.get(l);
            out.append("layer ").append(l).append("  ").append(t.layer()).append('\n');
            matrix("X", t.input(), l == 0 ? "the batch, one row per sample" : "A of layer " + (l - 1));
            matrix("Z", t.preActivation(), "Z = X.W + b");
            matrix("A", t.output(), "A = f(Z)");
        }
        int outputs = layers.get(layers.size() - 1).output()[0].length;
        // squared error averages every element, B·K of them; the cross-entropies average the rows' losses
        String mean = loss.startsWith("MeanSquaredError") ? String.format(java.util.Locale.ROOT,
                "the mean over the B*K = %d*%d elements", rows, outputs) : "the mean over the batch's " + rows + " rows";
        out.append(String.format(java.util.Locale.ROOT, "%nLOSS  L = %.9f  (%s, %s)%n%nBACKWARD%n", trace.loss(), loss, mean));
        for (int l = layers.size() - 1; l >= 0; l--) {
            backward(l, layers.get(l));
        }
        return out.toString();
    }

    private void backward(int l, StepTrace.LayerTrace t) {
        out.append("layer ").append(l).append("  ").append(t.layer()).append('\n');
        if (t.fused()) {
            note("dA", "not computed: on the fused path the loss and the output activation are differentiated"
                    + " together from the logits Z, which stays exact when a probability underflows");
            matrix("dZ", t.preActivationGradient(), "dZ = (P - Y) / B   (fused)");
            out.append("  the general path, for comparison (the same numbers while nothing underflows):\n");
            matrix("dA", t.generalOutputGradient(), "dA = dL/dP   (general)");
            matrix("dZ", t.generalPreActivationGradient(), "dZ = f'(Z)^T dA   (general)");
        } else {
            matrix("dA", t.outputGradient(), l == trace.layers().size() - 1 ? "dA = dL/dA, from the loss"
                    : "dA = dA_prev of layer " + (l + 1));
            matrix("dZ", t.preActivationGradient(), "dZ = dA (*) f'(Z)   (element-wise; a Jacobian product for Softmax)");
        }
        matrix("dW", t.weightGradient(), "dW = X^T . dZ");
        matrix("db", t.biasGradient(), "db = column sums of dZ");
        if (t.inputGradient() == null) {
            note("dA_prev", "not computed: for the first layer it is dL/dX, the gradient for the data itself,"
                    + " which training never uses");
        } else {
            matrix("dA_prev", t.inputGradient(), "dA_prev = dZ . W^T, with W before the update");
        }
        matrix("W before", t.weightsBefore(), "");
        matrix("W after", t.weightsAfter(), "the optimizer's step with dW, e.g. W - lr * dW");
        matrix("b before", t.biasBefore(), "");
        matrix("b after", t.biasAfter(), "the optimizer's step with db");
    }

    private void matrix(String name, double[][] m, String equation) {
        out.append(String.format(java.util.Locale.ROOT, "  %-9s %dx%d%s%n", name, m.length, m[0].length,
                equation.isEmpty() ? "" : "  " + equation));
        for (double[] row : m) {
            out.append("   ");
            for (double v : row) {
                out.append(' ').append(StepTrace.number(v));
            }
            out.append('\n');
        }
    }

    private void note(String name, String text) {
        out.append(String.format(java.util.Locale.ROOT, "  %-9s %s%n", name, text));
    }
}
