package org.torchglot.repl;

import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.torchglot.bindings.Language;

/**
 * A small lexer for highlighting: keywords, strings, numbers and comments of one language. It
 * never fails and always ends: each token consumes at least one character, and unfinished strings
 * and comments simply run to the end of the input.
 */
final class SyntaxLexer {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    private static final SyntaxLexer PYTHON = new SyntaxLexer(Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield"), "#", false, "'\"", true);
    private static final SyntaxLexer JS = new SyntaxLexer(Set.of("async", "await", "break", "case", "catch", "class",
            "const", "continue", "debugger", "default", "delete", "do", "else", "export", "extends", "false", "finally",
            "for", "function", "if", "import", "in", "instanceof", "let", "new", "null", "of", "return", "static",
            "super", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "yield"),
            "//", true, "'\"`", false);
    private static final SyntaxLexer R = new SyntaxLexer(Set.of("if", "else", "repeat", "while", "function", "for",
            "in", "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "return", "library"), "#", false, "'\"",
            false);

    private final Set<String> keywords;
    private final String lineComment;
    private final boolean blockComments;
    private final String quotes;
    private final boolean tripleQuotes;

    private SyntaxLexer(Set<String> keywords, String lineComment, boolean blockComments, String quotes, boolean tripleQuotes) {
        this.keywords = keywords;
        this.lineComment = lineComment;
        this.blockComments = blockComments;
        this.quotes = quotes;
        this.tripleQuotes = tripleQuotes;
    }

    static SyntaxLexer of(Language language) {
        return switch (language) {
            case PYTHON -> PYTHON;
            case JS -> JS;
            case R -> R;
        };
    }

    /** The text with its tokens styled. */
    AttributedString highlight(String text) {
        AttributedStringBuilder out = new AttributedStringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end;
            char c = text.charAt(i);
            if (text.startsWith(lineComment, i)) {
                end = indexOrEnd(text, "\n", i);
                out.styled(COMMENT, text.substring(i, end));
            } else if (blockComments && text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                end = close < 0 ? text.length() : close + 2;
                out.styled(COMMENT, text.substring(i, end));
            } else if (quotes.indexOf(c) >= 0) {
                end = stringEnd(text, i);
                out.styled(STRING, text.substring(i, end));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == '_')) {
                    end++;
                }
                out.styled(NUMBER, text.substring(i, end));
            } else if (isIdentifierStart(c)) {
                end = i + 1;
                while (end < text.length() && isIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                out.styled(keywords.contains(word) ? KEYWORD : AttributedStyle.DEFAULT, word);
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toAttributedString();
    }

    private boolean isIdentifierStart(char c) {
        // NOTE: in R, '$' is an operator (self$fc1), never part of a name.
        return Character.isLetter(c) || c == '_' || (this == R ? c == '.' : c == '$');
    }

    private boolean isIdentifierPart(char c) {
        // NOTE: R names may contain dots (is.na); JavaScript's may contain $.
        return Character.isLetterOrDigit(c) || c == '_' || (this == R ? c == '.' : c == '$');
    }

    private int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        if (tripleQuotes && text.startsWith(String.valueOf(quote).repeat(3), start)) {
            int close = text.indexOf(String.valueOf(quote).repeat(3), start + 3);
            return close < 0 ? text.length() : close + 3;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int indexOrEnd(String text, String target, int from) {
        int index = text.indexOf(target, from);
        return index < 0 ? text.length() : index;
    }
}
