package io.github.backprop4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs an ONNX file in ONNX Runtime: the independent reference the exports are checked against. */
final class Ort {

    private Ort() {
    }

    /** The named output of the model for input {@code x} ({@code double[][]} or {@code float[][]}). */
    static Object run(byte[] model, Object x, String output) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, x);
             OrtSession.Result result = session.run(Map.of(OnnxExport.FEATURES, input))) {
            return result.get(output).orElseThrow().getValue();
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }
}
