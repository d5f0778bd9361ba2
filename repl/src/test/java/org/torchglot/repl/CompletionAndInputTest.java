package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.engine.api.OpTable;

/** Completion from live values, the languages' completeness checks, and highlighting, on one session. */
class CompletionAndInputTest {

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static ReplSession session;
    private static TorchCompleter completer;

    @BeforeAll
    static void openSession() {
        PrintStream out = new PrintStream(OUT, true, StandardCharsets.UTF_8);
        session = new ReplSession(() -> TorchglotContext.builder().out(out).err(out).build(), Language.PYTHON, out);
        completer = new TorchCompleter(session, new Commands());
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    @Test
    void pythonCompletesMembersOfLiveValuesKeywordsAndTorchNames() {
        session.switchTo(Language.PYTHON);
        assertEquals(ReplSession.Outcome.DONE, session.evaluate("""
                import torch
                class Net(torch.nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.fc1 = torch.nn.Linear(2, 3)
                model = Net()
                """));
        assertEquals(List.of("model.forward"), complete("model.fo"));
        assertTrue(complete("model.f").contains("model.fc1"));
        assertTrue(complete("model.").containsAll(List.of("model.fc1", "model.parameters", "model.zero_grad")));
        assertTrue(complete("mod").contains("model"));
        assertTrue(complete("whi").contains("while"));
        assertTrue(complete("torch.nn.Li").contains("torch.nn.Linear"));
        assertTrue(complete("torch.").stream().noneMatch(name -> name.startsWith("torch._")), "private names are offered");
        assertTrue(complete("torch._").stream().allMatch(name -> name.startsWith("torch._")));
        assertTrue(complete("torch._").contains("torch._bridge"), "a typed '_' asks for private names");
        assertEquals(List.of(":help"), complete(":he"));
        assertTrue(complete(":help torch.matm").contains("torch.matmul"));
        assertTrue(completer.candidates(":help nn_li", "nn_li").contains("nn_linear"));
    }

    @Test
    void javascriptCompletesThroughThePrototypeChain() {
        session.switchTo(Language.JS);
        session.evaluate("class Net { forward(x) { return x } }\nconst net = new Net(); net.hidden = 4");
        assertEquals(List.of("net.forward", "net.hidden"), complete("net."));
        session.evaluate("const torch = require('torch'); const lin = new torch.nn.Linear(2, 3)");
        assertTrue(complete("lin.").contains("lin.weight"));
        assertTrue(complete("lin.").stream().noneMatch(name -> name.startsWith("lin._")), "private names are offered");
        assertTrue(complete("ne").contains("net"));
        assertTrue(complete("cons").contains("const"));
    }

    @Test
    void rCompletesNamesAfterTheDollarAndTorchFunctions() {
        session.switchTo(Language.R);
        session.evaluate("config <- list(lr = 0.1, epochs = 10)");
        assertEquals(List.of("config$epochs", "config$lr"), complete("config$"));
        assertTrue(complete("conf").contains("config"));
        assertTrue(complete("torch_mat").contains("torch_matmul"));
        assertEquals(List.of("nn_relu", "nn_relu6"), complete("nn_re"));
        assertTrue(complete("nn_").containsAll(List.of("nn_mse_loss", "nn_bce_loss", "nn_leaky_relu", "nn_linear")));
        assertTrue(complete("nn_").stream().noneMatch(List.of("nn_re_lu", "nn_mseloss", "nn_bceloss", "nn_leaky_re_lu")::contains));
        session.evaluate("library(torch)");
        assertTrue(complete("nn_mod").containsAll(List.of("nn_module", "nn_module_list")), "names of the attached package");
        assertTrue(complete("pri").contains("print"), "base R's names");
    }

    @Test
    void rCompletesTensorMethodsModuleMembersAndEnvironmentsAfterTheDollar() {
        session.switchTo(Language.R);
        session.evaluate("""
                library(torch)
                x <- torch_ones(2, requires_grad = TRUE)
                net <- nn_module(initialize = function() { self$fc1 <- nn_linear(2, 3); self$k <- 3 },
                                 forward = function(x) self$fc1(x))
                model <- net()
                env <- new.env(); assign("alpha", 1, envir = env)
                """);
        assertTrue(complete("x$").containsAll(List.of("x$grad", "x$shape", "x$backward", "x$mean", "x$view")));
        assertEquals(List.of("x$requires_grad", "x$requires_grad_"), complete("x$requires_gr"));
        assertTrue(complete("model$").containsAll(List.of("model$fc1", "model$k", "model$forward", "model$parameters")));
        assertTrue(complete("model$fc1$").containsAll(List.of("model$fc1$weight", "model$fc1$bias", "model$fc1$train")));
        assertEquals(List.of("model$fc1$weight$grad", "model$fc1$weight$grad_fn"), complete("model$fc1$weight$grad"));
        assertEquals(List.of("env$alpha"), complete("env$"));
        assertEquals(List.of(), complete("nothing$"));
    }

    @Test
    void eachLanguageDecidesWhenInputIsComplete() {
        session.switchTo(Language.PYTHON);
        assertTrue(session.needsMore("def f():"));
        assertTrue(session.needsMore("def f():\n    return 1"));
        assertFalse(session.needsMore("def f():\n    return 1\n"));
        assertTrue(session.needsMore("x = [1,"));
        assertTrue(session.needsMore("s = '''abc"));
        assertFalse(session.needsMore("x = )"));
        assertFalse(session.needsMore("1 + 1"));
        session.switchTo(Language.JS);
        assertTrue(session.needsMore("function f() {"));
        assertTrue(session.needsMore("1 +"));
        assertTrue(session.needsMore("`abc"));
        assertFalse(session.needsMore("x = )"));
        assertFalse(session.needsMore("'abc"));
        session.switchTo(Language.R);
        assertTrue(session.needsMore("f <- function() {"));
        assertTrue(session.needsMore("c(1,"));
        assertFalse(session.needsMore("x <- )"));
        assertFalse(session.needsMore("1 + 1"));
    }

    @Test
    void pythonDocstringsAndTheOpTableHelpClasses() {
        session.switchTo(Language.PYTHON);
        session.evaluate("import torch");
        String doc = session.query(mode -> mode.documentation("torch.nn.Linear"), null);
        assertTrue(doc == null || !doc.isBlank());
        assertEquals(OpTable.modules().op("Linear"), TorchApi.find("torch.nn.Linear", false).orElseThrow().op());
        assertEquals(OpTable.optimizers().op("SGD"), TorchApi.find("optim_sgd", false).orElseThrow().op());
        assertEquals(OpTable.functional().op("relu"), TorchApi.find("nnf_relu", false).orElseThrow().op());
    }

    @Test
    void theLexerStylesKeywordsStringsNumbersAndComments() {
        AttributedString python = SyntaxLexer.of(Language.PYTHON).highlight("def f(): return 'a' + 12 # note");
        assertEquals(SyntaxLexer.KEYWORD, python.styleAt(0));
        assertEquals(SyntaxLexer.STRING, python.styleAt("def f(): return ".length()));
        assertEquals(SyntaxLexer.NUMBER, python.styleAt("def f(): return 'a' + ".length()));
        assertEquals(SyntaxLexer.COMMENT, python.styleAt("def f(): return 'a' + 12 ".length()));
        AttributedString js = SyntaxLexer.of(Language.JS).highlight("const s = `x` /* c */ // d");
        assertEquals(SyntaxLexer.KEYWORD, js.styleAt(0));
        assertEquals(SyntaxLexer.STRING, js.styleAt("const s = ".length()));
        assertEquals(SyntaxLexer.COMMENT, js.styleAt("const s = `x` ".length()));
        AttributedString r = SyntaxLexer.of(Language.R).highlight("is.na <- function(x) NULL # r");
        assertEquals(SyntaxLexer.KEYWORD, r.styleAt("is.na <- ".length()));
        assertEquals(SyntaxLexer.COMMENT, r.styleAt("is.na <- function(x) NULL ".length()));
        assertFalse(r.styleAt(0).equals(SyntaxLexer.KEYWORD));
    }

    private static List<String> complete(String line) {
        CodeLine parsed = CodeLine.at(line, line.length());
        return completer.candidates(line, parsed.word());
    }
}
