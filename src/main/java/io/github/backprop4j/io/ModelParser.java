package io.github.backprop4j.io;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Parses the checked text of a model file line by line. Every count is checked against what is
 * left of the file before anything of that size is allocated; every problem names its line.
 */
final class ModelParser {

    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern PROVENANCE = Pattern.compile("(\".*\") epochs (\\d{1,9}) rows (\\d{1,9}) schema ([0-9a-f]{64})");
    private static final Map<String, List<String>> LEGACY_SETTINGS = Map.of("Sgd", List.of("learningRate"),
            "Momentum", List.of("learningRate", "momentum", "nesterov"), "RmsProp", List.of("learningRate", "rho", "epsilon"),
            "Adam", List.of("learningRate", "beta1", "beta2", "epsilon"),
            "AdamW", List.of("learningRate", "beta1", "beta2", "epsilon", "weightDecay"));

    private final String[] lines;
    private final String source;
    private final int version;
    private final PartRegistry parts;
    private int next;              // index of the next line; its line number is next + 1
    private long charactersLeft;   // characters of the lines not yet read

    ModelParser(String text, String source, int version, PartRegistry parts) {
        this.lines = text.split("\n", -1);
        this.source = source;
        this.version = version;
        this.parts = parts;
        this.charactersLeft = text.length();
    }

    ModelData parse() {
        line();     // the magic line, already checked
        boolean regression = switch (keyword("model")) {
            case "classifier" -> false;
            case "regressor" -> true;
            default -> throw error(next, "expected 'model classifier' or 'model regressor'");
        };
        Loss loss = part("loss", Loss.class, keyword("loss").split(" ", -1), 0);
        List<String> features = names("features");
        List<String> outputs = names("outputs");
        ColumnsSection section = version >= 4 ? columns(features) : null;
        ModelData.Scaling scaling = scaling(features.size());
        io.github.backprop4j.data.Preprocessing columns = null;
        if (section != null) {
            if (!scaling.kind().equals("standard")) {
                throw error(next, "a model with encoded columns must have 'scaler standard', got '" + scaling.kind() + "'");
            }
            try {
                columns = new io.github.backprop4j.data.Preprocessing(section.columns, section.tokens, section.unknown,
                        new io.github.backprop4j.data.StandardScaler(scaling.offset(), scaling.scale()));
            } catch (IllegalArgumentException e) {
                throw error(next, "the columns section: " + e.getMessage());
            }
        }
        ModelData.Scaling targets = version >= 5 ? targets(regression, outputs.size()) : ModelData.Scaling.NONE;
        Provenance provenance = version >= 6 ? provenance() : null;
        int layerCount = count(keyword("layers"), "layers");
        checkFits(layerCount, 3, "layers");
        List<ModelData.Layer> layers = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            layers.add(layer(l, l == 0 ? features.size() : layers.get(l - 1).bias().length));
        }
        Optimizer optimizer = null;
        if (peek().startsWith("optimizer ")) {
            optimizer = optimizer();
            layers = states(layers);
        }
        ModelData.Run run = null;
        if (version >= 2 && optimizer != null && peek().equals("run")) {
            run = new RunParser(this, layers, version).parse();
        }
        expectLine("end");
        if (next != lines.length - 1) {
            throw error(next + 1, "unexpected text after 'end'");
        }
        ShapeChecks.check(source, regression, loss, features, outputs, layers);
        return new ModelData(regression, loss, features, outputs, scaling, layers, optimizer, run, columns, targets,
                provenance);
    }

    private List<String> names(String keyword) {
        int n = count(keyword(keyword), keyword);
        checkFits(n, 1, keyword);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(unquote(keyword("name")));
        }
        return names;
    }

    /** The parts of a columns section, before the scaler that follows it. */
    private record ColumnsSection(List<io.github.backprop4j.data.EncodedColumn> columns, List<String> tokens,
            io.github.backprop4j.data.PreprocessingOptions.UnknownCategories unknown) {
    }

    /** The {@code columns} section of version 4: none, or each raw column's encoding, matching the input names. */
    private ColumnsSection columns(List<String> inputs) {
        String header = keyword("columns");
        if (header.equals("none")) {
            return null;
        }
        String[] words = header.split(" ", -1);
        if (words.length != 3 || !words[1].equals("unknown") || !(words[2].equals("error") || words[2].equals("zeros"))) {
            throw error(next, "expected 'columns none' or 'columns <count> unknown error|zeros'");
        }
        int count = count(words[0], "columns");
        checkFits(count, 2, "columns");
        String missing = keyword("missing");
        int tokenCount = missing.equals("0") ? 0 : count(missing, "missing tokens");
        checkFits(tokenCount, 7, "missing tokens");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < tokenCount; i++) {
            tokens.add(unquote(keyword("name")));
        }
        List<io.github.backprop4j.data.EncodedColumn> columns = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String[] kind = keyword("column").split(" ", -1);
            io.github.backprop4j.data.EncodedColumn column;
            try {
                if (kind.length == 4 && kind[0].equals("number") && (kind[1].equals("median") || kind[1].equals("mean"))
                        && (kind[3].equals("indicator") || kind[3].equals("plain"))) {
                    double fill = number(kind[2], "column " + c + " fill");
                    column = new io.github.backprop4j.data.NumericColumn(unquote(keyword("name")),
                            io.github.backprop4j.data.PreprocessingOptions.Imputation.valueOf(
                                    kind[1].toUpperCase(java.util.Locale.ROOT)), fill, kind[3].equals("indicator"));
                } else if (kind.length == 4 && kind[0].equals("category") && (kind[2].equals("other")
                        || kind[2].equals("no-other")) && (kind[3].equals("missing") || kind[3].equals("no-missing"))) {
                    int categories = kind[1].equals("0") ? 0 : count(kind[1], "column " + c + " categories");
                    checkFits(categories, 7, "categories");
                    String name = unquote(keyword("name"));
                    List<String> names = new ArrayList<>();
                    for (int k = 0; k < categories; k++) {
                        names.add(unquote(keyword("name")));
                    }
                    column = new io.github.backprop4j.data.CategoricalColumn(name, names, kind[2].equals("other"),
                            kind[3].equals("missing"));
                } else {
                    throw error(next, "expected 'column number median|mean <fill> indicator|plain' or"
                            + " 'column category <count> other|no-other missing|no-missing'");
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof ModelFormatException m) {
                    throw m;
                }
                throw error(next, "column " + c + ": " + e.getMessage());
            }
            columns.add(column);
            encoded.addAll(column.inputNames());
        }
        if (!encoded.equals(inputs)) {
            throw error(next, "the columns encode to the inputs " + shorten(encoded.toString()) + " but the features are "
                    + shorten(inputs.toString()));
        }
        return new ColumnsSection(columns, tokens, words[2].equals("error")
                ? io.github.backprop4j.data.PreprocessingOptions.UnknownCategories.ERROR
                : io.github.backprop4j.data.PreprocessingOptions.UnknownCategories.ALL_ZEROS);
    }

    private ModelData.Scaling scaling(int features) {
        String[] words = keyword("scaler").split(" ", -1);
        if (words.length == 1 && words[0].equals("none")) {
            return ModelData.Scaling.NONE;
        }
        if (words.length != 2 || !(words[0].equals("standard") || words[0].equals("minmax"))) {
            throw error(next, "expected 'scaler none', 'scaler standard <columns>' or 'scaler minmax <columns>'");
        }
        int columns = count(words[1], "scaler columns");
        if (columns != features) {
            throw error(next, "the scaler has " + columns + " columns but the model has " + features + " features");
        }
        return offsetAndScale(words[0], columns, "scaler");
    }

    /** The {@code offset} and {@code scale} lines of {@code count} numbers each, every scale > 0. */
    private ModelData.Scaling offsetAndScale(String kind, int count, String what) {
        double[] offset = numbers(keyword("offset"), count, what + " offset");
        double[] scale = numbers(keyword("scale"), count, what + " scale");
        for (int j = 0; j < count; j++) {
            if (scale[j] <= 0) {
                throw error(next, what + " scale " + j + " is " + scale[j] + "; scales must be > 0");
            }
        }
        return new ModelData.Scaling(kind, offset, scale);
    }

    /** The {@code targets} line of version 5: none, or a regression model's target standardisation. */
    private ModelData.Scaling targets(boolean regression, int outputs) {
        String[] words = keyword("targets").split(" ", -1);
        if (words.length == 1 && words[0].equals("none")) {
            return ModelData.Scaling.NONE;
        }
        if (words.length != 2 || !words[0].equals("standard")) {
            throw error(next, "expected 'targets none' or 'targets standard <count>'");
        }
        if (!regression) {
            throw error(next, "a classifier has no targets to scale; expected 'targets none'");
        }
        int count = count(words[1], "targets");
        if (count != outputs) {
            throw error(next, "the targets' scaling has " + count + " columns but the model has " + outputs + " outputs");
        }
        return offsetAndScale("standard", count, "target");
    }

    /** The {@code provenance} section of version 6: none, or where the model came from. */
    private Provenance provenance() {
        String header = keyword("provenance");
        if (header.equals("none")) {
            return null;
        }
        java.util.regex.Matcher m = PROVENANCE.matcher(header);
        if (!m.matches()) {
            throw error(next, "expected 'provenance none' or 'provenance \"<version>\" epochs <n> rows <n> schema <hash>'");
        }
        String version = unquote(m.group(1));
        int line = next;
        String stop = unquote(keyword("stop"));
        java.util.Map<String, String> config = RunParser.settings(this);
        try {
            return new Provenance(version, config, Integer.parseInt(m.group(2)),
                    stop, Integer.parseInt(m.group(3)), m.group(4));
        } catch (IllegalArgumentException e) {
            throw error(line, "the provenance: " + e.getMessage());
        }
    }

    /** The index of the next line, whose line number is one more. */
    int next() {
        return next;
    }

    private ModelData.Layer layer(int l, int expectedInputs) {
        String[] words = keyword("layer").split(" ", -1);
        if (words.length < 4 || !words[0].equals(String.valueOf(l))) {
            throw error(next, "expected 'layer " + l + " <inputs> <outputs> <activation> [<setting>=<number> ...]'");
        }
        int inputs = count(words[1], "inputs");
        int outputs = count(words[2], "outputs");
        if (inputs != expectedInputs) {
            throw error(next, "layer " + l + " has " + inputs + " inputs but "
                    + (l == 0 ? "the model has " + expectedInputs + " features" : "layer " + (l - 1) + " has " + expectedInputs + " outputs"));
        }
        Activation activation = part("activation", Activation.class, words, 3);
        checkFits((long) inputs * outputs, 2, "layer " + l + " W entries");
        expectLine("W");
        double[][] w = matrix(inputs, outputs, "layer " + l + " W");
        double[] b = numbers(keyword("b"), outputs, "layer " + l + " b");
        return new ModelData.Layer(activation, w, b, null, null);
    }

    private Optimizer optimizer() {
        String[] words = keyword("optimizer").split(" ", -1);
        if (version >= 6) {
            return part("optimizer", Optimizer.class, words, 0);
        }
        // up to version 5 the built-in optimizers' settings stood in this order, without names
        List<String> names = LEGACY_SETTINGS.get(words[0]);
        if (names == null) {
            throw error(next, "unknown optimizer '" + words[0] + "'; known: " + new java.util.TreeSet<>(LEGACY_SETTINGS.keySet()));
        }
        if (words.length != names.size() + 1) {
            throw error(next, words[0] + " has " + names.size() + " settings, the line has " + (words.length - 1));
        }
        Map<String, Double> settings = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            settings.put(names.get(i), number(words[i + 1], words[0] + " setting " + i));
        }
        return make("optimizer", Optimizer.class, words[0], settings);
    }

    /** The part named by {@code words[from]}, made from the {@code name=number} settings after it. */
    private <T> T part(String kind, Class<T> base, String[] words, int from) {
        Map<String, Double> settings = new TreeMap<>();
        for (int i = from + 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String name = eq < 0 ? "" : words[i].substring(0, eq);
            if (!name.matches("[A-Za-z_]\\w*") || settings.containsKey(name)) {
                throw error(next, "expected each setting once as 'name=number', got '" + shorten(words[i]) + "'");
            }
            settings.put(name, number(words[i].substring(eq + 1), kind + " setting " + name));
        }
        return make(kind, base, words[from], settings);
    }

    private <T> T make(String kind, Class<T> base, String name, Map<String, Double> settings) {
        try {
            return parts.make(kind, base, name, settings);
        } catch (IllegalArgumentException e) {
            throw error(next, e.getMessage());
        }
    }

    private List<ModelData.Layer> states(List<ModelData.Layer> layers) {
        List<ModelData.Layer> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            ModelData.Layer layer = layers.get(l);
            ModelData.State w = state(l, "W", layer.weights().length, layer.bias().length);
            ModelData.State b = state(l, "b", 1, layer.bias().length);
            out.add(new ModelData.Layer(layer.activation(), layer.weights(), layer.bias(), w, b));
        }
        return out;
    }

    private ModelData.State state(int l, String parameter, int rows, int columns) {
        String[] words = keyword("state").split(" ", -1);
        if (words.length == 3 && words[0].equals(String.valueOf(l)) && words[1].equals(parameter) && words[2].equals("none")) {
            return null;
        }
        if (words.length != 4 || !words[0].equals(String.valueOf(l)) || !words[1].equals(parameter)) {
            throw error(next, "expected 'state " + l + " " + parameter + " <steps> <buffers>' or 'state " + l + " "
                    + parameter + " none'");
        }
        if (!words[2].matches("\\d{1,18}")) {
            throw error(next, "'" + words[2] + "' is not a step count");
        }
        long steps = Long.parseLong(words[2]);
        // zero buffers is a state too: plain SGD keeps only its step count
        int count = "0".equals(words[3]) ? 0 : count(words[3], "buffers");
        checkFits(count, (long) rows + 1, "buffers");
        List<String> names = new ArrayList<>();
        List<double[][]> buffers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(unquote(keyword("buffer")));
            buffers.add(matrix(rows, columns, "layer " + l + " " + parameter + " state " + names.get(i)));
        }
        return new ModelData.State(steps, names, buffers);
    }

    double[][] matrix(int rows, int columns, String what) {
        // each row is a line of at least 2·columns − 1 characters: check before allocating
        checkFits((long) rows * columns, 2, what + " entries");
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = numbers(line(), columns, what + " row " + i);
        }
        return m;
    }

    double[] numbers(String text, int count, String what) {
        String[] words = text.split(" ", -1);
        if (words.length != count) {
            throw error(next, what + " has " + words.length + " numbers, expected " + count);
        }
        double[] v = new double[count];
        for (int j = 0; j < count; j++) {
            v[j] = number(words[j], what + " column " + j);
        }
        return v;
    }

    double number(String word, String what) {
        if (!DECIMAL.matcher(word).matches()) {
            throw error(next, what + ": '" + shorten(word) + "' is not a finite decimal number");
        }
        double v = Double.parseDouble(word);
        if (!Double.isFinite(v)) {
            throw error(next, what + ": '" + shorten(word) + "' is too large for a double");
        }
        return v;
    }

    int count(String word, String what) {
        if (!COUNT.matcher(word).matches() || Integer.parseInt(word) == 0) {
            throw error(next, what + ": '" + shorten(word) + "' is not a count from 1 to 999999999");
        }
        return Integer.parseInt(word);
    }

    /** Refuses {@code count} items of at least {@code charactersEach} characters that the rest of the file cannot hold. */
    void checkFits(long count, long charactersEach, String what) {
        if (count * charactersEach > charactersLeft) {
            throw error(next, "declares " + count + " " + what + ", more than the " + charactersLeft
                    + " characters left in the file can hold");
        }
    }

    String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            throw error(next, "expected a quoted name, got '" + shorten(quoted) + "'");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw error(next, "an unescaped quote inside a name");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = ++i < quoted.length() - 1 ? quoted.charAt(i) : '?';
            switch (e) {
                case '\\' -> s.append('\\');
                case '"' -> s.append('"');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                default -> throw error(next, "unknown escape '\\" + e + "' in a name");
            }
        }
        return s.toString();
    }

    /** The rest of the next line after {@code keyword} and a space; the line must start so. */
    String keyword(String keyword) {
        String line = line();
        if (!line.startsWith(keyword + " ")) {
            throw error(next, "expected '" + keyword + " ...', got '" + shorten(line) + "'");
        }
        return line.substring(keyword.length() + 1);
    }

    private void expectLine(String expected) {
        String line = line();
        if (!line.equals(expected)) {
            throw error(next, "expected '" + expected + "', got '" + shorten(line) + "'");
        }
    }

    String peek() {
        return next < lines.length ? lines[next] : "";
    }

    String line() {
        if (next >= lines.length - 1) {
            throw error(next + 1, "the file ends too early");
        }
        charactersLeft -= lines[next].length() + 1;
        return lines[next++];
    }

    ModelFormatException error(int line, String problem) {
        return new ModelFormatException(source, line, problem, null);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
