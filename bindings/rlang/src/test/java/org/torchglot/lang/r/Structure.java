package org.torchglot.lang.r;

import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.ROperatorNodes;

import com.oracle.truffle.api.nodes.Node;

/** Test helper: renders an expression tree with explicit parentheses around nested operator applications. */
final class Structure {
    private Structure() {
    }

    static String of(RNode n) {
        return render(n, true);
    }

    private static String render(Node n, boolean top) {
        if (n instanceof ROperatorNodes.Binary || n instanceof ROperatorNodes.Unary) {
            StringBuilder sb = new StringBuilder();
            String text = ((RNode) n).deparse();
            java.util.List<Node> kids = new java.util.ArrayList<>();
            n.getChildren().forEach(kids::add);
            if (n instanceof ROperatorNodes.Unary) {
                String op = text.substring(0, text.length() - ((RNode) kids.get(0)).deparse().length());
                sb.append(op).append(render(kids.get(0), false));
            } else {
                String l = ((RNode) kids.get(0)).deparse();
                String r = ((RNode) kids.get(1)).deparse();
                String op = text.substring(l.length(), text.length() - r.length());
                sb.append(render(kids.get(0), false)).append(op).append(render(kids.get(1), false));
            }
            return top ? sb.toString() : "(" + sb + ")";
        }
        return ((RNode) n).deparse();
    }
}
