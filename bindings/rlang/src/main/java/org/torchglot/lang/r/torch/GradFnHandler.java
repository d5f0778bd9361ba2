package org.torchglot.lang.r.torch;

import java.util.List;

import org.torchglot.engine.autograd.Node;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/**
 * A tensor's {@code $grad_fn} as R torch shows it: it prints its name, {@code $next_functions} is the list of the
 * nodes feeding its inputs ({@code NULL} for an input without history), {@code $name()} its name.
 */
final class GradFnHandler implements RClassHandler {
    static final String GRAD_FN_CLASS = "torch_grad_fn";

    @Override
    public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
        Node node = OpCalls.host(args[0], Node.class);
        switch (generic) {
            case "print":
                call.print(node.name() + "\n");
                call.setInvisible();
                return args[0];
            case "$":
                return switch (RValues.asString(args[1])) {
                    case "next_functions" -> nextFunctions(node.nextFunctions());
                    case "name" -> new RBuiltin("name", new String[0], false, (c, a) -> RString.of(node.name()));
                    default -> RNull.INSTANCE;
                };
            default:
                return NOT_HANDLED;
        }
    }

    private static RList nextFunctions(List<Node> nodes) {
        Object[] out = new Object[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes.get(i) == null ? RNull.INSTANCE : Values.toR(nodes.get(i));
        }
        return new RList(out);
    }
}
