package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.RCode;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RNull;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * An R expression. Nodes evaluate in an explicit {@link REnvironment} rather than in Truffle frame slots, because R
 * environments are first-class (closures, {@code <<-}, {@code assign}, promises evaluated in their caller).
 */
public abstract class RNode extends Node implements RCode {
    private SourceSection section;

    @Override
    public abstract Object execute(REnvironment env);

    public final void setSourceSection(SourceSection s) {
        this.section = s;
    }

    @Override
    public final SourceSection getSourceSection() {
        return section;
    }

    /** The 1-based source line, or 0 when unknown. */
    public final int line() {
        return section == null ? 0 : section.getStartLine();
    }

    // NOTE: a boundary, so that error paths that name the call (deparse) stay out of compiled code: partial
    // evaluation of StringBuilder's bounds checks reaches Formatter and Locale and bails out ("Too deep inlining").
    @Override
    @TruffleBoundary
    public final String deparse() {
        StringBuilder sb = new StringBuilder();
        deparse(sb);
        return sb.toString();
    }

    /** Appends the deparsed form; the default is the source text. */
    public void deparse(StringBuilder sb) {
        sb.append(section == null ? "<expr>" : section.getCharacters());
    }

    /** An R error raised by a runtime helper, reported at this node with this call when R names one. */
    protected final RError errorAt(RErrorSignal signal) {
        return new RError(signal.getMessage(), signal.withCall() ? deparse() : null, this);
    }

    /** The result of a runtime helper, as this node's visible value; its R errors are reported here. */
    protected final Object visibly(Evaluation helper) {
        setVisible(true);
        try {
            return helper.run();
        } catch (RErrorSignal s) {
            throw errorAt(s);
        }
    }

    /** A call into the runtime that may raise an R error. */
    @FunctionalInterface
    protected interface Evaluation {
        Object run();
    }

    /** The value of loops and of {@code if} without {@code else} on a false condition. */
    protected final Object invisibleNull() {
        setVisible(false);
        return RNull.INSTANCE;
    }

    protected final RContext ctx() {
        return RContext.get(this);
    }

    protected final void setVisible(boolean v) {
        RContext.get(this).setVisible(v);
    }
}
