package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A syntax error. {@link #isIncomplete()} tells a REPL that more input lines are needed (an unfinished expression),
 * exported to polyglot hosts as {@code PolyglotException.isIncompleteSource()}.
 */
@ExportLibrary(InteropLibrary.class)
public final class RParseError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final transient SourceSection section;
    private final boolean incomplete;

    public RParseError(Source source, int offset, String message, boolean incomplete) {
        super(message);
        int off = Math.max(0, Math.min(offset, source.getLength()));
        int len = off < source.getLength() ? 1 : 0;
        this.section = source.hasCharacters() ? source.createSection(off, len) : null;
        this.incomplete = incomplete;
    }

    public boolean isIncomplete() {
        return incomplete;
    }

    public int line() {
        return section == null ? 0 : section.getStartLine();
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incomplete;
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return section != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection sourceLocation() throws com.oracle.truffle.api.interop.UnsupportedMessageException {
        if (section == null) {
            throw com.oracle.truffle.api.interop.UnsupportedMessageException.create();
        }
        return section;
    }
}
