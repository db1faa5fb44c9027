package io.github.backprop4j.onnx;

/**
 * The field numbers and codes of the ONNX schema that this artifact reads and writes, as
 * onnx.proto (ONNX 1.x, IR version 7 and later) gives them. Only the subset a dense network
 * needs; every other field is skipped when read.
 */
final class Onnx {

    private Onnx() {
    }

    // ModelProto
    static final int MODEL_IR_VERSION = 1;
    static final int MODEL_PRODUCER_NAME = 2;
    static final int MODEL_PRODUCER_VERSION = 3;
    static final int MODEL_GRAPH = 7;
    static final int MODEL_OPSET_IMPORT = 8;
    static final int MODEL_METADATA = 14;
    // OperatorSetIdProto
    static final int OPSET_DOMAIN = 1;
    static final int OPSET_VERSION = 2;
    // StringStringEntryProto
    static final int ENTRY_KEY = 1;
    static final int ENTRY_VALUE = 2;
    // GraphProto
    static final int GRAPH_NODE = 1;
    static final int GRAPH_NAME = 2;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    // NodeProto
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int NODE_ATTRIBUTE = 5;
    static final int NODE_DOMAIN = 7;
    // AttributeProto
    static final int ATTRIBUTE_NAME = 1;
    static final int ATTRIBUTE_F = 2;
    static final int ATTRIBUTE_I = 3;
    static final int ATTRIBUTE_T = 5;
    static final int ATTRIBUTE_TYPE = 20;
    static final int ATTRIBUTE_TYPE_FLOAT = 1;
    static final int ATTRIBUTE_TYPE_INT = 2;
    static final int ATTRIBUTE_TYPE_TENSOR = 4;
    // TensorProto
    static final int TENSOR_DIMS = 1;
    static final int TENSOR_DATA_TYPE = 2;
    static final int TENSOR_FLOAT_DATA = 4;
    static final int TENSOR_STRING_DATA = 6;
    static final int TENSOR_INT64_DATA = 7;
    static final int TENSOR_NAME = 8;
    static final int TENSOR_RAW_DATA = 9;
    static final int TENSOR_DOUBLE_DATA = 10;
    static final int TENSOR_EXTERNAL_DATA = 13;
    static final int TENSOR_DATA_LOCATION = 14;
    // TensorProto.DataType
    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int STRING = 8;
    static final int BOOL = 9;
    static final int DOUBLE = 11;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension)
    static final int VALUE_NAME = 1;
    static final int VALUE_TYPE = 2;
    static final int TYPE_TENSOR = 1;
    static final int TENSOR_TYPE_ELEM = 1;
    static final int TENSOR_TYPE_SHAPE = 2;
    static final int SHAPE_DIM = 1;
    static final int DIM_VALUE = 1;
    static final int DIM_PARAM = 2;
}
