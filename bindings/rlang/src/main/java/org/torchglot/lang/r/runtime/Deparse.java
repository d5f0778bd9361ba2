package org.torchglot.lang.r.runtime;

import java.util.Set;

/** R's deparse conventions for symbols and strings. */
public final class Deparse {
    private static final Set<String> RESERVED = Set.of("if", "else", "repeat", "while", "function", "for", "next", "break",
                    "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "in");

    private Deparse() {
    }

    /** True when {@code name} needs no backticks. */
    public static boolean isSyntacticName(String name) {
        if (name.isEmpty() || RESERVED.contains(name)) {
            return false;
        }
        if (name.equals("...")) {
            return true;
        }
        char c = name.charAt(0);
        if (!(Character.isLetter(c) || c == '.')) {
            return false;
        }
        if (c == '.' && name.length() > 1 && Character.isDigit(name.charAt(1))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char d = name.charAt(i);
            if (!(Character.isLetterOrDigit(d) || d == '.' || d == '_')) {
                return false;
            }
        }
        return true;
    }

    public static String symbol(String name) {
        return isSyntacticName(name) ? name : "`" + name + "`";
    }

    /** A string literal with R's escapes, in double quotes. */
    public static String quote(String s) {
        if (s == null) {
            return "NA";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                case '\u0007' -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\u000B' -> sb.append("\\v");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
