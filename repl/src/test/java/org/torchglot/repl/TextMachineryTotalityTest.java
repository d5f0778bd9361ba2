package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/**
 * The REPL's text machinery (lexer and highlighter, completion's word splitting and candidates,
 * the multi-line detector) ends on any input in every language: every printable ASCII character
 * alone and after every other one, unterminated strings and comments, trailing backslashes,
 * unicode and seeded random text, each call under a timeout, so a hang fails instead of freezing CI.
 */
class TextMachineryTotalityTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String PRINTABLE = printableAscii();
    private static final List<String> AWKWARD = List.of("", " ", "\n", "\t", "x$", "self$", "self$fc1$", "x$$",
            "$", "$$x", "net$fc1(x)$sum()", "'abc", "\"abc", "`abc", "'''abc", "\"\"\"abc", "# comment", "// comment",
            "/* comment", "/*", "*/", "\\", "x = 1 + \\", "'abc\\", "\"\\\"", "f(", "f(1, ", "[[", "{", ")", "]]",
            "function(x) {", "def f(:", "...", ".5e", "1e", "0x", "1L", "x <- ", "%in%", "%%", "`%o%` <- 1", "@",
            "e\u0301\u0301", "\u0645\u0631\u062d\u0628\u0627 <- 1", "\u202eabc\u202c", "\ud83d\ude00", "x = '\ud83d\ude00",
            "\ud83d", "\ude00x", "\u0000", "\u00a0x", "\u4e2d\u6587 = 1", "\ufeffx");

    private static ReplSession session;
    private static TorchCompleter completer;
    private static TorchHighlighter highlighter;
    private static Parser parser;

    @BeforeAll
    static void openSession() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        session = new ReplSession(() -> TorchglotContext.builder().out(out).err(out).build(), Language.R, out);
        completer = new TorchCompleter(session, new Commands());
        highlighter = new TorchHighlighter(session);
        parser = new InputParser(session);
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    /**
     * Pairs go through the key-press machinery only: a pair through each guest language's parser
     * and completion (thousands of guest calls) would take minutes; the singles, the awkward and
     * the random inputs cover those.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPrintableCharacterAloneAndAfterEveryOtherEnds(Language language) {
        switchTo(language);
        for (int i = 0; i < PRINTABLE.length(); i++) {
            String first = PRINTABLE.substring(i, i + 1);
            checkAll(first);
            // NOTE: one timeout per row of pairs: a thread per pair would take longer than the checks.
            within(() -> {
                for (int j = 0; j < PRINTABLE.length(); j++) {
                    checkText(first + PRINTABLE.charAt(j));
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void unterminatedUnicodeAndRandomInputEnds(Language language) {
        switchTo(language);
        List<String> inputs = new ArrayList<>(AWKWARD);
        for (int i = 0; i < PRINTABLE.length(); i++) {
            inputs.add("x" + PRINTABLE.charAt(i) + "y");
            inputs.add("self$" + PRINTABLE.charAt(i));
            inputs.add("'" + PRINTABLE.charAt(i));
        }
        Random random = new Random(14);
        String alphabet = PRINTABLE + "\n\t\u0301\u0645\u202e\ud83d\ude00\u4e2d";
        for (int n = 0; n < 200; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(text.toString());
        }
        inputs.forEach(TextMachineryTotalityTest::checkAll);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theMultiLineDetectorWaitsOnlyForUnfinishedInput(Language language) {
        switchTo(language);
        List<String> complete = List.of("1 + 1", "x = )", "f(1)", "'abc'", "\"a\\\"b\"", "# note");
        List<String> incomplete = switch (language) {
            case PYTHON -> List.of("x = (1,", "def f():", "s = '''abc", "x = 1 + \\", "[1,\n 2");
            case JS -> List.of("function f() {", "1 +", "`abc", "f(1,", "/* open");
            case R -> List.of("f <- function() {", "c(1,", "x$", "self$fc1 <-", "'abc", "1 +\n 2 *");
        };
        for (String input : complete) {
            assertFalse(within(() -> session.needsMore(input)), language + " waits after: " + input);
        }
        for (String input : incomplete) {
            assertTrue(within(() -> session.needsMore(input)), language + " runs unfinished: " + input);
        }
    }

    /** {@link #checkText}, completion from the live session in the middle and at the end, and the multi-line detector. */
    private static void checkAll(String text) {
        within(() -> {
            checkText(text);
            checkCandidates(text, text.length() / 2);
            checkCandidates(text, text.length());
            try {
                parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE);
            } catch (EOFError more) {
                // NOTE: unfinished input is a verdict, not a failure.
            }
            return null;
        });
    }

    /**
     * The machinery that runs on every key press, without the guest language: highlighting keeps
     * the text as it is, and completion's word is the text just before the cursor. Callers time it.
     */
    private static void checkText(String text) {
        assertEquals(text, highlighter.highlight(null, text).toString(), "highlighting changed the text");
        assertEquals(text, SyntaxLexer.of(session.language()).highlight(text).toString());
        for (int cursor = 0; cursor <= text.length(); cursor++) {
            wordBefore(text, cursor);
        }
    }

    private static String wordBefore(String text, int cursor) {
        String word = CodeLine.at(text, cursor).word();
        assertTrue(text.substring(0, cursor).endsWith(word), () -> "the word is not before the cursor in: " + text);
        return word;
    }

    /** Completion from the live session offers only names that extend the word. */
    private static void checkCandidates(String text, int cursor) {
        String word = wordBefore(text, cursor);
        for (String candidate : completer.candidates(text.substring(0, cursor), word)) {
            assertTrue(candidate.startsWith(word), candidate + " does not extend " + word);
        }
    }

    /** Switches language and starts it outside the timed calls: a language's first start takes seconds on a busy machine. */
    private static void switchTo(Language language) {
        session.switchTo(language);
        session.needsMore("1");
        session.query(LanguageMode::globalNames, null);
    }

    private static <T> T within(java.util.function.Supplier<T> call) {
        return assertTimeoutPreemptively(LIMIT, call::get, "the REPL's text machinery did not return");
    }

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = 32; c < 127; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
