package org.torchglot.lang.r.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.RPackage;
import org.torchglot.lang.r.builtins.Builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

/**
 * The state of one R session: the base and global environments, attached packages, class handlers, output streams,
 * the visibility flag for auto-printing, pending warnings, and the random number generator.
 */
public final class RContext {
    private static final ContextReference<RContext> REFERENCE = ContextReference.create(RLanguage.class);

    private final TruffleLanguage.Env env;
    private final REnvironment baseEnv;
    private final REnvironment globalEnv;
    private final Map<String, REnvironment> attached = new HashMap<>();
    private final Map<String, RClassHandler> classHandlers = new HashMap<>();
    private final List<String[]> warnings = new ArrayList<>();
    private final Deque<Set<String>> conditionHandlers = new ArrayDeque<>();
    private final RRandom random = new RRandom();
    private final long startNanos = System.nanoTime();
    private final Deque<StringBuilder> captures = new ArrayDeque<>();
    private boolean visible = true;
    private REnvironment.CallSite currentCall;

    public RContext(TruffleLanguage.Env env) {
        this.env = env;
        this.baseEnv = new REnvironment(null, "base");
        this.globalEnv = new REnvironment(baseEnv, "R_GlobalEnv");
        Builtins.installAll(this, baseEnv);
    }

    /** The context of the current thread's R session. */
    public static RContext get(Node node) {
        return REFERENCE.get(node);
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    public REnvironment baseEnv() {
        return baseEnv;
    }

    public REnvironment globalEnv() {
        return globalEnv;
    }

    public RRandom random() {
        return random;
    }

    public long startNanos() {
        return startNanos;
    }

    public boolean isVisible() {
        return visible;
    }

    public void setVisible(boolean v) {
        visible = v;
    }

    // ---- output ----

    @TruffleBoundary
    public void out(String s) {
        if (!captures.isEmpty()) {
            captures.peek().append(s);
            return;
        }
        write(env.out(), s);
    }

    /** Starts collecting standard output into a buffer (capture.output, printing list elements). */
    public void beginCapture() {
        captures.push(new StringBuilder());
    }

    /** Stops the innermost capture and returns what was written. */
    public String endCapture() {
        return captures.pop().toString();
    }

    @TruffleBoundary
    public void err(String s) {
        write(env.err(), s);
    }

    private static void write(OutputStream os, String s) {
        try {
            os.write(s.getBytes(StandardCharsets.UTF_8));
            os.flush();
        } catch (IOException e) {
            throw new RErrorSignal("cannot write output: " + e.getMessage());
        }
    }

    /** Auto-prints a top-level value through {@code print} (so S3 methods and class handlers apply). */
    @TruffleBoundary
    public void printTopLevel(Object value, REnvironment callerEnv) {
        Object print = baseEnv.getLocal("print");
        RCaller.call((RFunction) print, new Object[]{value}, new String[1], callerEnv, null);
    }

    // ---- calls and warnings ----

    /** Records the call being evaluated by a builtin or operator (for warning messages); returns the previous one. */
    public Object enterCall(REnvironment.CallSite site) {
        REnvironment.CallSite prev = currentCall;
        if (site != null) {
            currentCall = site;
        }
        return prev;
    }

    public void exitCall(Object previous) {
        currentCall = (REnvironment.CallSite) previous;
    }

    /** A warning for the call currently being evaluated. */
    @TruffleBoundary
    public void warning(String message) {
        warning(currentCall == null ? null : currentCall.callText(), message);
    }

    /** A warning; delivered to an enclosing {@code tryCatch(warning = )} if any, otherwise printed later. */
    @TruffleBoundary
    public void warning(String call, String message) {
        Set<String> frame = findHandler("warning");
        if (frame != null) {
            if (frame.contains("<muffle>")) {
                return;
            }
            throw new ControlFlow.Condition(RError.makeCondition(message, call, "simpleWarning", "warning", "condition"), frame);
        }
        warnings.add(new String[]{call, message});
    }

    /** Signals a message condition; printed to stderr unless a handler takes it. */
    @TruffleBoundary
    public void message(String text) {
        Set<String> frame = findHandler("message");
        if (frame != null) {
            if (frame.contains("<muffle>")) {
                return;
            }
            throw new ControlFlow.Condition(RError.makeCondition(text, null, "simpleMessage", "message", "condition"), frame);
        }
        err(text);
    }

    private Set<String> findHandler(String cls) {
        for (Set<String> f : conditionHandlers) {
            if (f.contains(cls) || f.contains("condition")) {
                return f;
            }
        }
        return null;
    }

    /** Registers the condition classes a {@code tryCatch} (or {@code suppressWarnings}) frame handles. */
    public void pushConditionHandler(Set<String> classes) {
        conditionHandlers.push(classes);
    }

    public void popConditionHandler() {
        conditionHandlers.pop();
    }

    /** Prints pending warnings in R's format (to stderr) and clears them. */
    @TruffleBoundary
    public void flushWarnings() {
        if (warnings.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (warnings.size() == 1) {
            sb.append("Warning message:\n").append(warningLine(warnings.get(0))).append('\n');
        } else {
            sb.append("Warning messages:\n");
            for (int i = 0; i < Math.min(50, warnings.size()); i++) {
                sb.append(i + 1).append(": ").append(warningLine(warnings.get(i))).append('\n');
            }
        }
        warnings.clear();
        err(sb.toString());
    }

    private static String warningLine(String[] w) {
        String call = w[0];
        String msg = w[1];
        if (call == null) {
            return msg;
        }
        int nl = msg.indexOf('\n');
        int line1 = nl < 0 ? msg.length() : nl;
        String sep = 6 + call.length() + line1 > RError.LONGWARN ? "\n  " : " ";
        return "In " + call + " :" + sep + msg;
    }

    // ---- packages and class handlers ----

    public RClassHandler classHandler(String className) {
        return classHandlers.get(className);
    }

    public void registerClassHandler(String className, RClassHandler handler) {
        classHandlers.put(className, handler);
    }

    /** Attaches the packages every session starts with (GNU R's {@code datasets}), once. */
    @TruffleBoundary
    public void attachDefaultPackages() {
        if (!attached.containsKey("datasets")) {
            attachPackage("datasets");
        }
    }

    /** Attaches package {@code name} (once); false when no such package is registered. */
    @TruffleBoundary
    public boolean attachPackage(String name) {
        if (attached.containsKey(name)) {
            return true;
        }
        RPackage pkg = RLanguage.findPackage(name);
        if (pkg == null) {
            return false;
        }
        REnvironment penv = new REnvironment(globalEnv.parent(), "package:" + name);
        globalEnv.setParent(penv);
        attached.put(name, penv);
        PackageInstaller installer = new PackageInstaller(this, penv);
        pkg.install(installer);
        installer.evaluateSources();
        return true;
    }

    public boolean isAttached(String name) {
        return attached.containsKey(name);
    }
}
