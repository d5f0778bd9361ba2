package org.torchglot.lang.r;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.parser.Parser;
import org.torchglot.lang.r.runtime.RParseError;

import com.oracle.truffle.api.source.Source;

/** The parser on its own: statement splitting, newline rules, rewrites (pipes, replacement, ->), literals, lines. */
class ParserTest {

    private static List<RNode> parse(String code) {
        return Parser.parse(null, Source.newBuilder("R", code, "test.R").build());
    }

    private static String deparse(String code) {
        List<RNode> nodes = parse(code);
        assertEquals(1, nodes.size(), "one expression expected in: " + code);
        return nodes.get(0).deparse();
    }

    @Test
    void statementsEndAtNewlinesAndSemicolonsOnlyWhenComplete() {
        assertEquals(3, parse("a <- 1; b <- 2\nc").size());
        assertEquals(1, parse("x <- 1 +\n  2").size());
        assertEquals(1, parse("f(1,\n  2)").size());
        assertEquals(1, parse("x[1,\n 2]").size());
        assertEquals(1, parse("if (x)\n  y").size());
        assertEquals(1, parse("{\n  if (a) b\n  else c\n}").size());
        assertEquals(1, parse("function(x)\n  x").size());
        assertEquals(1, parse("x %>%\n  f()").size());
    }

    @Test
    void elseOnANewLineAtTopLevelIsAnError() {
        RParseError e = assertThrows(RParseError.class, () -> parse("if (a) b\nelse c"));
        assertEquals("Error: unexpected 'else' in \"else\"", e.getMessage());
        assertFalse(e.isIncomplete());
    }

    @Test
    void unfinishedInputIsIncomplete() {
        assertTrue(assertThrows(RParseError.class, () -> parse("x <- 1 +")).isIncomplete());
        assertTrue(assertThrows(RParseError.class, () -> parse("f(1, ")).isIncomplete());
        assertTrue(assertThrows(RParseError.class, () -> parse("{ a")).isIncomplete());
        assertTrue(assertThrows(RParseError.class, () -> parse("s <- 'open")).isIncomplete());
        RParseError e = assertThrows(RParseError.class, () -> parse("x y"));
        assertFalse(e.isIncomplete());
        assertEquals("Error: unexpected symbol in \"x y\"", e.getMessage());
    }

    @Test
    void pipesBecomeCalls() {
        assertEquals("f(x, y)", deparse("x %>% f(y)"));
        assertEquals("f(x)", deparse("x %>% f"));
        assertEquals("self$layer(input)", deparse("input %>% self$layer()"));
        assertEquals("g(f(x))", deparse("x %>% f() %>% g()"));
        assertEquals("paste(\"a\", x)", deparse("x %>% paste(\"a\", .)"));
        assertEquals("g(x)", deparse("x |> g()"));
        assertEquals("h(1, y = x)", deparse("x |> h(1, y = _)"));
    }

    @Test
    void assignmentForms() {
        assertEquals("a <- 1", deparse("1 -> a"));
        assertEquals("a <<- 1", deparse("1 ->> a"));
        assertEquals("a <- 1", deparse("a = 1"));
        assertEquals("names(x)[2] <- \"b\"", deparse("names(x)[2] <- \"b\""));
        assertEquals("self$w <- 0", deparse("self$w <- 0"));
        assertEquals("x[[\"k\"]]$v[1, ] <- 2", deparse("x[['k']]$v[1, ] <- 2"));
        assertEquals("attr(x, \"dim\") <- c(2, 2)", deparse("attr(x, \"dim\") <- c(2, 2)"));
    }

    @Test
    void precedenceShowsInTheTree() {
        assertEquals("(-1):3", parenthesize("-1:3"));
        assertEquals("-(2^2)", parenthesize("-2^2"));
        assertEquals("!(x %in% y)", parenthesize("!x %in% y"));
        assertEquals("(a + (b * c)) > d", parenthesize("a + b * c > d"));
        assertEquals("2^(3^2)", parenthesize("2^3^2"));
        assertEquals("(1 - 2) - 3", parenthesize("1 - 2 - 3"));
    }

    /** Deparses with every operator application in parentheses, by re-parsing sub-expressions. */
    private static String parenthesize(String code) {
        RNode n = parse(code).get(0);
        return Structure.of(n);
    }

    @Test
    void literalsAndNames() {
        assertEquals("1L", deparse("1L"));
        assertEquals("1e-04", deparse("1e-4"));
        assertEquals("16", deparse("0x10"));
        assertEquals("0.5", deparse(".5"));
        assertEquals("\"a\\tb\"", deparse("'a\\tb'"));
        assertEquals("`0.weight`", deparse("`0.weight`"));
        assertEquals("walk(x, f)", deparse("purrr::walk(x, f)"));
        assertEquals("x[, 1]", deparse("x[, 1]"));
        assertEquals("..1", deparse("..1"));
        assertEquals("TRUE", deparse("TRUE"));
    }

    @Test
    void nodesKeepTheirLines() {
        List<RNode> nodes = parse("a <- 1\n\n# comment\nb <- function(x) {\n  x\n}\nc");
        assertEquals(1, nodes.get(0).line());
        assertEquals(4, nodes.get(1).line());
        assertEquals(7, nodes.get(2).line());
    }
}
