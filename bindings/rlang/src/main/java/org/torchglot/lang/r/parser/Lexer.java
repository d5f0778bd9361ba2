package org.torchglot.lang.r.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits R source text into tokens. Newlines are tokens; the parser decides where they end an expression. */
public final class Lexer {
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
                    Map.entry("function", TokenType.FUNCTION), Map.entry("if", TokenType.IF),
                    Map.entry("else", TokenType.ELSE), Map.entry("for", TokenType.FOR), Map.entry("in", TokenType.IN),
                    Map.entry("while", TokenType.WHILE), Map.entry("repeat", TokenType.REPEAT),
                    Map.entry("break", TokenType.BREAK), Map.entry("next", TokenType.NEXT),
                    Map.entry("TRUE", TokenType.TRUE), Map.entry("FALSE", TokenType.FALSE),
                    Map.entry("NULL", TokenType.NULL), Map.entry("NA", TokenType.NA),
                    Map.entry("NA_integer_", TokenType.NA_INTEGER), Map.entry("NA_real_", TokenType.NA_REAL),
                    Map.entry("NA_character_", TokenType.NA_CHARACTER), Map.entry("Inf", TokenType.INF),
                    Map.entry("NaN", TokenType.NAN));

    /** Multi-character operators, longest first so that maximal munch works. */
    private static final String[] OPERATORS = {
        "<<-", "->>", ":::", "|>", "<-", "->", "<=", ">=", "==", "!=", "&&", "||", "::", "**",
        "+", "-", "*", "/", "^", "<", ">", "!", "&", "|", "~", "?", ":", "=", "$", "@"
    };

    private final String src;
    private int pos;

    /** Thrown for a lexical error at an offset; {@code incomplete} when the text simply ended too early. */
    public static final class LexError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int offset;
        public final boolean incomplete;

        LexError(String message, int offset, boolean incomplete) {
            super(message, null, false, false);
            this.offset = offset;
            this.incomplete = incomplete;
        }
    }

    public Lexer(String src) {
        this.src = src;
    }

    public List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            out.add(t);
            if (t.type() == TokenType.EOF) {
                return out;
            }
        }
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    private Token next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token(TokenType.EOF, "", start, start);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '\n':
                pos++;
                return new Token(TokenType.NEWLINE, "\n", start, pos);
            case ';':
                pos++;
                return new Token(TokenType.SEMI, ";", start, pos);
            case ',':
                pos++;
                return new Token(TokenType.COMMA, ",", start, pos);
            case '(':
                pos++;
                return new Token(TokenType.LPAREN, "(", start, pos);
            case ')':
                pos++;
                return new Token(TokenType.RPAREN, ")", start, pos);
            case '{':
                pos++;
                return new Token(TokenType.LBRACE, "{", start, pos);
            case '}':
                pos++;
                return new Token(TokenType.RBRACE, "}", start, pos);
            case ']':
                pos++;
                return new Token(TokenType.RBRACKET, "]", start, pos);
            case '[':
                if (peek(1) == '[') {
                    pos += 2;
                    return new Token(TokenType.LBB, "[[", start, pos);
                }
                pos++;
                return new Token(TokenType.LBRACKET, "[", start, pos);
            case '"':
            case '\'':
                return string(c);
            case '`':
                return backtick();
            case '%':
                return percentOp();
            case '\\':
                pos++;
                return new Token(TokenType.LAMBDA, "\\", start, pos);
            default:
                break;
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '.' || c == '_') {
            return identifier();
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                String text = op.equals("**") ? "^" : op;
                return new Token(TokenType.OP, text, start, pos);
            }
        }
        throw new LexError("unexpected input", pos, false);
    }

    private Token identifier() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                pos++;
            } else {
                break;
            }
        }
        String id = src.substring(start, pos);
        TokenType kw = KEYWORDS.get(id);
        return new Token(kw != null ? kw : TokenType.SYMBOL, id, start, pos);
    }

    private Token number() {
        int start = pos;
        if (src.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            long v = Long.parseLong(src.substring(start + 2, pos), 16);
            if (peek(0) == 'L') {
                pos++;
                return new Token(TokenType.INTEGER, Long.toString(v), start, pos);
            }
            return new Token(TokenType.NUMBER, Long.toString(v), start, pos);
        }
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (peek(0) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if ((peek(0) == 'e' || peek(0) == 'E') && (Character.isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2)))) {
            pos += 2;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        String text = src.substring(start, pos);
        if (peek(0) == 'L') {
            pos++;
            return new Token(TokenType.INTEGER, text, start, pos);
        }
        return new Token(TokenType.NUMBER, text, start, pos);
    }

    private Token percentOp() {
        int start = pos;
        int end = src.indexOf('%', pos + 1);
        int nl = src.indexOf('\n', pos + 1);
        if (end < 0 || nl >= 0 && nl < end) {
            throw new LexError("unexpected input", pos, false);
        }
        pos = end + 1;
        return new Token(TokenType.OP, src.substring(start, pos), start, pos);
    }

    private Token backtick() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new LexError("unexpected end of input", start, true);
            }
            char c = src.charAt(pos++);
            if (c == '`') {
                break;
            }
            if (c == '\\' && pos < src.length()) {
                sb.append(src.charAt(pos++));
            } else {
                sb.append(c);
            }
        }
        return new Token(TokenType.SYMBOL, sb.toString(), start, pos);
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new LexError("unexpected INCOMPLETE_STRING", start, true);
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                break;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new LexError("unexpected INCOMPLETE_STRING", start, true);
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000B');
                case '\\', '"', '\'', '`', ' ' -> sb.append(e);
                case '\n' -> sb.append('\n');
                case 'x' -> sb.append((char) hex(2));
                case 'u' -> sb.appendCodePoint(unicode(4));
                case 'U' -> sb.appendCodePoint(unicode(8));
                default -> throw new LexError("'\\" + e + "' is an unrecognized escape in character string", pos - 2, false);
            }
        }
        return new Token(TokenType.STRING, sb.toString(), start, pos);
    }

    private int unicode(int max) {
        if (peek(0) == '{') {
            pos++;
            int v = hex(max);
            if (peek(0) == '}') {
                pos++;
            }
            return v;
        }
        return hex(max);
    }

    private int hex(int max) {
        int v = 0;
        int n = 0;
        while (n < max && pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
            v = v * 16 + Character.digit(src.charAt(pos++), 16);
            n++;
        }
        return v;
    }
}
