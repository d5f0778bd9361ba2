package org.torchglot.lang.r.nodes;

import java.util.List;

import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.runtime.ControlFlow;
import org.torchglot.lang.r.runtime.RClosureBody;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RPromise;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The body of one {@code function} literal. Its single frame argument is the call's {@link REnvironment}, already
 * filled with the matched arguments (promises) by {@link org.torchglot.lang.r.runtime.RCaller}.
 */
public final class RFunctionRootNode extends RootNode implements RClosureBody {
    private final String[] formals;
    @Children private final RNode[] defaults;
    @Child private RNode body;
    private final SourceSection section;

    public RFunctionRootNode(RLanguage language, String[] formals, RNode[] defaults, RNode body, SourceSection section) {
        super(language);
        this.formals = formals;
        this.defaults = defaults;
        this.body = body;
        this.section = section;
    }

    @Override
    public String[] formals() {
        return formals;
    }

    @Override
    public RNode defaultOf(int i) {
        return defaults[i];
    }

    public RNode body() {
        return body;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public String getName() {
        return "function";
    }

    @Override
    public Object execute(VirtualFrame frame) {
        REnvironment env = (REnvironment) frame.getArguments()[0];
        try {
            return body.execute(env);
        } catch (ControlFlow.Return r) {
            if (r.target == env) {
                return r.value;
            }
            throw r;
        } finally {
            List<RPromise> exits = env.takeOnExit();
            if (exits != null) {
                RContext ctx = RContext.get(this);
                boolean visible = ctx.isVisible();
                for (RPromise p : exits) {
                    p.force();
                }
                ctx.setVisible(visible);
            }
        }
    }
}
