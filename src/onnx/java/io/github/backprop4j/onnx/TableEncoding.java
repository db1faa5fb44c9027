package io.github.backprop4j.onnx;

import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.EncodedColumn;
import io.github.backprop4j.data.NumericColumn;
import io.github.backprop4j.data.Preprocessing;
import java.util.ArrayList;
import java.util.List;

/**
 * A table model's preprocessing as standard ONNX operators in the graph's precision, before its
 * scaling: a column of numbers is an input {@code [N, 1]} whose gaps (NaN) {@code IsNaN} +
 * {@code Where} fill, with {@code Cast(IsNaN)} as its indicator; a column of categories is an
 * input {@code [N, 1]} of strings, one-hot encoded by {@code Equal} + {@code Cast} against each
 * known category, its gap being any of the model's missing tokens. The pieces are concatenated in
 * the model's input order.
 */
final class TableEncoding {

    private TableEncoding() {
    }

    /**
     * Adds the inputs and the nodes that encode them; returns the encoded {@code [N, inputs]}. A
     * table of numbers only has one input, {@value OnnxExport#FEATURES}, {@code [N, columns]};
     * one with categories has one input per raw column.
     */
    static String encode(GraphBuilder g, Preprocessing p) {
        if (p.columns().stream().allMatch(c -> c instanceof NumericColumn)) {
            return numbers(g, p);
        }
        List<String> pieces = new ArrayList<>();
        List<String> reserved = List.of(OnnxExport.PROBABILITIES, OnnxExport.LABEL, OnnxExport.VALUES);
        for (int c = 0; c < p.columns().size(); c++) {
            EncodedColumn column = p.columns().get(c);
            String name = column.name();
            OnnxChecks.checkArgument(!reserved.contains(name) && !name.startsWith("/"), "column '%s' would be named like one"
                    + " of the graph's outputs %s or inner values (which start with /)", name, reserved);
            String at = "/column" + c;
            if (column instanceof NumericColumn n) {
                g.input(name, 1);
                String gap = g.node("IsNaN", at + "_gap", List.of(name));
                pieces.add(g.node("Where", at + "_filled", List.of(gap, g.initializer(at + "_fill", new double[] {n.fill()}, 1),
                        name)));
                if (n.indicator()) {
                    pieces.add(cast(g, gap, at + "_indicator"));
                }
                continue;
            }
            CategoricalColumn k = (CategoricalColumn) column;
            g.textInput(name);
            String gap = null;
            for (int t = 0; t < p.missingTokens().size(); t++) {
                String is = g.node("Equal", at + "_token" + t, List.of(name, g.stringConstant(at + "_token" + t + "_text",
                        p.missingTokens().get(t))));
                gap = gap == null ? is : g.node("Or", at + "_gap" + t, List.of(gap, is));
            }
            String known = null;
            for (int j = 0; j < k.categories().size(); j++) {
                String is = g.node("Equal", at + "_is" + j, List.of(name, g.stringConstant(at + "_category" + j,
                        k.categories().get(j))));
                pieces.add(cast(g, is, at + "_onehot" + j));
                known = known == null ? is : g.node("Or", at + "_known" + j, List.of(known, is));
            }
            if (k.other()) {
                // neither a known category nor a gap
                String seen = known == null ? gap : gap == null ? known : g.node("Or", at + "_seen", List.of(known, gap));
                String other = seen == null ? g.node("Equal", at + "_always", List.of(name, name))
                        : g.node("Not", at + "_other", List.of(seen));
                pieces.add(cast(g, other, at + "_other_input"));
            }
            if (k.missing()) {
                OnnxChecks.checkArgument(gap != null, "column '%s' has a (missing) input but the model has no missing tokens", name);
                pieces.add(cast(g, gap, at + "_missing_input"));
            }
        }
        return g.node("Concat", "/encoded", pieces, GraphBuilder.intAttribute("axis", 1));
    }

    /** {@code Where(IsNaN(X), fill, X)}, and the indicators {@code Cast(IsNaN(X))} gathered beside their columns. */
    private static String numbers(GraphBuilder g, Preprocessing p) {
        int columns = p.columns().size();
        g.input(OnnxExport.FEATURES, columns);
        double[] fill = new double[columns];
        List<Long> order = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            NumericColumn n = (NumericColumn) p.columns().get(c);
            fill[c] = n.fill();
            order.add((long) c);
            if (n.indicator()) {
                order.add((long) (columns + c));    // its indicator, from the second half of [filled, indicators]
            }
        }
        String gap = g.node("IsNaN", "/gap", List.of(OnnxExport.FEATURES));
        String filled = g.node("Where", "/filled", List.of(gap, g.initializer("/fill", fill, columns), OnnxExport.FEATURES));
        if (order.size() == columns) {
            return filled;
        }
        String both = g.node("Concat", "/filled_and_indicators", List.of(filled, cast(g, gap, "/indicators")),
                GraphBuilder.intAttribute("axis", 1));
        return g.node("Gather", "/encoded", List.of(both, g.longInitializer("/input_order",
                order.stream().mapToLong(Long::longValue).toArray())), GraphBuilder.intAttribute("axis", 1));
    }

    private static String cast(GraphBuilder g, String bool, String output) {
        return g.node("Cast", output, List.of(bool), GraphBuilder.intAttribute("to", g.numberType()));
    }
}
