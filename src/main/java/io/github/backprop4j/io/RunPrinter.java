package io.github.backprop4j.io;

import io.github.backprop4j.train.EpochMetrics;
import java.util.List;
import java.util.Map;

/**
 * The {@code run} section of a checkpoint (format version 2): where the training run stands. Its
 * layout is in docs/model-format.md; {@link RunParser} reads it back.
 */
final class RunPrinter {

    private final StringBuilder out;

    private RunPrinter(StringBuilder out) {
        this.out = out;
    }

    static void print(ModelData.Run run, StringBuilder out) {
        new RunPrinter(out).run(run);
    }

    /** {@code settings <n>}, then {@code setting "name" "value"} for each. */
    static void settings(Map<String, String> settings, StringBuilder out) {
        out.append("settings ").append(settings.size()).append('\n');
        for (Map.Entry<String, String> s : settings.entrySet()) {
            out.append("setting ").append(ModelPrinter.quote(s.getKey())).append(' ').append(ModelPrinter.quote(s.getValue()))
                    .append('\n');
        }
    }

    private void run(ModelData.Run r) {
        line("run");
        settings(r.settings(), out);
        line("data " + r.rows() + " " + r.dataHash());
        line("position " + r.epochsDone() + " " + r.batchesDone() + " " + number(r.epochLoss()) + " " + r.epochCorrect()
                + " " + r.elapsedNanos());
        line("shuffle " + r.shuffleAtEpochStart()[0] + " " + r.shuffleAtEpochStart()[1] + " " + r.shuffle()[0] + " "
                + r.shuffle()[1]);
        line("dropout " + r.dropout().size());
        for (Map.Entry<Integer, long[]> d : r.dropout().entrySet()) {
            line("generator " + d.getKey() + " " + d.getValue()[0] + " " + d.getValue()[1]);
        }
        line("reference " + number(r.initialLoss()));
        line("stopping " + number(r.best()) + " " + r.bestEpoch() + " " + r.waited());
        line("stopped " + (r.stopReason() == null ? "none" : ModelPrinter.quote(r.stopReason())));
        line("epochs " + r.epochs().size());
        for (EpochMetrics m : r.epochs()) {
            line("epoch " + m.epoch() + " " + number(m.loss()) + " " + number(m.accuracy()) + " " + number(m.validationLoss())
                    + " " + number(m.validationAccuracy()) + " " + number(m.learningRate()) + " " + m.elapsed().toNanos());
        }
        parameters("best", r.bestParameters());
        parameters("continue", r.continueFrom());
    }

    private void parameters(String keyword, List<double[][]> parameters) {
        if (parameters.isEmpty()) {
            line(keyword + " none");
            return;
        }
        line(keyword + " " + parameters.size());
        for (double[][] p : parameters) {
            for (double[] row : p) {
                StringBuilder s = new StringBuilder();
                for (int j = 0; j < row.length; j++) {
                    ModelFile.checkFinite(keyword + " parameter", row[j]);
                    s.append(j == 0 ? "" : " ").append(Numbers.format(row[j]));
                }
                line(s.toString());
            }
        }
    }

    /** A finite number as the format spells it, or {@code nan} where a figure is absent. */
    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        ModelFile.checkFinite("a training run figure", v);
        return Numbers.format(v);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
