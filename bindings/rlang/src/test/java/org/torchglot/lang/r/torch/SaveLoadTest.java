package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.TorchIO;

/**
 * {@code torch_save()}, {@code torch_load()} and {@code load_state_dict()}: round trips of tensors, lists, modules
 * and optimizer state, files PyTorch wrote ({@code tools/fixtures/r_torch_fixtures.py}), files PyTorch can read, and
 * the sandbox's say over where files go.
 */
class SaveLoadTest {
    private static final Engine ENGINE = Engine.newBuilder("R").option("engine.WarnInterpreterOnly", "false").build();

    @TempDir
    Path dir;

    private String run(String code, boolean io) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context.Builder builder = Context.newBuilder("R").engine(ENGINE).out(out).err(out);
        try (Context ctx = (io ? builder.allowIO(IOAccess.ALL).currentWorkingDirectory(dir) : builder).build()) {
            ctx.eval(Source.newBuilder("R", "library(torch)\n" + code, "test.R").buildLiteral());
        } catch (PolyglotException e) {
            String at = e.getSourceLocation() == null ? "(no location)" : "test.R:" + e.getSourceLocation().getStartLine();
            out.writeBytes((e.getMessage() + "\n-- at " + at + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void moduleAndOptimizerStateSurviveASaveAndTrainingGoesOnIdentically() throws IOException {
        String out = run("""
                torch_manual_seed(1)
                x <- torch_randn(8, 3)
                model <- nn_sequential(nn_linear(3, 4), nn_relu(), nn_linear(4, 1))
                opt <- optim_adam(model$parameters, lr = 0.01)
                train <- function(m, o) { o$zero_grad(); m(x)$pow(2)$sum()$backward(); o$step() }
                train(model, opt)
                torch_save(model, "model.pt")
                torch_save(opt$state_dict(), "opt.pt")
                copy <- nn_sequential(nn_linear(3, 4), nn_relu(), nn_linear(4, 1))
                copy$load_state_dict(torch_load("model.pt"))
                copy_opt <- optim_adam(copy$parameters, lr = 0.5)
                copy_opt$load_state_dict(torch_load("opt.pt"))
                cat(copy_opt$param_groups[[1]]$lr, torch_equal(model(x), copy(x)), "\\n")
                for (i in 1:3) { train(model, opt); train(copy, copy_opt) }
                cat(torch_equal(model(x), copy(x)), "\\n")
                """, true);
        assertEquals("0.01 TRUE \nTRUE \n", out);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("model.pt", "opt.pt"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left beside the saves");
        }
        Object state = TorchIO.load(dir.resolve("model.pt"));
        assertTrue(state instanceof OrderedDict, "a module is saved as PyTorch's state dict");
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(((Map<?, ?>) state).keySet()));
        Map<?, ?> opt = (Map<?, ?>) TorchIO.load(dir.resolve("opt.pt"));
        assertEquals(List.of(0L, 1L, 2L, 3L), List.copyOf(((Map<?, ?>) opt.get("state")).keySet()),
                "optimizer state is keyed by parameter numbers, as PyTorch's load_state_dict needs");
    }

    @Test
    void tensorsAndListsRoundTrip() {
        String out = run("""
                x <- torch_tensor(matrix(c(1.5, -2, 3, 4), 2))
                torch_save(x, "x.pt")
                torch_save(list(a = 1, b = c(1L, 2L), s = c("u", "v"), ok = TRUE, t = x, l = list(2, NULL)), "l.pt")
                torch_save(x * 2, "x.pt")
                cat(as.numeric(torch_load("x.pt")), "\\n")
                l <- torch_load("l.pt")
                cat(names(l), "|", l$a, class(l$b), l$b, l$s, l$ok, torch_equal(l$t, x), length(l$l), "\\n")
                """, true);
        assertEquals("3 -4 6 8 \na b s ok t l | 1 integer 1 2 u v TRUE TRUE 2 \n", out);
    }

    @Test
    void aStateDictWrittenByPyTorchLoadsIntoAnRModule() throws IOException {
        try (InputStream in = SaveLoadTest.class.getResourceAsStream("/fixtures/pytorch_mlp.pt")) {
            Files.write(dir.resolve("pytorch_mlp.pt"), in.readAllBytes());
        }
        String expected;
        try (InputStream in = SaveLoadTest.class.getResourceAsStream("/fixtures/pytorch_mlp.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String out = run("""
                m <- nn_sequential(nn_linear(3, 4), nn_relu(), nn_linear(4, 1))
                state <- load_state_dict("pytorch_mlp.pt")
                m$load_state_dict(state)
                cat(sprintf("%.6f", as.numeric(m(torch_arange(0, 5)$reshape(c(2, 3))))), "\\n")
                """, true);
        assertEquals(expected.strip(), out.strip());
    }

    @Test
    void theSandboxDecidesWhereFilesGo() {
        assertEquals("Error in torch_save(torch_ones(2), \"x.pt\") : \n  cannot open file 'x.pt': Permission denied\n"
                + "-- at test.R:3\n", run("\ntorch_save(torch_ones(2), \"x.pt\")\n", false));
        assertEquals("Error in torch_load(\"missing.pt\") : \n  cannot open file 'missing.pt': No such file or "
                + "directory\n-- at test.R:2\n", run("torch_load(\"missing.pt\")\n", true));
    }
}
