package org.torchglot.lang.r.parser;

/** One token: its kind, its text (symbol name, decoded string, operator), and where it starts and ends. */
public record Token(TokenType type, String text, int start, int end) {
    public boolean isOp(String op) {
        return type == TokenType.OP && text.equals(op);
    }

    @Override
    public String toString() {
        return type + "(" + text + ")";
    }
}
