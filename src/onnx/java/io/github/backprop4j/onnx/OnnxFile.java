package io.github.backprop4j.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ONNX file holds that a dense network needs: the graph's nodes, initializers, input
 * and output names, the default domain's opset and the metadata. Read within bounds.
 *
 * @param nodes        in the file's order
 * @param initializers by name
 * @param inputs       the graph's inputs (initializers may be listed among them)
 * @param outputs      the graph's outputs
 * @param opset        the default domain's opset version, 0 if none is named
 * @param metadata     the model's metadata
 */
record OnnxFile(List<Node> nodes, Map<String, Tensor> initializers, List<String> inputs, List<String> outputs, long opset,
        Map<String, String> metadata) {

    /** A node: its operator, domain, name, inputs, outputs and its int and float attributes. */
    record Node(String op, String domain, String name, List<String> inputs, List<String> outputs, Map<String, Long> ints,
            Map<String, Float> floats) {

        long intAttribute(String attribute, long otherwise) {
            return ints.getOrDefault(attribute, otherwise);
        }

        double floatAttribute(String attribute, double otherwise) {
            Float f = floats.get(attribute);
            return f == null ? otherwise : f;
        }
    }

    /** A tensor of numbers, widened to double, row-major. */
    record Tensor(long[] dims, double[] values) {
    }

    String metadata(String key) {
        return metadata.get(key);
    }

    static OnnxFile parse(byte[] bytes, String source) {
        ProtoReader model = new ProtoReader(bytes, source);
        ProtoReader graph = null;
        long opset = 0;
        Map<String, String> metadata = new HashMap<>();
        while (model.next()) {
            switch (model.field()) {
                case Onnx.MODEL_GRAPH -> graph = model.message();
                case Onnx.MODEL_OPSET_IMPORT -> {
                    ProtoReader o = model.message();
                    String domain = "";
                    long version = 0;
                    while (o.next()) {
                        switch (o.field()) {
                            case Onnx.OPSET_DOMAIN -> domain = o.string();
                            case Onnx.OPSET_VERSION -> version = o.varint();
                            default -> o.skip();
                        }
                    }
                    if (domain.isEmpty() || domain.equals("ai.onnx")) {
                        opset = version;
                    }
                }
                case Onnx.MODEL_METADATA -> {
                    String[] entry = entry(model.message());
                    metadata.put(entry[0], entry[1]);
                }
                default -> model.skip();
            }
        }
        if (graph == null || opset == 0) {
            throw new OnnxFormatException(source + ": " + (graph == null ? "no graph" : "no opset of the default domain (ai.onnx)")
                    + "; not a whole ONNX model (cut short?)");
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (graph.next()) {
            switch (graph.field()) {
                case Onnx.GRAPH_NODE -> nodes.add(node(graph.message()));
                case Onnx.GRAPH_INITIALIZER -> {
                    ProtoReader t = graph.message();
                    String[] name = new String[1];
                    Tensor tensor = tensor(t, name);
                    initializers.put(name[0], tensor);
                }
                case Onnx.GRAPH_INPUT -> inputs.add(valueName(graph.message()));
                case Onnx.GRAPH_OUTPUT -> outputs.add(valueName(graph.message()));
                default -> graph.skip();
            }
        }
        return new OnnxFile(nodes, initializers, inputs, outputs, opset, metadata);
    }

    private static String[] entry(ProtoReader r) {
        String[] kv = {"", ""};
        while (r.next()) {
            switch (r.field()) {
                case Onnx.ENTRY_KEY -> kv[0] = r.string();
                case Onnx.ENTRY_VALUE -> kv[1] = r.string();
                default -> r.skip();
            }
        }
        return kv;
    }

    private static String valueName(ProtoReader r) {
        String name = "";
        while (r.next()) {
            if (r.field() == Onnx.VALUE_NAME) {
                name = r.string();
            } else {
                r.skip();
            }
        }
        return name;
    }

    private static Node node(ProtoReader r) {
        String op = "";
        String domain = "";
        String name = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Long> ints = new HashMap<>();
        Map<String, Float> floats = new HashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case Onnx.NODE_INPUT -> inputs.add(r.string());
                case Onnx.NODE_OUTPUT -> outputs.add(r.string());
                case Onnx.NODE_NAME -> name = r.string();
                case Onnx.NODE_OP_TYPE -> op = r.string();
                case Onnx.NODE_DOMAIN -> domain = r.string();
                case Onnx.NODE_ATTRIBUTE -> {
                    ProtoReader a = r.message();
                    String attribute = "";
                    Long i = null;
                    Float f = null;
                    while (a.next()) {
                        switch (a.field()) {
                            case Onnx.ATTRIBUTE_NAME -> attribute = a.string();
                            case Onnx.ATTRIBUTE_I -> i = a.varint();
                            case Onnx.ATTRIBUTE_F -> f = a.float32();
                            default -> a.skip();
                        }
                    }
                    if (i != null) {
                        ints.put(attribute, i);
                    }
                    if (f != null) {
                        floats.put(attribute, f);
                    }
                }
                default -> r.skip();
            }
        }
        return new Node(op, domain, name, inputs, outputs, ints, floats);
    }

    /** A float or double tensor; {@code name[0]} receives its name. */
    private static Tensor tensor(ProtoReader r, String[] name) {
        long[] dims = new long[4];
        int dimCount = 0;
        long type = 0;
        double[] values = new double[0];
        int valueCount = 0;
        boolean hasValues = false;
        byte[] raw = null;
        name[0] = "";
        while (r.next()) {
            switch (r.field()) {
                case Onnx.TENSOR_DIMS -> {
                    for (long d : r.varints()) {
                        if (dimCount == dims.length) {
                            dims = java.util.Arrays.copyOf(dims, 2 * dimCount);
                        }
                        dims[dimCount++] = d;
                    }
                }
                case Onnx.TENSOR_DATA_TYPE -> type = r.varint();
                case Onnx.TENSOR_FLOAT_DATA, Onnx.TENSOR_DOUBLE_DATA -> {
                    hasValues = true;
                    for (double v : r.reals(r.field() == Onnx.TENSOR_FLOAT_DATA)) {
                        if (valueCount == values.length) {
                            values = java.util.Arrays.copyOf(values, Math.max(16, 2 * valueCount));
                        }
                        values[valueCount++] = v;
                    }
                }
                case Onnx.TENSOR_RAW_DATA -> raw = r.raw();
                case Onnx.TENSOR_NAME -> name[0] = r.string();
                case Onnx.TENSOR_EXTERNAL_DATA -> throw r.error("tensor '" + name[0] + "' keeps its data in an external file,"
                        + " which is not read");
                case Onnx.TENSOR_DATA_LOCATION -> {
                    if (r.varint() != 0) {
                        throw r.error("tensor '" + name[0] + "' keeps its data in an external file, which is not read");
                    }
                }
                default -> r.skip();
            }
        }
        if (type != Onnx.FLOAT && type != Onnx.DOUBLE) {
            throw r.error("tensor '" + name[0] + "' has data type " + type + "; only float (1) and double (11) are read");
        }
        dims = java.util.Arrays.copyOf(dims, dimCount);
        values = java.util.Arrays.copyOf(values, valueCount);
        long count = 1;
        for (long d : dims) {
            if (d < 0 || d > Integer.MAX_VALUE || (count = count * d) > Integer.MAX_VALUE) {
                throw r.error("tensor '" + name[0] + "' declares dimensions " + java.util.Arrays.toString(dims)
                        + ", more than it can hold");
            }
        }
        if (raw != null && hasValues) {
            throw r.error("tensor '" + name[0] + "' holds both raw data and a list of values");
        }
        if (raw != null) {
            int size = type == Onnx.FLOAT ? 4 : 8;
            if (raw.length != count * size) {
                throw r.error("tensor '" + name[0] + "' declares " + count + " values but its raw data has " + raw.length
                        + " bytes");
            }
            values = new double[(int) count];
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < values.length; k++) {
                values[k] = size == 4 ? buffer.getFloat() : buffer.getDouble();
            }
        }
        if (values.length != count) {
            throw r.error("tensor '" + name[0] + "' declares " + count + " values but holds " + values.length);
        }
        return new Tensor(dims, values);
    }
}

