package io.github.backprop4j.onnx;

import java.util.ArrayList;
import java.util.List;

/** Builds one ONNX graph, node by node, and the model around it. */
final class GraphBuilder {

    private final boolean asFloat;
    private final int opset;
    private final ProtoWriter graph = new ProtoWriter().string(Onnx.GRAPH_NAME, "backprop4j");
    private final List<ProtoWriter> metadata = new ArrayList<>();
    private int nodes;

    /** A graph of opset 13 (IR version 7). */
    GraphBuilder(boolean asFloat) {
        this(asFloat, 13);
    }

    /** A graph of {@code opset}: 13 (IR version 7), or 19 for {@code Equal} on strings (IR version 9). */
    GraphBuilder(boolean asFloat, int opset) {
        this.asFloat = asFloat;
        this.opset = opset;
    }

    /** An int64 vector, e.g. Gather's indices; returns its name. */
    String longInitializer(String name, long[] values) {
        graph.message(Onnx.GRAPH_INITIALIZER, new ProtoWriter().packed(Onnx.TENSOR_DIMS, new long[] {values.length})
                .varint(Onnx.TENSOR_DATA_TYPE, Onnx.INT64).string(Onnx.TENSOR_NAME, name)
                .packed(Onnx.TENSOR_INT64_DATA, values));
        return name;
    }

    /** A one-element string tensor; returns its name. */
    String stringConstant(String name, String value) {
        graph.message(Onnx.GRAPH_INITIALIZER, new ProtoWriter().packed(Onnx.TENSOR_DIMS, new long[] {1})
                .varint(Onnx.TENSOR_DATA_TYPE, Onnx.STRING).string(Onnx.TENSOR_NAME, name)
                .string(Onnx.TENSOR_STRING_DATA, value));
        return name;
    }

    /** The element type code of the graph's numbers. */
    int numberType() {
        return asFloat ? Onnx.FLOAT : Onnx.DOUBLE;
    }

    /** An integer attribute of a node. */
    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(Onnx.ATTRIBUTE_NAME, name).varint(Onnx.ATTRIBUTE_I, value)
                .varint(Onnx.ATTRIBUTE_TYPE, Onnx.ATTRIBUTE_TYPE_INT);
    }

    /** Adds a tensor of the graph's element type; returns its name. */
    String initializer(String name, double[] values, long... dims) {
        ProtoWriter t = new ProtoWriter().packed(Onnx.TENSOR_DIMS, dims)
                .varint(Onnx.TENSOR_DATA_TYPE, asFloat ? Onnx.FLOAT : Onnx.DOUBLE)
                .string(Onnx.TENSOR_NAME, name)
                .packed(asFloat ? Onnx.TENSOR_FLOAT_DATA : Onnx.TENSOR_DOUBLE_DATA, values, asFloat);
        graph.message(Onnx.GRAPH_INITIALIZER, t);
        return name;
    }

    /** Adds {@code output = op(inputs)}; returns the output's name. */
    String node(String op, String output, List<String> inputs, ProtoWriter... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String input : inputs) {
            n.string(Onnx.NODE_INPUT, input);
        }
        n.string(Onnx.NODE_OUTPUT, output).string(Onnx.NODE_NAME, op + "_" + nodes++).string(Onnx.NODE_OP_TYPE, op);
        for (ProtoWriter a : attributes) {
            n.message(Onnx.NODE_ATTRIBUTE, a);
        }
        graph.message(Onnx.GRAPH_NODE, n);
        return output;
    }

    void input(String name, int columns) {
        graph.message(Onnx.GRAPH_INPUT, value(name, numberType(), columns));
    }

    /** An input {@code [N, 1]} of strings. */
    void textInput(String name) {
        graph.message(Onnx.GRAPH_INPUT, value(name, Onnx.STRING, 1));
    }

    /** An output {@code [N, columns]}, or {@code int64 [N]} when {@code labels}. */
    void output(String name, int columns, boolean labels) {
        graph.message(Onnx.GRAPH_OUTPUT, labels ? value(name, Onnx.INT64, 0) : value(name, numberType(), columns));
    }

    /** A value of element type {@code type}, shaped {@code [N, columns]}, or {@code [N]} when {@code columns} is 0. */
    private static ProtoWriter value(String name, int type, int columns) {
        ProtoWriter shape = new ProtoWriter().message(Onnx.SHAPE_DIM, new ProtoWriter().string(Onnx.DIM_PARAM, "N"));
        if (columns > 0) {
            shape.message(Onnx.SHAPE_DIM, new ProtoWriter().varint(Onnx.DIM_VALUE, columns));
        }
        ProtoWriter tensor = new ProtoWriter().varint(Onnx.TENSOR_TYPE_ELEM, type).message(Onnx.TENSOR_TYPE_SHAPE, shape);
        return new ProtoWriter().string(Onnx.VALUE_NAME, name)
                .message(Onnx.VALUE_TYPE, new ProtoWriter().message(Onnx.TYPE_TENSOR, tensor));
    }

    void metadata(String key, String value) {
        metadata.add(new ProtoWriter().string(Onnx.ENTRY_KEY, key).string(Onnx.ENTRY_VALUE, value));
    }

    /**
     * The whole ModelProto. The opset comes last: protocol buffers have no end marker, and a
     * reader refuses a model without one, so a file cut short anywhere is refused.
     */
    byte[] model() {
        ProtoWriter m = new ProtoWriter().varint(Onnx.MODEL_IR_VERSION, opset >= 19 ? 9 : 7)
                .string(Onnx.MODEL_PRODUCER_NAME, "backprop4j")
                .string(Onnx.MODEL_PRODUCER_VERSION, io.github.backprop4j.io.Provenance.currentLibraryVersion());
        for (ProtoWriter entry : metadata) {
            m.message(Onnx.MODEL_METADATA, entry);
        }
        return m.message(Onnx.MODEL_GRAPH, graph)
                .message(Onnx.MODEL_OPSET_IMPORT, new ProtoWriter().string(Onnx.OPSET_DOMAIN, "").varint(Onnx.OPSET_VERSION, opset))
                .toByteArray();
    }
}
