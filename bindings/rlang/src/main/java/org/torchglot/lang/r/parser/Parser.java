package org.torchglot.lang.r.parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.nodes.RBlockNode;
import org.torchglot.lang.r.nodes.RControlNodes;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.RParenNode;
import org.torchglot.lang.r.runtime.RParseError;

import com.oracle.truffle.api.source.Source;

/**
 * A hand-written Pratt parser for the R subset. Binding powers follow R's {@code ?Syntax}; newlines end an
 * expression only where it is complete and only outside {@code (} and {@code [}. Nodes are built by
 * {@link RNodeFactory}; every node keeps its source section.
 */
public final class Parser {
    private static final int BP_EQ_ASSIGN = 2;
    private static final int BP_ARG = 3;
    private static final int BP_NOT = 8;
    private static final int BP_PIPE = 12;
    private static final int BP_UNARY = 14;

    private final Source source;
    private final String text;
    private final List<Token> toks;
    private final RNodeFactory f;
    private final Deque<Character> nesting = new ArrayDeque<>();
    private int p;
    private int statementStart;

    private Parser(RLanguage language, Source source) {
        this.source = source;
        this.text = source.getCharacters().toString();
        List<Token> t;
        try {
            t = new Lexer(text).tokenize();
        } catch (Lexer.LexError e) {
            throw new RParseError(source, e.offset, syntaxMessage(e.getMessage(), e.offset, e.offset + 1), e.incomplete);
        }
        this.toks = t;
        this.f = new RNodeFactory(language, source);
    }

    /** Parses a whole program into its top-level expressions. */
    public static List<RNode> parse(RLanguage language, Source source) {
        return new Parser(language, source).program();
    }

    private List<RNode> program() {
        List<RNode> out = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (peek().type() == TokenType.EOF) {
                return out;
            }
            statementStart = peek().start();
            out.add(expr(0));
            Token t = peekRaw();
            if (t.type() != TokenType.NEWLINE && t.type() != TokenType.SEMI && t.type() != TokenType.EOF) {
                throw unexpected(t);
            }
        }
    }

    // ---- token access ----

    private boolean newlinesInsignificant() {
        Character c = nesting.peek();
        return c != null && (c == '(' || c == '[');
    }

    /** The next token, skipping newlines inside parentheses and brackets. */
    private Token peek() {
        if (newlinesInsignificant()) {
            while (toks.get(p).type() == TokenType.NEWLINE) {
                p++;
            }
        }
        return toks.get(p);
    }

    private Token peekRaw() {
        return toks.get(p);
    }

    private Token advance() {
        Token t = peek();
        if (t.type() != TokenType.EOF) {
            p++;
        }
        return t;
    }

    private void skipNewlines() {
        while (toks.get(p).type() == TokenType.NEWLINE) {
            p++;
        }
    }

    private void skipSeparators() {
        while (toks.get(p).type() == TokenType.NEWLINE || toks.get(p).type() == TokenType.SEMI) {
            p++;
        }
    }

    private Token expect(TokenType type) {
        Token t = peek();
        if (t.type() != type) {
            throw unexpected(t);
        }
        return advance();
    }

    // ---- errors ----

    private RParseError unexpected(Token t) {
        String what = switch (t.type()) {
            case EOF -> "end of input";
            case SYMBOL -> "symbol";
            case NUMBER, INTEGER, TRUE, FALSE, NULL, NA, NA_INTEGER, NA_REAL, NA_CHARACTER, INF, NAN -> "numeric constant";
            case STRING -> "string constant";
            case NEWLINE -> "newline";
            case OP -> t.text().startsWith("%") ? "SPECIAL" : t.text().equals("<-") || t.text().equals("<<-") ? "assignment"
                            : t.text().equals("->") || t.text().equals("->>") ? "assignment" : "'" + t.text() + "'";
            case LAMBDA -> "'\\\\'";
            default -> "'" + t.text() + "'";
        };
        if (t.type() == TokenType.EOF) {
            return new RParseError(source, t.start(), "Error: unexpected end of input", true);
        }
        return new RParseError(source, t.start(), syntaxMessage("unexpected " + what, t.start(), t.end()), false);
    }

    /** R's layout: {@code Error: unexpected symbol in "x y"}, with the statement's text up to the bad token. */
    private String syntaxMessage(String msg, int from, int to) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(statementStart, from) - 1)) + 1;
        String ctx = text.substring(lineStart, Math.min(text.length(), Math.max(to, from)));
        if (ctx.contains("\n")) {
            return "Error: " + msg + " in:\n\"" + ctx + "\"";
        }
        return "Error: " + msg + " in \"" + ctx + "\"";
    }

    // ---- expressions ----

    private static int infixBp(Token t, boolean eqAllowed) {
        if (t.type() == TokenType.LPAREN || t.type() == TokenType.LBRACKET || t.type() == TokenType.LBB) {
            return 16;
        }
        if (t.type() != TokenType.OP) {
            return -1;
        }
        String op = t.text();
        if (op.startsWith("%") || op.equals("|>")) {
            return BP_PIPE;
        }
        return switch (op) {
            case "?" -> 1;
            case "=" -> eqAllowed ? BP_EQ_ASSIGN : -1;
            case "<-", "<<-" -> 3;
            case "->", "->>" -> 4;
            case "~" -> 5;
            case "||", "|" -> 6;
            case "&&", "&" -> 7;
            case "==", "!=", "<", ">", "<=", ">=" -> 9;
            case "+", "-" -> 10;
            case "*", "/" -> 11;
            case ":" -> 13;
            case "^" -> 15;
            case "$", "@" -> 16;
            default -> -1;
        };
    }

    private static boolean rightAssoc(String op) {
        return op.equals("^") || op.equals("<-") || op.equals("<<-") || op.equals("=");
    }

    private RNode expr(int minBp) {
        int start = peek().start();
        RNode left = prefix();
        while (true) {
            Token t = peek();
            int bp = infixBp(t, minBp <= BP_EQ_ASSIGN);
            if (bp < 0 || bp < minBp) {
                return left;
            }
            left = infix(left, t, bp, start);
        }
    }

    private RNode infix(RNode left, Token t, int bp, int start) {
        switch (t.type()) {
            case LPAREN: {
                advance();
                Args args = args(TokenType.RPAREN, '(');
                return f.call(left, args.names, args.values, start, prevEnd());
            }
            case LBRACKET: {
                advance();
                Args args = args(TokenType.RBRACKET, '[');
                return f.index(left, args.names, args.values, false, start, prevEnd());
            }
            case LBB: {
                advance();
                Args args = args(TokenType.RBRACKET, '[');
                nesting.push('[');
                try {
                    expect(TokenType.RBRACKET);
                } finally {
                    nesting.pop();
                }
                return f.index(left, args.names, args.values, true, start, prevEnd());
            }
            default:
                break;
        }
        String op = t.text();
        advance();
        if (op.equals("$") || op.equals("@")) {
            Token name = advance();
            if (name.type() == TokenType.LPAREN) {
                throw unexpected(name);
            }
            if (name.type() != TokenType.SYMBOL && name.type() != TokenType.STRING && !isKeywordName(name)) {
                throw unexpected(name);
            }
            return op.equals("$") ? f.dollar(left, name.text(), start, name.end()) : f.at(left, name.text(), start, name.end());
        }
        skipNewlines();
        RNode right = expr(rightAssoc(op) ? bp : bp + 1);
        int end = prevEnd();
        return switch (op) {
            case "<-", "=" -> f.assign(left, right, false, start, end);
            case "<<-" -> f.assign(left, right, true, start, end);
            case "->" -> f.assign(right, left, false, start, end);
            case "->>" -> f.assign(right, left, true, start, end);
            case "%>%" -> f.pipe(left, right, false, start, end);
            case "|>" -> f.pipe(left, right, true, start, end);
            case "&&", "||" -> f.shortCircuit(op, left, right, start, end);
            case "?" -> left;
            default -> f.binary(op, left, right, start, end);
        };
    }

    private static boolean isKeywordName(Token t) {
        return switch (t.type()) {
            case TRUE, FALSE, NULL, NA, INF, NAN, IN -> true;
            default -> false;
        };
    }

    private int prevEnd() {
        int i = p - 1;
        while (i > 0 && toks.get(i).type() == TokenType.NEWLINE) {
            i--;
        }
        return toks.get(i).end();
    }

    private RNode prefix() {
        skipNewlines();
        Token t = advance();
        int s = t.start();
        switch (t.type()) {
            case NUMBER:
                return f.constant(Double.parseDouble(t.text()), s, t.end());
            case INTEGER:
                return f.constantInt((int) Double.parseDouble(t.text()), s, t.end());
            case STRING: {
                if (peek().isOp("::") || peek().isOp(":::")) {
                    return namespaced(t);
                }
                return f.constantString(t.text(), s, t.end());
            }
            case TRUE:
            case FALSE:
            case NULL:
            case NA:
            case NA_INTEGER:
            case NA_REAL:
            case NA_CHARACTER:
            case INF:
            case NAN:
                return f.keywordConstant(t.type(), s, t.end());
            case SYMBOL: {
                if (peekRaw().isOp("::") || peekRaw().isOp(":::")) {
                    return namespaced(t);
                }
                return f.symbol(t.text(), s, t.end());
            }
            case LPAREN: {
                nesting.push('(');
                RNode inner;
                try {
                    inner = expr(0);
                    expect(TokenType.RPAREN);
                } finally {
                    nesting.pop();
                }
                return f.at(new RParenNode(inner), s, prevEnd());
            }
            case LBRACE:
                return block(s);
            case OP: {
                String op = t.text();
                if (op.equals("-") || op.equals("+")) {
                    RNode operand = expr(BP_UNARY);
                    return f.unary(op, operand, s, prevEnd());
                }
                if (op.equals("!")) {
                    RNode operand = expr(BP_NOT);
                    return f.unary(op, operand, s, prevEnd());
                }
                if (op.equals("~")) {
                    RNode operand = expr(6);
                    return f.unary(op, operand, s, prevEnd());
                }
                if (op.equals("?")) {
                    // NOTE: ?topic is a call of `?`, which shows help (HelpBuiltins).
                    RNode topic = expr(2);
                    return f.call(f.symbol("?", s, t.end()), new String[] {null}, new RNode[] {topic}, s, prevEnd());
                }
                throw unexpected(t);
            }
            case FUNCTION:
            case LAMBDA:
                return function(s);
            case IF:
                return ifExpr(s);
            case FOR:
                return forExpr(s);
            case WHILE: {
                RNode cond = condition();
                skipNewlines();
                RNode body = expr(BP_EQ_ASSIGN);
                return f.at(new RControlNodes.While(cond, body), s, prevEnd());
            }
            case REPEAT: {
                skipNewlines();
                RNode body = expr(BP_EQ_ASSIGN);
                return f.at(new RControlNodes.Repeat(body), s, prevEnd());
            }
            case BREAK:
                return f.at(new RControlNodes.Break(), s, t.end());
            case NEXT:
                return f.at(new RControlNodes.Next(), s, t.end());
            default:
                throw unexpected(t);
        }
    }

    private RNode namespaced(Token pkg) {
        advance();
        Token name = advance();
        if (name.type() != TokenType.SYMBOL && name.type() != TokenType.STRING) {
            throw unexpected(name);
        }
        return f.symbol(name.text(), pkg.start(), name.end());
    }

    private RNode block(int s) {
        nesting.push('{');
        List<RNode> stmts = new ArrayList<>();
        try {
            while (true) {
                skipSeparators();
                if (peek().type() == TokenType.RBRACE) {
                    advance();
                    break;
                }
                if (peek().type() == TokenType.EOF) {
                    throw unexpected(peek());
                }
                stmts.add(expr(0));
                Token t = peekRaw();
                if (t.type() != TokenType.NEWLINE && t.type() != TokenType.SEMI && t.type() != TokenType.RBRACE) {
                    throw unexpected(t);
                }
            }
        } finally {
            nesting.pop();
        }
        return f.at(new RBlockNode(stmts.toArray(new RNode[0])), s, prevEnd());
    }

    private RNode condition() {
        expectParenOpen();
        RNode c;
        try {
            c = expr(0);
            expect(TokenType.RPAREN);
        } finally {
            nesting.pop();
        }
        return c;
    }

    private void expectParenOpen() {
        skipNewlines();
        Token t = peek();
        if (t.type() != TokenType.LPAREN) {
            throw unexpected(t);
        }
        advance();
        nesting.push('(');
    }

    private RNode ifExpr(int s) {
        RNode cond = condition();
        skipNewlines();
        RNode then = expr(BP_EQ_ASSIGN);
        RNode otherwise = null;
        int save = p;
        // NOTE: at top level a newline ends the if statement, so `else` on the next line is a syntax error as in R;
        // inside braces or parentheses the parser may look past newlines for it.
        if (!nesting.isEmpty()) {
            skipNewlines();
        }
        if (peek().type() == TokenType.ELSE) {
            advance();
            skipNewlines();
            otherwise = expr(BP_EQ_ASSIGN);
        } else {
            p = save;
        }
        return f.at(new RControlNodes.If(cond, then, otherwise), s, prevEnd());
    }

    private RNode forExpr(int s) {
        expectParenOpen();
        String var;
        RNode seq;
        try {
            Token v = expect(TokenType.SYMBOL);
            var = v.text();
            expect(TokenType.IN);
            seq = expr(0);
            expect(TokenType.RPAREN);
        } finally {
            nesting.pop();
        }
        skipNewlines();
        RNode body = expr(BP_EQ_ASSIGN);
        return f.at(new RControlNodes.For(var, seq, body), s, prevEnd());
    }

    private RNode function(int s) {
        expectParenOpen();
        List<String> names = new ArrayList<>();
        List<RNode> defaults = new ArrayList<>();
        try {
            if (peek().type() != TokenType.RPAREN) {
                while (true) {
                    Token n = expect(TokenType.SYMBOL);
                    names.add(n.text());
                    if (peek().isOp("=")) {
                        advance();
                        defaults.add(expr(BP_ARG));
                    } else {
                        defaults.add(null);
                    }
                    if (peek().type() == TokenType.COMMA) {
                        advance();
                        continue;
                    }
                    break;
                }
            }
            expect(TokenType.RPAREN);
        } finally {
            nesting.pop();
        }
        skipNewlines();
        RNode body = expr(BP_EQ_ASSIGN);
        return f.function(names.toArray(new String[0]), defaults.toArray(new RNode[0]), body, s, prevEnd());
    }

    private record Args(String[] names, RNode[] values) {
    }

    /** Arguments up to {@code close}; empty arguments ({@code x[, 1]}) are null values. */
    private Args args(TokenType close, char nest) {
        nesting.push(nest);
        List<String> names = new ArrayList<>();
        List<RNode> values = new ArrayList<>();
        try {
            if (peek().type() == close) {
                advance();
                return new Args(new String[0], new RNode[0]);
            }
            while (true) {
                Token t = peek();
                String name = null;
                RNode value = null;
                if (t.type() == TokenType.COMMA || t.type() == close) {
                    value = null;
                } else if ((t.type() == TokenType.SYMBOL || t.type() == TokenType.STRING || t.type() == TokenType.NULL) && toks.get(nextSignificant(p + 1)).isOp("=")) {
                    name = t.text();
                    advance();
                    advance();
                    Token after = peek();
                    value = after.type() == TokenType.COMMA || after.type() == close ? null : expr(BP_ARG);
                } else {
                    value = expr(BP_ARG);
                }
                names.add(name);
                values.add(value);
                Token sep = peek();
                if (sep.type() == TokenType.COMMA) {
                    advance();
                    continue;
                }
                if (sep.type() == close) {
                    if (close == TokenType.RPAREN) {
                        advance();
                    }
                    break;
                }
                throw unexpected(sep);
            }
        } finally {
            nesting.pop();
        }
        if (close == TokenType.RBRACKET) {
            nesting.push('[');
            try {
                expect(TokenType.RBRACKET);
            } finally {
                nesting.pop();
            }
        }
        return new Args(names.toArray(new String[0]), values.toArray(new RNode[0]));
    }

    private int nextSignificant(int i) {
        while (toks.get(i).type() == TokenType.NEWLINE) {
            i++;
        }
        return i;
    }
}
