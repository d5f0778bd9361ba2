package org.torchglot.lang.r.parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.nodes.RAccessNodes;
import org.torchglot.lang.r.nodes.RAssignNode;
import org.torchglot.lang.r.nodes.RCallNode;
import org.torchglot.lang.r.nodes.RConstantNode;
import org.torchglot.lang.r.nodes.RDotDotNode;
import org.torchglot.lang.r.nodes.RFunctionNode;
import org.torchglot.lang.r.nodes.RFunctionRootNode;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.ROperatorNodes;
import org.torchglot.lang.r.nodes.RReplaceNode;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.RFormat;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RParseError;
import org.torchglot.lang.r.runtime.RString;

import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.source.Source;

/** Builds nodes for the parser, including the syntactic rewrites: pipes, replacement assignments, {@code ..n}. */
final class RNodeFactory {
    private final RLanguage language;
    private final Source source;

    RNodeFactory(RLanguage language, Source source) {
        this.language = language;
        this.source = source;
    }

    <T extends RNode> T at(T node, int start, int end) {
        node.setSourceSection(source.createSection(start, Math.max(0, end - start)));
        return node;
    }

    RNode constant(double v, int s, int e) {
        return at(new RConstantNode(RDouble.of(v), RFormat.formatDouble(v, 15)), s, e);
    }

    RNode constantInt(int v, int s, int e) {
        return at(new RConstantNode(RInt.of(v), v + "L"), s, e);
    }

    RNode constantString(String v, int s, int e) {
        return at(new RConstantNode(RString.of(v), org.torchglot.lang.r.runtime.Deparse.quote(v)), s, e);
    }

    RNode keywordConstant(TokenType t, int s, int e) {
        RConstantNode n = switch (t) {
            case TRUE -> new RConstantNode(RLogical.of(true), "TRUE");
            case FALSE -> new RConstantNode(RLogical.of(false), "FALSE");
            case NULL -> new RConstantNode(RNull.INSTANCE, "NULL");
            case NA -> new RConstantNode(RLogical.na(), "NA");
            case NA_INTEGER -> new RConstantNode(RInt.of(RNA.INT), "NA_integer_");
            case NA_REAL -> new RConstantNode(RDouble.of(RNA.REAL), "NA_real_");
            case NA_CHARACTER -> new RConstantNode(new RString(new String[1]), "NA_character_");
            case INF -> new RConstantNode(RDouble.of(Double.POSITIVE_INFINITY), "Inf");
            case NAN -> new RConstantNode(RDouble.of(Double.NaN), "NaN");
            default -> throw new IllegalArgumentException(t.toString());
        };
        return at(n, s, e);
    }

    RNode symbol(String name, int s, int e) {
        if (name.startsWith("..") && name.length() > 2 && name.substring(2).chars().allMatch(Character::isDigit)) {
            return at(new RDotDotNode(Integer.parseInt(name.substring(2))), s, e);
        }
        return at(new RSymbolNode(name), s, e);
    }

    RNode call(RNode fn, String[] names, RNode[] args, int s, int e) {
        return at(new RCallNode(fn, names, args), s, e);
    }

    RNode index(RNode obj, String[] names, RNode[] args, boolean dbl, int s, int e) {
        return at(new RAccessNodes.Index(obj, names, args, dbl), s, e);
    }

    RNode dollar(RNode obj, String name, int s, int e) {
        return at(new RAccessNodes.Dollar(obj, name, false), s, e);
    }

    RNode at(RNode obj, String name, int s, int e) {
        return at(new RAccessNodes.Dollar(obj, name, true), s, e);
    }

    RNode binary(String op, RNode l, RNode r, int s, int e) {
        return at(new ROperatorNodes.Binary(op, l, r), s, e);
    }

    RNode unary(String op, RNode x, int s, int e) {
        return at(new ROperatorNodes.Unary(op, x), s, e);
    }

    RNode shortCircuit(String op, RNode l, RNode r, int s, int e) {
        return at(new ROperatorNodes.ShortCircuit(op.equals("&&"), l, r), s, e);
    }

    RNode function(String[] formals, RNode[] defaults, RNode body, int s, int e) {
        RFunctionRootNode root = new RFunctionRootNode(language, formals, defaults, body, source.createSection(s, e - s));
        return at(new RFunctionNode(root.getCallTarget()), s, e);
    }

    /**
     * {@code lhs %>% rhs} and {@code lhs |> rhs}: the left side becomes the first argument of the call on the right
     * (magrittr also accepts a bare function, {@code x %>% f}, and a {@code .} placeholder argument; the native pipe a
     * named {@code _} placeholder).
     */
    RNode pipe(RNode lhs, RNode rhs, boolean nativePipe, int s, int e) {
        if (rhs instanceof RCallNode c) {
            String placeholder = nativePipe ? "_" : ".";
            RNode[] args = c.args().clone();
            boolean replaced = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof RSymbolNode sym && sym.name().equals(placeholder)) {
                    args[i] = replaced ? NodeUtil.cloneNode(lhs) : lhs;
                    replaced = true;
                }
            }
            if (replaced) {
                return at(new RCallNode(c.fn(), c.names(), args), s, e);
            }
            String[] names = new String[args.length + 1];
            RNode[] all = new RNode[args.length + 1];
            all[0] = lhs;
            System.arraycopy(args, 0, all, 1, args.length);
            System.arraycopy(c.names(), 0, names, 1, args.length);
            return at(new RCallNode(c.fn(), names, all), s, e);
        }
        if (nativePipe) {
            throw new RParseError(source, rhs.getSourceSection().getCharIndex(), "Error: The pipe operator requires a function call as RHS", false);
        }
        return at(new RCallNode(rhs, new String[1], new RNode[]{lhs}), s, e);
    }

    /** {@code target <- value}, rewriting replacement forms into an {@link RReplaceNode}. */
    RNode assign(RNode target, RNode value, boolean superAssign, int s, int e) {
        if (target instanceof RSymbolNode sym) {
            return at(new RAssignNode(sym.name(), value, superAssign), s, e);
        }
        if (target instanceof RConstantNode c && c.value() instanceof RString str && str.length() == 1) {
            return at(new RAssignNode(str.get(0), value, superAssign), s, e);
        }
        List<RReplaceNode.Step> steps = new ArrayList<>();
        RNode cur = target;
        while (!(cur instanceof RSymbolNode)) {
            if (cur instanceof RAccessNodes.Dollar d) {
                steps.add(new RReplaceNode.DollarStep(d.name()));
                cur = d.object();
            } else if (cur instanceof RAccessNodes.Index ix) {
                steps.add(new RReplaceNode.IndexStep(ix.names(), ix.args(), ix.isDoubleBracket()));
                cur = ix.object();
            } else if (cur instanceof RCallNode call && call.fn() instanceof RSymbolNode fn && call.args().length >= 1 && call.args()[0] != null) {
                int n = call.args().length - 1;
                String[] names = new String[n];
                RNode[] rest = new RNode[n];
                System.arraycopy(call.names(), 1, names, 0, n);
                System.arraycopy(call.args(), 1, rest, 0, n);
                steps.add(new RReplaceNode.CallStep(fn.name(), names, rest));
                cur = call.args()[0];
            } else if (cur instanceof RConstantNode c && c.value() instanceof RString) {
                break;
            } else {
                throw new RParseError(source, s, "Error: invalid assignment target", false);
            }
        }
        String var = cur instanceof RSymbolNode sym ? sym.name() : ((RString) ((RConstantNode) cur).value()).get(0);
        Collections.reverse(steps);
        return at(new RReplaceNode(var, superAssign, steps.toArray(new RReplaceNode.Step[0]), value), s, e);
    }
}
