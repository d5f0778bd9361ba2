package org.torchglot.lang.r;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.RTopLevelRootNode;
import org.torchglot.lang.r.parser.Parser;
import org.torchglot.lang.r.print.RPrinter;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.RDisplay;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.source.Source;

/**
 * The R subset as a Truffle language: id {@code "R"}, files {@code .R} and {@code .r}.
 *
 * <p>{@link TruffleLanguage.ContextPolicy#SHARED SHARED}: one language instance, and so one parsed and compiled
 * AST per cached source, serves every context of an engine (and any language a context uses must allow that for the
 * context to share GraalPy's and GraalJS's code). Hence all session state lives in {@link RContext}, reached from
 * nodes through its context reference, and nodes hold only what the source determines.
 */
@TruffleLanguage.Registration(id = RLanguage.ID, name = "R", implementationName = "torchglot R", version = "0.1",
                defaultMimeType = RLanguage.MIME_TYPE, characterMimeTypes = RLanguage.MIME_TYPE,
                fileTypeDetectors = RFileTypeDetector.class, interactive = true, contextPolicy = TruffleLanguage.ContextPolicy.SHARED)
public final class RLanguage extends TruffleLanguage<RContext> {
    public static final String ID = "R";
    public static final String MIME_TYPE = "text/x-r";

    private static final Map<String, RPackage> REGISTERED = new ConcurrentHashMap<>();

    static {
        RDisplay.install(RPrinter::toDisplayString);
    }

    @Override
    protected RContext createContext(Env env) {
        return new RContext(env);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        List<RNode> statements = Parser.parse(this, source);
        RTopLevelRootNode root = new RTopLevelRootNode(this, statements.toArray(new RNode[0]),
                        source.hasCharacters() ? source.createSection(0, source.getLength()) : null);
        return root.getCallTarget();
    }

    /** Registers a package programmatically (in addition to those found by {@link ServiceLoader}). */
    public static void registerPackage(RPackage pkg) {
        REGISTERED.put(pkg.name(), pkg);
    }

    /** The package called {@code name}: registered ones first, then service providers; null if none. */
    public static RPackage findPackage(String name) {
        RPackage p = REGISTERED.get(name);
        if (p != null) {
            return p;
        }
        for (ClassLoader cl : new ClassLoader[]{RLanguage.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            if (cl == null) {
                continue;
            }
            for (RPackage candidate : ServiceLoader.load(RPackage.class, cl)) {
                if (candidate.name().equals(name)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
