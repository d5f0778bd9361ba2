package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;

/**
 * The cross-language session of docs/repl.md (a model built in R, trained from Python, inspected
 * from JavaScript and R) is replayed as written: through the REPL's session machinery on a JLine
 * terminal, and on a real pseudo-terminal. Its output must be what the page shows.
 */
class DocumentedSessionTest {

    private static final Path PAGE = Path.of("..", "docs", "repl.md").toAbsolutePath().normalize();
    private static final Pattern PROMPT = Pattern.compile("^(py|js|r)> |^\\.\\.\\. ?");
    /** The faint elapsed time printed after slow evaluations, which varies from run to run. */
    private static final Pattern ELAPSED = Pattern.compile("(?m)^\\(\\d[\\d.]* (s|ms|min)[^)]*\\)\\n");

    @TempDir
    Path home;

    @Test
    void crossLanguageSessionPrintsWhatThePageShows() throws IOException {
        String transcript = session("cross-language");
        try (ReplDriver repl = new ReplDriver(Language.R, home)) {
            repl.type(String.join("\n", inputs(transcript)) + "\n");
            assertEquals(0, repl.finish());
            String screen = normalised(repl.screen());
            assertTrue(screen.contains(transcript), "expected, as in " + PAGE + ":\n" + transcript + "\nscreen:\n" + screen);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void crossLanguageSessionOnARealTerminal() throws Exception {
        String transcript = session("cross-language");
        try (PseudoTerminal repl = PseudoTerminal.start(home, "--lang", "r")) {
            String prompt = "r> ";
            for (String line : transcript.split("\n")) {
                Matcher input = PROMPT.matcher(line);
                if (input.find()) {
                    repl.await(line.startsWith("...") ? "... " : "\n" + input.group());
                    prompt = line.startsWith("...") ? prompt : input.group();
                    repl.type(line.substring(input.end()) + "\r");
                } else {
                    repl.await(line);
                }
            }
            repl.awaitPrompt(prompt).type(":quit\r");
            assertEquals(0, repl.awaitExit(), repl.screen());
        }
    }

    /** The fenced block after {@code <!-- session: NAME -->} on the page. */
    private static String session(String name) throws IOException {
        String page = Files.readString(PAGE);
        Matcher block = Pattern.compile("<!-- session: " + Pattern.quote(name) + " -->\\n```\\n(.*?)```", Pattern.DOTALL)
                .matcher(page);
        assertTrue(block.find(), "no session " + name + " in " + PAGE);
        return block.group(1);
    }

    /** What the user typed: the text after each prompt. */
    private static List<String> inputs(String transcript) {
        return transcript.lines().map(PROMPT::matcher).filter(Matcher::find)
                .map(m -> m.replaceFirst("")).toList();
    }

    /** The screen as the page writes it: no trailing spaces, no elapsed times. */
    private static String normalised(String screen) {
        String text = screen.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
        return ELAPSED.matcher(text).replaceAll("");
    }
}
