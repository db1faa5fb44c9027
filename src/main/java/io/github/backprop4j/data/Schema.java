package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of a loaded table is: a number, a category (text), the label, a target or
 * ignored, inferred by {@link CsvLoader#loadTable} and overridable there. Also holds the loader's
 * rules for cells: the tokens read as missing, and for category columns the minimum count below
 * which values are grouped into {@code "(other)"}. Immutable.
 *
 * <p>{@link #toString()} prints one line per column, e.g. {@code island  category (3 values)}.
 */
public final class Schema {

    /** What a column is. */
    public enum Role {
        /** A numeric feature. */
        NUMBER,
        /** A text feature, one-hot encoded. */
        CATEGORY,
        /** The class label of classification. */
        LABEL,
        /** A numeric target of regression. */
        TARGET,
        /** Read past and not used. */
        IGNORED
    }

    private final Map<String, Role> roles;          // every column, in file order
    private final Map<String, String> notes;        // per column, how its role was decided
    private final List<String> missingTokens;       // empty: missing cells are refused
    private final int minCategoryCount;

    Schema(Map<String, Role> roles, Map<String, String> notes, List<String> missingTokens, int minCategoryCount) {
        this.roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        this.notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        this.missingTokens = List.copyOf(missingTokens);
        this.minCategoryCount = minCategoryCount;
    }

    /** {@return every column's role, in the file's column order} */
    public Map<String, Role> roles() {
        return roles;
    }

    /**
     * {@return the role of one column}
     *
     * @param column the column's name
     * @throws IllegalArgumentException if there is no such column
     */
    public Role role(String column) {
        Role role = roles.get(column);
        checkArgument(role != null, "no column '%s'; the columns are %s", column, roles.keySet());
        return role;
    }

    /** {@return the feature columns (numbers and categories), in file order} */
    public List<String> featureNames() {
        return namesWith(Role.NUMBER, Role.CATEGORY);
    }

    /** {@return the category columns, in file order} */
    public List<String> categoricalColumns() {
        return namesWith(Role.CATEGORY, Role.CATEGORY);
    }

    /** {@return the numeric feature columns, in file order} */
    public List<String> numericColumns() {
        return namesWith(Role.NUMBER, Role.NUMBER);
    }

    private List<String> namesWith(Role one, Role other) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Role> e : roles.entrySet()) {
            if (e.getValue() == one || e.getValue() == other) {
                out.add(e.getKey());
            }
        }
        return List.copyOf(out);
    }

    /** {@return the cell texts read as missing (after stripping spaces); empty when missing cells are refused} */
    public List<String> missingTokens() {
        return missingTokens;
    }

    /** {@return the fewest rows a category value needs to get its own input; rarer ones become "(other)" (1: none)} */
    public int minCategoryCount() {
        return minCategoryCount;
    }

    /** One line per column: its name, its role, and how the role was decided. */
    @Override
    public String toString() {
        int width = 0;
        for (String name : roles.keySet()) {
            width = Math.max(width, name.length());
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Role> e : roles.entrySet()) {
            String name = e.getKey();
            s.append(name).append(" ".repeat(width - name.length() + 2)).append(e.getValue().name().toLowerCase(java.util.Locale.ROOT));
            String note = notes.get(name);
            if (note != null && !note.isEmpty()) {
                s.append(" (").append(note).append(')');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
