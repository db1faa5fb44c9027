/**
 * The versioned model file: {@link io.github.backprop4j.io.ModelFile} writes and strictly reads a
 * {@link io.github.backprop4j.io.ModelData}, readable text with a CRC32, from a closed list of
 * activation, loss and optimizer names. This is the only code that touches model files; the format
 * is documented in docs/model-format.md.
 */
package io.github.backprop4j.io;
