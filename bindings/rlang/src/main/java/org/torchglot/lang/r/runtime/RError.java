package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * An R error as R reports it: {@code Error in f(x) : message} or {@code Error: message}. Its location is the node
 * that raised it, so a polyglot host sees the script's file and line through {@code getSourceLocation()}.
 */
public final class RError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    /** R's width limit before it moves a long message onto its own line. */
    public static final int LONGWARN = 75;

    private final String rMessage;
    private final String call;
    private final RList condition;

    public RError(String rMessage, String call, Node location) {
        this(rMessage, call, null, location);
    }

    public RError(String rMessage, String call, RList condition, Node location) {
        this(rMessage, call, condition, location, UNLIMITED_STACK_TRACE);
    }

    private RError(String rMessage, String call, RList condition, Node location, int stackTraceLimit) {
        super(format(rMessage, call), null, stackTraceLimit, userLocation(location));
        this.rMessage = rMessage;
        this.call = call;
        this.condition = condition;
    }

    /**
     * R's error for runaway recursion (here: the Java stack overflowed), raised at the call {@code location}; it keeps
     * only the innermost frames, which all repeat the same call.
     */
    @TruffleBoundary
    public static RError nestedTooDeeply(Node location) {
        return new RError("evaluation nested too deeply: infinite recursion / options(expressions=)?", null, null, location, 5);
    }

    /**
     * Where the error points: {@code location}, or when that is inside a package's R code (an internal source), the
     * innermost call from the user's code, so an error raised in {@code dataloader()} names the user's line.
     */
    @TruffleBoundary
    private static Node userLocation(Node location) {
        if (!isInternal(location)) {
            return location;
        }
        Node user = Truffle.getRuntime().iterateFrames(frame -> {
            Node call = located(frame.getCallNode());
            return call != null && !isInternal(call) ? call : null;
        });
        return user != null ? user : location;
    }

    /** The node of a frame's call that has a source section: a call node calls through a child Direct/IndirectCallNode. */
    private static Node located(Node callNode) {
        Node n = callNode;
        while (n != null && n.getSourceSection() == null) {
            n = n.getParent();
        }
        return n;
    }

    private static boolean isInternal(Node node) {
        SourceSection section = node == null ? null : node.getSourceSection();
        return section != null && section.getSource().isInternal();
    }

    /** The message without the {@code Error in ...} prefix (what {@code conditionMessage} returns). */
    public String rMessage() {
        return rMessage;
    }

    /** The deparsed call, or null. */
    public String call() {
        return call;
    }

    /** The condition object R code sees in a {@code tryCatch(error = function(e) ...)} handler. */
    public RList conditionObject() {
        if (condition != null) {
            return condition;
        }
        return makeCondition(rMessage, call, "simpleError", "error", "condition");
    }

    public static RList makeCondition(String message, String call, String... classes) {
        List<Object> vals = new ArrayList<>();
        vals.add(RString.of(message));
        vals.add(call == null ? RNull.INSTANCE : new RCallText(call));
        RList l = RList.of(vals, List.of("message", "call"));
        l.setAttr("class", new RString(classes));
        return l;
    }

    /** R's layout of an error line, including its move of a long message to the next line. */
    public static String format(String msg, String call) {
        if (call == null) {
            return "Error: " + msg;
        }
        int nl = msg.indexOf('\n');
        int line1 = nl < 0 ? msg.length() : nl;
        String sep = 14 + call.length() + line1 > LONGWARN ? "\n  " : "";
        return "Error in " + call + " : " + sep + msg;
    }

    /** A deparsed call kept in a condition object; prints as the call text. */
    public record RCallText(String text) {
    }
}
