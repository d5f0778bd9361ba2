package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.runtime.ControlFlow;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RNull;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A parsed script. Evaluates each top-level expression in the global environment (or the environment passed as the
 * first argument, for package sources), auto-prints visible results, prints pending warnings, and returns the last
 * value.
 */
public final class RTopLevelRootNode extends RootNode {
    @Children private final RNode[] statements;
    private final SourceSection section;

    public RTopLevelRootNode(RLanguage language, RNode[] statements, SourceSection section) {
        super(language);
        this.statements = statements;
        this.section = section;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public String getName() {
        return "<toplevel>";
    }

    @Override
    public Object execute(VirtualFrame frame) {
        RContext ctx = RContext.get(this);
        Object[] args = frame.getArguments();
        boolean autoPrint = args.length == 0;
        REnvironment env = autoPrint ? ctx.globalEnv() : (REnvironment) args[0];
        if (autoPrint) {
            ctx.attachDefaultPackages();
        }
        return run(ctx, env, autoPrint);
    }

    // NOTE: a script or package source runs once per context, so compiling its statements buys nothing, while
    // partial evaluation of a whole source kept the compiler thread busy longer than a tutorial's run (warm
    // server, 2 busy cores) and starved the functions that do run hot. Behind a boundary the root compiles to one
    // call; its loops still compile on stack (OSR).
    @TruffleBoundary
    private Object run(RContext ctx, REnvironment env, boolean autoPrint) {
        Object last = RNull.INSTANCE;
        for (RNode s : statements) {
            ctx.setVisible(true);
            try {
                last = s.execute(env);
                if (autoPrint && ctx.isVisible()) {
                    ctx.printTopLevel(last, env);
                }
            } catch (ControlFlow.Break | ControlFlow.Next e) {
                throw new RError("no loop for break/next, jumping to top level", null, s);
            } catch (ControlFlow.Return e) {
                throw new RError("no function to return from, jumping to top level", null, s);
            } finally {
                if (autoPrint) {
                    ctx.flushWarnings();
                }
            }
        }
        return last;
    }
}
