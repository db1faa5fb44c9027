package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A category column, one-hot encoded: one input per known category (1 for the row's category, 0
 * for the others), then optionally one for {@value #OTHER} (values rarer in training than the
 * schema's minimum count, and at prediction time any value not in the list) and one for
 * {@value #MISSING} (a gap).
 *
 * @param name       the raw column's name
 * @param categories the known categories, in input order (sorted when fitted)
 * @param other      whether there is an {@value #OTHER} input
 * @param missing    whether there is a {@value #MISSING} input
 */
public record CategoricalColumn(String name, List<String> categories, boolean other, boolean missing)
        implements EncodedColumn {

    /** The name of the category that collects rare values. */
    public static final String OTHER = "(other)";
    /** The name of the category of a missing cell. */
    public static final String MISSING = "(missing)";

    /**
     * Checks the parts.
     *
     * @param name       the raw column's name
     * @param categories the known categories, distinct, not null
     * @param other      whether there is an {@value #OTHER} input
     * @param missing    whether there is a {@value #MISSING} input
     */
    public CategoricalColumn {
        checkNotNull(name, "name");
        checkNotNull(categories, "categories");
        checkArgument(categories.stream().noneMatch(java.util.Objects::isNull), "column '%s': a category is null", name);
        categories = List.copyOf(categories);
        checkArgument(new HashSet<>(categories).size() == categories.size(), "column '%s': categories repeat: %s",
                name, categories);
        checkArgument(!categories.isEmpty() || other || missing, "column '%s' has no category at all", name);
    }

    /** {@return the number of one-hot inputs} */
    public int width() {
        return categories.size() + (other ? 1 : 0) + (missing ? 1 : 0);
    }

    @Override
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (String category : categories) {
            names.add(name + "=" + category);
        }
        if (other) {
            names.add(name + "=" + OTHER);
        }
        if (missing) {
            names.add(name + "=" + MISSING);
        }
        return List.copyOf(names);
    }
}
