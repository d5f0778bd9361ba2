package org.torchglot.repl.jupyter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.torchglot.bindings.Language;
import org.torchglot.engine.io.Json;

/**
 * The code of a notebook, in order: a Jupyter notebook's ({@code .ipynb}) code cells in the notebook's
 * language, or an R Markdown file's ({@code .Rmd}) {@code ```{r}} chunks, leaving out those with
 * {@code eval = FALSE} ({@code {python}} and {@code {js}} chunks run in their languages, as knitr's engines would).
 *
 * @param language the language cells run in unless they say otherwise
 * @param cells the code to run, each with its place in the file
 */
public record NotebookFile(Language language, List<Cell> cells) {

    /** One cell's code: the {@code number}-th code cell, starting at {@code line} of the file (.Rmd) or 0. */
    public record Cell(int number, int line, String code) {
    }

    private static final Pattern CHUNK_START = Pattern.compile("^\\s*```+\\s*\\{\\s*([A-Za-z]+)\\b(.*)}\\s*$");
    private static final Pattern EVAL_FALSE = Pattern.compile("(^|,)\\s*eval\\s*=\\s*(FALSE|F)\\s*(,|$)");

    /** Whether the file is a notebook this class reads, by its extension. */
    public static boolean isNotebook(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ipynb") || name.endsWith(".rmd");
    }

    /**
     * Reads a notebook.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not a notebook
     */
    public static NotebookFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("can't open file '" + file + "': No such file or directory");
        } catch (IOException e) {
            throw new IllegalArgumentException("can't open file '" + file + "': " + e.getMessage());
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rmd") ? rMarkdown(text) : jupyter(file, text);
    }

    static NotebookFile jupyter(Path file, String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.SyntaxError e) {
            throw new IllegalArgumentException(file + " is not a Jupyter notebook (not JSON: " + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> notebook) || !(notebook.get("cells") instanceof List<?> cells)) {
            throw new IllegalArgumentException(file + " is not a Jupyter notebook (no \"cells\" list; nbformat 4 is expected)");
        }
        List<Cell> code = new ArrayList<>();
        for (Object item : cells) {
            if (item instanceof Map<?, ?> cell && "code".equals(cell.get("cell_type"))) {
                code.add(new Cell(code.size() + 1, 0, source(cell.get("source"))));
            }
        }
        return new NotebookFile(notebookLanguage(notebook.get("metadata")), code);
    }

    static NotebookFile rMarkdown(String text) {
        List<Cell> chunks = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = CHUNK_START.matcher(lines.get(i));
            if (!start.matches()) {
                continue;
            }
            int first = i + 1;
            int end = first;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            Optional<Language> engine = Language.forName(start.group(1));
            String options = start.group(2).replaceFirst("^\\s*[\\w.-]*\\s*(,|$)", "");
            if (engine.isPresent() && !EVAL_FALSE.matcher(options).find()) {
                String body = String.join("\n", lines.subList(first, end));
                String command = engine.get() == Language.R ? "" : ":" + (engine.get() == Language.PYTHON ? "py" : "js") + "\n";
                chunks.add(new Cell(chunks.size() + 1, first + 1, command + body));
            }
            i = end;
        }
        return new NotebookFile(Language.R, chunks);
    }

    /** A cell's source: one string, or a list of lines as nbformat stores it. */
    private static String source(Object source) {
        if (source instanceof List<?> parts) {
            StringBuilder text = new StringBuilder();
            parts.forEach(part -> text.append(part));
            return text.toString();
        }
        return source instanceof String s ? s : "";
    }

    /** The notebook's language from its kernelspec or language_info; Python when it names none we run. */
    private static Language notebookLanguage(Object metadata) {
        if (metadata instanceof Map<?, ?> meta) {
            for (String key : List.of("kernelspec", "language_info")) {
                if (meta.get(key) instanceof Map<?, ?> info) {
                    Object name = info.get(key.equals("kernelspec") ? "language" : "name");
                    Optional<Language> language = name instanceof String s
                            ? Language.forName(s) : Optional.empty();
                    if (language.isPresent()) {
                        return language.get();
                    }
                }
            }
        }
        return Language.PYTHON;
    }
}
