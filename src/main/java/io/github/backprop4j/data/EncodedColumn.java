package io.github.backprop4j.data;

import java.util.List;

/**
 * One raw feature column as a {@link Preprocessing} encodes it into network inputs: a number
 * with its gap filling, or a category one-hot encoded. Immutable.
 */
public sealed interface EncodedColumn permits NumericColumn, CategoricalColumn {

    /** {@return the raw column's name} */
    String name();

    /** {@return the names of the inputs it becomes, in order, e.g. {@code island=Dream}} */
    List<String> inputNames();
}
