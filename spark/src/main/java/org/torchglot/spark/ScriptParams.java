package org.torchglot.spark;

import java.util.Map;
import java.util.stream.Collectors;
import org.torchglot.bindings.Language;

/** A parameter set as a script's {@code params} variable: a Python dict, a JavaScript object or an R named list. */
final class ScriptParams {
    private ScriptParams() {
    }

    /** The assignment of {@code params} in {@code language}; values are numbers, strings or booleans. */
    static String assignment(Language language, Map<String, Object> params) {
        return switch (language) {
            case PYTHON -> "params = {" + entries(params, language, ": ", true) + "}\n";
            case JS -> "const params = {" + entries(params, language, ": ", true) + "};\n";
            case R -> "params <- list(" + entries(params, language, " = ", false) + ")\n";
        };
    }

    private static String entries(Map<String, Object> params, Language language, String separator, boolean quotedKeys) {
        return params.entrySet().stream()
                .map(e -> (quotedKeys ? quote(e.getKey()) : "`" + e.getKey().replace("`", "") + "`") + separator
                        + literal(language, e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String literal(Language language, String name, Object value) {
        return switch (value) {
            case String text -> quote(text);
            case Boolean flag -> switch (language) {
                case PYTHON -> flag ? "True" : "False";
                case JS -> flag.toString();
                case R -> flag ? "TRUE" : "FALSE";
            };
            case Integer _, Long _, Short _, Byte _ -> value + (language == Language.R ? "L" : "");
            case Double d when Double.isFinite(d) -> d.toString();
            case Float f when Float.isFinite(f) -> Double.toString(f.doubleValue());
            default -> throw new IllegalArgumentException("parameter '" + name + "' is " + value
                    + "; a sweep's parameters are finite numbers, strings or booleans");
        };
    }

    /** A double-quoted string literal that Python, JavaScript and R read alike. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
