package org.torchglot.repl;

import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Colours the input as the user types: the current language's tokens, or a {@code :command}. */
final class TorchHighlighter implements Highlighter {

    private final ReplSession session;

    TorchHighlighter(ReplSession session) {
        this.session = session;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (InputParser.isCommand(buffer)) {
            int space = buffer.indexOf(' ');
            int end = space < 0 ? buffer.length() : space;
            return new AttributedStringBuilder().styled(SyntaxLexer.COMMAND, buffer.substring(0, end))
                    .append(buffer.substring(end)).toAttributedString();
        }
        return SyntaxLexer.of(session.language()).highlight(buffer);
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
