package org.torchglot.lang.r.parser;

/** The kinds of R tokens. Operators carry their text in {@link Token#text()}. */
public enum TokenType {
    NUMBER, INTEGER, STRING, SYMBOL, OP, NEWLINE, SEMI, COMMA,
    LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, LBB, RBRACKET,
    FUNCTION, LAMBDA, IF, ELSE, FOR, IN, WHILE, REPEAT, BREAK, NEXT,
    TRUE, FALSE, NULL, NA, NA_INTEGER, NA_REAL, NA_CHARACTER, INF, NAN,
    EOF
}
