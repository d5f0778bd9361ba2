package org.torchglot.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the input is finished: it asks the current language (Python's console rules,
 * the JavaScript and R parsers) and throws {@link EOFError} for an unfinished statement, which
 * makes JLine read another line under the continuation prompt. {@code :commands} are one line.
 */
final class InputParser implements Parser {

    private final ReplSession session;

    InputParser(ReplSession session) {
        this.session = session;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isCommand(line) && !line.isBlank() && session.needsMore(line)) {
            throw new EOFError(-1, cursor, "incomplete input", "more input");
        }
        return CodeLine.at(line, cursor);
    }

    /** Whether the line is a REPL command such as {@code :help}. */
    static boolean isCommand(String line) {
        return line.stripLeading().startsWith(":");
    }
}
