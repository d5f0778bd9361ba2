package org.torchglot.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Describes a failed script in its language's terms: a CPython traceback for Python, a
 * Node-style stack for JavaScript and R, and one clean line, never a Java stack trace, for
 * host failures such as the sandbox refusing a process.
 */
public final class GuestErrors {

    private static final Pattern JAVA_EXCEPTION_PREFIX = Pattern.compile("^(?:[a-z][\\w$]*\\.)+([A-Z][\\w$]*): ?");

    /** Java-speak messages of the sandbox's refusals, rewritten for script authors. */
    private static final Map<String, String> SANDBOX_MESSAGES = Map.of(
            "Process creation is not allowed", "running other programs is not allowed in torchglot's sandbox",
            "Creating threads is not allowed", "starting threads is not allowed in torchglot's sandbox",
            "Native access is not allowed", "native code is not allowed in torchglot's sandbox",
            // NOTE: GraalPy's emulated POSIX layer has no sockets or name lookups without native access.
            "socket was excluded", "network access is not allowed in torchglot's sandbox",
            "getaddrinfo was excluded", "network access is not allowed in torchglot's sandbox");

    private GuestErrors() {
    }

    /**
     * The text to print for an error that ended a script; ends with a newline. Exits ({@link
     * PolyglotException#isExit()}) are not errors and give an empty string, except Python's
     * {@code sys.exit("message")}, whose message CPython prints.
     */
    public static String describe(TorchglotContext context, PolyglotException error) {
        if (error.isExit()) {
            return exitMessage(error);
        }
        if (error.isCancelled() || error.isResourceExhausted()) {
            return "Error: the script was stopped: " + cleanMessage(error) + "\n";
        }
        if (error.isInternalError() || error.isHostException()) {
            return hostFailure(error);
        }
        if (isPython(error) && error.getGuestObject() != null) {
            return pythonTraceback(context, error);
        }
        return guestStack(error);
    }

    /**
     * What CPython prints on leaving through SystemExit: nothing for a code that is None or an int
     * (the exit status), else str(code) and a newline.
     */
    private static String exitMessage(PolyglotException error) {
        Value exit = error.getGuestObject();
        // NOTE: GraalPy reports an int or None code as a bare exit; only other codes keep the SystemExit object.
        if (exit == null || !exit.hasMember("code")) {
            return "";
        }
        Value code = exit.getMember("code");
        if (code.isNull() || Set.of("int", "bool").contains(code.getMetaObject().getMetaSimpleName())) {
            return "";
        }
        return (code.isString() ? code.asString() : code.toString()) + "\n";
    }

    private static boolean isPython(PolyglotException error) {
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                return Language.PYTHON.id().equals(frame.getLanguage().getId());
            }
        }
        // NOTE: a syntax error has no guest frame yet; its source tells the language.
        SourceSection location = error.getSourceLocation();
        return location != null && Language.PYTHON.id().equals(location.getSource().getLanguage());
    }

    private static String pythonTraceback(TorchglotContext context, PolyglotException error) {
        Value format = context.polyglot().eval(internalSource(Language.PYTHON, "python_traceback.py"));
        return format.execute(error.getGuestObject(), GuestPackages.root().toString()).asString();
    }

    /**
     * Node's format: the message, then {@code "    at name (file:line:column)"} per guest frame,
     * leaving out the frames of our own packages (the torch module) when the user's code has frames.
     */
    private static String guestStack(PolyglotException error) {
        StringBuilder text = new StringBuilder(cleanMessage(error)).append('\n');
        List<PolyglotException.StackFrame> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                frames.add(frame);
            }
        }
        List<PolyglotException.StackFrame> users = frames.stream().filter(f -> !isPackageFrame(f)).toList();
        for (PolyglotException.StackFrame frame : users.isEmpty() ? frames : users) {
            text.append("    at ").append(frameName(frame));
            SourceSection location = frame.getSourceLocation();
            if (location != null) {
                text.append(" (").append(sourceName(location)).append(':').append(location.getStartLine())
                        .append(':').append(location.getStartColumn()).append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static boolean isPackageFrame(PolyglotException.StackFrame frame) {
        SourceSection location = frame.getSourceLocation();
        String path = location == null ? null : location.getSource().getPath();
        return path != null && path.startsWith(GuestPackages.root().toString());
    }

    /** The function's name; top-level code (GraalJS calls it ":program") is {@code <anonymous>} as in Node. */
    private static String frameName(PolyglotException.StackFrame frame) {
        String name = frame.getRootName();
        return name == null || name.isEmpty() || name.startsWith(":") ? "<anonymous>" : name;
    }

    /** One line for a Java-side failure, located at the innermost guest frame that has a location. */
    private static String hostFailure(PolyglotException error) {
        String message = cleanMessage(error);
        String kind = "Error";
        for (Map.Entry<String, String> refusal : SANDBOX_MESSAGES.entrySet()) {
            if (message.startsWith(refusal.getKey())) {
                message = refusal.getValue();
                kind = "SandboxError";
            }
        }
        StringBuilder line = new StringBuilder(kind).append(": ").append(message);
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            SourceSection location = frame.isGuestFrame() ? frame.getSourceLocation() : null;
            if (location != null) {
                line.append(" (at ").append(sourceName(location)).append(", line ").append(location.getStartLine()).append(')');
                break;
            }
        }
        return line.append('\n').toString();
    }

    /** The message without a leading Java class name ("java.lang.SecurityException: ..."). */
    private static String cleanMessage(PolyglotException error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Matcher javaPrefix = JAVA_EXCEPTION_PREFIX.matcher(message);
        return javaPrefix.find() ? javaPrefix.replaceFirst("") : message;
    }

    private static String sourceName(SourceSection location) {
        Source source = location.getSource();
        return source.getPath() != null ? source.getPath() : source.getName();
    }

    private static Source internalSource(Language language, String resource) {
        String code = ResourceText.read(GuestErrors.class, resource);
        return Source.newBuilder(language.id(), code, "<torchglot>").internal(true).buildLiteral();
    }
}
