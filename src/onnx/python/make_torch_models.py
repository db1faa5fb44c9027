"""Writes the PyTorch networks the ONNX importer is tested on, with what PyTorch predicts.

Run from the repository root with torch 2.13 (the CPU wheel) and onnx, e.g. in a venv:

    python3 -m venv /tmp/onnxenv
    /tmp/onnxenv/bin/pip install --no-index --find-links <wheels> torch==2.13.0+cpu onnx onnxscript
    /tmp/onnxenv/bin/python src/onnx/python/make_torch_models.py

For each network it writes <name>.onnx and <name>.txt into
src/onnx/test-resources/io/github/backprop4j/onnx/torch/: the text file holds the line
"logits" when the graph's outputs are a classifier's logits, then "inputs <rows> <columns>" and
the rows, then "outputs <rows> <columns>" and PyTorch's outputs (after a softmax for logits),
every number as Python's repr of the float64, which parses back to the same double.
"""
import os

import numpy as np
import torch
from torch import nn

OUT = os.path.join("src", "onnx", "test-resources", "io", "github", "backprop4j", "onnx", "torch")


def networks():
    torch.manual_seed(13)
    yield "relu_softmax_f64", torch.float64, False, nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1))
    yield "relu_softmax_f32", torch.float32, False, nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1))
    yield "flatten_tanh_sigmoid_regression_f64", torch.float64, False, nn.Sequential(
        nn.Flatten(), nn.Linear(5, 6), nn.Tanh(), nn.Linear(6, 4), nn.Sigmoid(), nn.Linear(4, 2))
    yield "identity_three_layers_f64", torch.float64, False, nn.Sequential(
        nn.Linear(3, 7), nn.Identity(), nn.Linear(7, 5), nn.Tanh(), nn.Linear(5, 4), nn.Softmax(dim=-1))
    yield "logits_f32", torch.float32, True, nn.Sequential(
        nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 4))
    yield "logits_f64", torch.float64, True, nn.Sequential(
        nn.Linear(6, 4), nn.Sigmoid(), nn.Linear(4, 3))
    yield "matmul_add_f64", torch.float64, False, nn.Sequential(
        nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 3), nn.Softmax(dim=1))
    yield "matmul_add_f32", torch.float32, False, nn.Sequential(
        nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 2))
    yield "dynamo_f64", torch.float64, False, nn.Sequential(
        nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3), nn.Softmax(dim=1))


def matmul_add_model(net, dtype, path):
    """The same network as MatMul + Add nodes (as other exporters write Linear), built with onnx.helper."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    elem = TensorProto.DOUBLE if dtype == torch.float64 else TensorProto.FLOAT
    nodes, inits, x = [], [], "x"
    for i, layer in enumerate(net):
        if isinstance(layer, nn.Linear):
            inits.append(numpy_helper.from_array(layer.weight.detach().numpy().T.copy(), f"W{i}"))
            inits.append(numpy_helper.from_array(layer.bias.detach().numpy().copy(), f"b{i}"))
            nodes.append(helper.make_node("MatMul", [x, f"W{i}"], [f"m{i}"]))
            nodes.append(helper.make_node("Add", [f"m{i}", f"b{i}"], [f"z{i}"]))
            x = f"z{i}"
        else:
            op = {nn.ReLU: "Relu", nn.Tanh: "Tanh", nn.Sigmoid: "Sigmoid", nn.Softmax: "Softmax"}[type(layer)]
            nodes.append(helper.make_node(op, [x], [f"a{i}"], **({"axis": 1} if op == "Softmax" else {})))
            x = f"a{i}"
    nodes[-1].output[0] = "y"
    graph = helper.make_graph(nodes, "matmul_add", [helper.make_tensor_value_info("x", elem, ["N", net[0].in_features])],
                              [helper.make_tensor_value_info("y", elem, ["N", None])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


def write_matrix(f, title, m):
    f.write(f"{title} {m.shape[0]} {m.shape[1]}\n")
    for row in m:
        f.write(" ".join(repr(float(v)) for v in row) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, dtype, logits, net in networks():
        net = net.to(dtype).eval()
        inputs = net[1].in_features if isinstance(net[0], nn.Flatten) else net[0].in_features
        x = torch.randn(10, inputs, dtype=dtype, generator=torch.Generator().manual_seed(7))
        with torch.no_grad():
            y = net(x)
            if logits:
                y = torch.softmax(y, dim=1)
        path = os.path.join(OUT, name + ".onnx")
        if name.startswith("matmul_add"):
            matmul_add_model(net, dtype, path)
        elif name.startswith("dynamo"):
            # the exporter PyTorch uses by default since 2.9
            torch.onnx.export(net, (x,), path, input_names=["x"], output_names=["y"],
                              dynamic_shapes=({0: torch.export.Dim("N")},), dynamo=True, external_data=False)
        else:
            torch.onnx.export(net, (x,), path, input_names=["x"], output_names=["y"],
                              dynamic_axes={"x": {0: "N"}, "y": {0: "N"}}, opset_version=13, dynamo=False)
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            if logits:
                f.write("logits\n")
            write_matrix(f, "inputs", x.double().numpy())
            write_matrix(f, "outputs", y.double().numpy())
        print(name, "torch", torch.__version__)


if __name__ == "__main__":
    main()
