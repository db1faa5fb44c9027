package io.github.backprop4j.io;

import java.util.List;

/** The text of a model file, everything but the final checksum line. */
final class ModelPrinter {

    private final StringBuilder out = new StringBuilder();

    private ModelPrinter() {
    }

    static String print(ModelData data) {
        ModelPrinter p = new ModelPrinter();
        p.line(ModelFile.MAGIC + " " + ModelFile.VERSION);
        p.line("model " + (data.regression() ? "regressor" : "classifier"));
        p.line("loss " + PartText.print("the loss", data.loss()));
        p.names("features", data.featureNames());
        p.names("outputs", data.outputNames());
        p.columns(data.columns());
        p.scaling(data.scaler());
        p.targets(data.targets());
        p.provenance(data.provenance());
        p.line("layers " + data.layers().size());
        for (int l = 0; l < data.layers().size(); l++) {
            p.layer(l, data.layers().get(l));
        }
        if (data.optimizer() != null) {
            p.optimizer(data);
        }
        if (data.run() != null) {
            RunPrinter.print(data.run(), p.out);
        }
        p.line("end");
        return p.out.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void names(String keyword, List<String> names) {
        line(keyword + " " + names.size());
        for (String name : names) {
            line("name " + quote(name));
        }
    }

    /** {@code "..."} with {@code \\}, {@code \"}, {@code \n}, {@code \r} and {@code \t} escaped. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    /** From version 4: the raw columns and how each becomes inputs, or {@code columns none}. */
    private void columns(io.github.backprop4j.data.Preprocessing c) {
        if (c == null) {
            line("columns none");
            return;
        }
        line("columns " + c.columns().size() + " unknown " + (c.unknownCategories()
                == io.github.backprop4j.data.PreprocessingOptions.UnknownCategories.ERROR ? "error" : "zeros"));
        line("missing " + c.missingTokens().size());
        for (String token : c.missingTokens()) {
            line("name " + quote(token));
        }
        for (io.github.backprop4j.data.EncodedColumn column : c.columns()) {
            if (column instanceof io.github.backprop4j.data.NumericColumn n) {
                ModelFile.checkFinite("column " + n.name() + " fill", n.fill());
                line("column number " + n.imputation().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + Numbers.format(n.fill()) + " " + (n.indicator() ? "indicator" : "plain"));
                line("name " + quote(n.name()));
            } else {
                io.github.backprop4j.data.CategoricalColumn k = (io.github.backprop4j.data.CategoricalColumn) column;
                line("column category " + k.categories().size() + " " + (k.other() ? "other" : "no-other") + " "
                        + (k.missing() ? "missing" : "no-missing"));
                line("name " + quote(k.name()));
                for (String category : k.categories()) {
                    line("name " + quote(category));
                }
            }
        }
    }

    private void scaling(ModelData.Scaling s) {
        if ("none".equals(s.kind())) {
            line("scaler none");
            return;
        }
        line("scaler " + s.kind() + " " + s.offset().length);
        numbers("offset", s.offset(), "scaler offset");
        numbers("scale", s.scale(), "scaler scale");
    }

    /** From version 5: {@code targets none}, or the targets' standardisation. */
    private void targets(ModelData.Scaling t) {
        if ("none".equals(t.kind())) {
            line("targets none");
            return;
        }
        line("targets standard " + t.offset().length);
        numbers("offset", t.offset(), "target offset");
        numbers("scale", t.scale(), "target scale");
    }

    /** From version 6: {@code provenance none}, or where the model came from. */
    private void provenance(Provenance p) {
        if (p == null) {
            line("provenance none");
            return;
        }
        line("provenance " + quote(p.libraryVersion()) + " epochs " + p.epochs() + " rows " + p.rows() + " schema "
                + p.schemaHash());
        line("stop " + quote(p.stopReason()));
        RunPrinter.settings(p.config(), out);
    }

    private void layer(int l, ModelData.Layer layer) {
        double[][] w = layer.weights();
        line("layer " + l + " " + w.length + " " + w[0].length + " " + PartText.print("layer " + l + "'s activation",
                layer.activation()));
        matrix("W", w, "layer " + l + " W");
        numbers("b", layer.bias(), "layer " + l + " b");
    }

    private void optimizer(ModelData data) {
        line("optimizer " + PartText.print("the optimizer", data.optimizer()));
        for (int l = 0; l < data.layers().size(); l++) {
            state(l, "W", data.layers().get(l).weightState());
            state(l, "b", data.layers().get(l).biasState());
        }
    }

    private void state(int l, String parameter, ModelData.State state) {
        if (state == null) {
            line("state " + l + " " + parameter + " none");
            return;
        }
        line("state " + l + " " + parameter + " " + state.steps() + " " + state.names().size());
        for (int i = 0; i < state.names().size(); i++) {
            line("buffer " + quote(state.names().get(i)));
            double[][] buffer = state.buffers().get(i);
            for (double[] row : buffer) {
                numbers(null, row, "layer " + l + " " + parameter + " state " + state.names().get(i));
            }
        }
    }

    private void matrix(String keyword, double[][] m, String what) {
        line(keyword);
        for (double[] row : m) {
            numbers(null, row, what);
        }
    }

    private void numbers(String keyword, double[] values, String what) {
        StringBuilder s = new StringBuilder(keyword == null ? "" : keyword + " ");
        for (int j = 0; j < values.length; j++) {
            ModelFile.checkFinite(what + "[" + j + "]", values[j]);
            s.append(j == 0 ? "" : " ").append(Numbers.format(values[j]));
        }
        line(s.toString());
    }
}
