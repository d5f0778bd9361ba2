package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.repl.ScriptRunner;

/** Notebooks as scripts: which cells of an .ipynb or .Rmd run, in which language, and what a run prints. */
class NotebookFileTest {

    @TempDir
    Path directory;

    private static final String RMD = """
            ---
            title: "Tensors"
            ---
            Some prose with `inline code`.
            ```{r setup, include=FALSE}
            library(torch)
            ```
            ```{r}
            x <- torch_ones(2)
            cat("sum", x$sum()$item(), "\\n")
            ```
            ```{r not-now, eval = FALSE}
            stop("never run")
            ```
            ```{python}
            print("from python")
            ```
            ```{bash}
            echo skipped
            ```
            ```r
            cat("plain markdown code, not a chunk\\n")
            ```
            """;

    @Test
    void rMarkdownRunsItsRChunksExceptEvalFalse() {
        NotebookFile notebook = NotebookFile.rMarkdown(RMD);
        assertEquals(Language.R, notebook.language());
        List<String> code = notebook.cells().stream().map(NotebookFile.Cell::code).toList();
        assertEquals(List.of("library(torch)", "x <- torch_ones(2)\ncat(\"sum\", x$sum()$item(), \"\\n\")",
                ":py\nprint(\"from python\")"), code);
        assertEquals(9, notebook.cells().get(1).line(), "the chunk's first line in the file");
    }

    @Test
    void aJupyterNotebookGivesItsCodeCellsInItsLanguage() {
        String json = """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": ["const a = 1;\\n", "console.log(a + 1);"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "a"}],
                 "metadata": {"kernelspec": {"name": "torchglot-js", "display_name": "torchglot (JavaScript)",
                                             "language": "javascript"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """;
        NotebookFile notebook = NotebookFile.jupyter(Path.of("t.ipynb"), json);
        assertEquals(Language.JS, notebook.language());
        assertEquals(List.of("const a = 1;\nconsole.log(a + 1);", "a"),
                notebook.cells().stream().map(NotebookFile.Cell::code).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> NotebookFile.jupyter(Path.of("bad.ipynb"), "{\"cells\": 3}"));
        assertTrue(bad.getMessage().contains("bad.ipynb"), bad.getMessage());
    }

    @Test
    void runningANotebookPrintsAsAScriptAndStopsAtTheFailingCell() throws IOException {
        Path notebook = directory.resolve("lesson.ipynb");
        Files.writeString(notebook, """
                {"cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "import torch\\nx = torch.ones(3)\\nprint('total', x.sum().item())\\nx"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": ":share x\\n:r\\ncat('in R', as.numeric(x$sum()$item()), '\\\\n')"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "x.reshape(2, 2)"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "print('not reached')"}],
                 "metadata": {"kernelspec": {"name": "torchglot-python", "language": "python"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), false, directory).runFile(Path.of("lesson.ipynb"), List.of());
        String printed = out.toString(StandardCharsets.UTF_8);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, errors);
        assertEquals("total 3.0\nin R 3 \n", printed, "no value of a final expression is printed, as in a script");
        assertTrue(errors.contains("RuntimeError: shape '[2, 2]' is invalid for input of size 3"), errors);
        assertTrue(errors.endsWith("(in code cell 3 of lesson.ipynb)\n"), errors);
    }
}
