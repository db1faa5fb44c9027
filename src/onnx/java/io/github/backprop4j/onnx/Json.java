package io.github.backprop4j.onnx;

import java.util.ArrayList;
import java.util.List;

/** The JSON arrays of names a model's metadata holds, written and read. */
final class Json {

    private Json() {
    }

    /** {@code ["a", "b"]}, with {@code "}, {@code \}, and control characters escaped. */
    static String array(List<String> names) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "\"" : ", \"");
            for (char c : names.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    s.append('\\').append(c);
                } else if (c < 0x20) {
                    s.append(String.format("\\u%04x", (int) c));
                } else {
                    s.append(c);
                }
            }
            s.append('"');
        }
        return s.append(']').toString();
    }

    /** The names of an array {@link #array} wrote; null if {@code text} is not such an array. */
    static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        int i = skipSpaces(text, 0);
        if (i >= text.length() || text.charAt(i) != '[') {
            return null;
        }
        i = skipSpaces(text, i + 1);
        if (i < text.length() && text.charAt(i) == ']') {
            return skipSpaces(text, i + 1) == text.length() ? names : null;
        }
        while (i < text.length() && text.charAt(i) == '"') {
            StringBuilder name = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i++);
                if (c == '\\') {
                    if (i >= text.length()) {
                        return null;
                    }
                    char e = text.charAt(i++);
                    if (e == 'u') {
                        if (i + 4 > text.length()) {
                            return null;
                        }
                        try {
                            name.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            return null;
                        }
                        i += 4;
                    } else {
                        name.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> e;
                        });
                    }
                } else {
                    name.append(c);
                }
            }
            if (i >= text.length()) {
                return null;
            }
            names.add(name.toString());
            i = skipSpaces(text, i + 1);
            if (i < text.length() && text.charAt(i) == ',') {
                i = skipSpaces(text, i + 1);
            } else if (i < text.length() && text.charAt(i) == ']') {
                return skipSpaces(text, i + 1) == text.length() ? names : null;
            } else {
                return null;
            }
        }
        return null;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
