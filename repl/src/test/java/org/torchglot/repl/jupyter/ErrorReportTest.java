package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.repl.CellSession;

/** ename and evalue read from each language's printed error, the traceback kept as printed. */
class ErrorReportTest {

    @Test
    void pythonNamesTheErrorOnItsLastLine() {
        ErrorReport report = ErrorReport.of(CellSession.Outcome.FAILED, """
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <module>
                ValueError: bad value
                """);
        assertEquals(List.of("ValueError", "bad value"), List.of(report.ename(), report.evalue()));
        assertEquals(3, report.traceback().size());
        ErrorReport syntax = ErrorReport.of(CellSession.Outcome.FAILED, "  File \"<stdin>\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
        assertEquals("SyntaxError", syntax.ename());
    }

    @Test
    void rAndJavaScriptNameItOnTheFirstLine() {
        ErrorReport r = ErrorReport.of(CellSession.Outcome.FAILED,
                "Error in nn_linear(2, \"a\") : \n  Linear(): argument 'out_features' must be int, not str\n    at <toplevel> (<stdin>:1:1)\n");
        assertEquals(List.of("Error", "Linear(): argument 'out_features' must be int, not str"), List.of(r.ename(), r.evalue()));
        ErrorReport shortR = ErrorReport.of(CellSession.Outcome.FAILED, "Error: bad input\n    at <toplevel> (<stdin>:1:1)\n");
        assertEquals("bad input", shortR.evalue());
        assertEquals("subscript out of bounds", ErrorReport.of(CellSession.Outcome.FAILED,
                "Error in x[1:2] : subscript out of bounds\n").evalue());
        ErrorReport js = ErrorReport.of(CellSession.Outcome.FAILED, "TypeError: Cannot read property 'foo' of null\n    at <anonymous> (<stdin>:1:1)\n");
        assertEquals(List.of("TypeError", "Cannot read property 'foo' of null"), List.of(js.ename(), js.evalue()));
    }

    @Test
    void anInterruptIsAKeyboardInterrupt() {
        assertEquals("KeyboardInterrupt", ErrorReport.of(CellSession.Outcome.INTERRUPTED, "\n").ename());
        assertEquals(List.of("KeyboardInterrupt"), ErrorReport.of(CellSession.Outcome.INTERRUPTED, "").traceback());
    }
}
