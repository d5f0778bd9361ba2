package org.torchglot.repl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JavaScript input that is one {@code const} or {@code let} declaration of one name: {@code
 * const x = torch.ones(2)}. The REPL evaluates its expression before declaring the name.
 *
 * @param keyword {@code const} or {@code let}
 * @param name the declared name
 * @param source the whole input
 * @param equals where the {@code =} is
 */
record Declaration(String keyword, String name, String source, int equals) {

    private static final Pattern HEAD = Pattern.compile("\\s*(const|let)\\s+([A-Za-z_$][\\w$]*)\\s*=(?!=)");

    /** The declaration the input is, or empty when it is anything else (several names, destructuring, more statements). */
    static Optional<Declaration> of(String source) {
        Matcher head = HEAD.matcher(source);
        if (!head.lookingAt() || !isOneExpression(source, head.end()) || definesFunction(source.substring(head.end()))) {
            return Optional.empty();
        }
        return Optional.of(new Declaration(head.group(1), head.group(2), source, head.end() - 1));
    }

    /** The input with the declaration blanked, so the expression keeps its columns in error messages. */
    String expressionInPlace() {
        String expression = source.substring(equals + 1).stripTrailing();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1);
        }
        String blank = " ".repeat(equals + 1);
        // NOTE: a statement that starts with '{' is a block; parentheses make it an object (the '=' becomes the '(').
        return expression.stripLeading().startsWith("{") ? " ".repeat(equals) + "(" + expression + "\n)" : blank + expression;
    }

    /** Whether the expression makes a function or class, which takes its name from the declaration. */
    private static boolean definesFunction(String expression) {
        String text = expression.strip();
        return text.startsWith("function") || text.startsWith("async") || text.startsWith("class") || text.contains("=>");
    }

    /**
     * Whether the text from {@code start} is one expression: no comma or semicolon outside brackets,
     * strings, template literals and comments, except one final semicolon.
     */
    private static boolean isOneExpression(String source, int start) {
        int depth = 0;
        String text = source.stripTrailing();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '\'', '"', '`' -> i = closingQuote(text, i);
                case '/' -> {
                    if (i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                        return false;
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                case ';' -> {
                    if (depth == 0 && i != text.length() - 1) {
                        return false;
                    }
                }
                default -> {
                }
            }
            if (depth < 0 || i < 0) {
                return false;
            }
        }
        return depth == 0 && !text.substring(start).isBlank();
    }

    /** The index of the quote that closes the string opened at {@code open}, or -1 if none does. */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (quote == '`' && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                return -1;
            }
        }
        return -1;
    }
}
