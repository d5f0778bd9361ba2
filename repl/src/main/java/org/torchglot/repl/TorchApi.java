package org.torchglot.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.torchglot.engine.api.Op;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;

/**
 * The torch API as the engine's op tables list it, under the names users type: {@code
 * torch.matmul}, {@code torch.nn.Linear}, {@code torch.nn.functional.relu}, {@code
 * torch.optim.SGD}, {@code torch.nn.init.xavier_uniform_}, and R's {@code torch_matmul},
 * {@code nn_linear}, {@code nnf_relu}, {@code optim_sgd}, {@code nn_init_xavier_uniform_} (named
 * by {@link RNames}, the rule the R package is built by).
 */
final class TorchApi {

    /** One op table and the prefix its ops carry in Python and JavaScript. */
    private record Namespace(OpTable table, String prefix) {
    }

    private static final List<Namespace> NAMESPACES = List.of(
            new Namespace(OpTable.standard(), "torch."),
            new Namespace(OpTable.modules(), "torch.nn."),
            new Namespace(OpTable.functional(), "torch.nn.functional."),
            new Namespace(OpTable.optimizers(), "torch.optim."),
            new Namespace(OpTable.init(), "torch.nn.init."));

    /** An op found by a user's name for it, with its help in that name's language. */
    record Entry(String name, Op op, String help) {
    }

    private TorchApi() {
    }

    /** Every op's qualified Python/JavaScript name. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Namespace namespace : NAMESPACES) {
            namespace.table().names().forEach(name -> names.add(namespace.prefix() + name));
        }
        return names;
    }

    /** Every op's R name. */
    static List<String> rNames() {
        return RNames.all().stream().map(RNames.Entry::name).toList();
    }

    /**
     * The op a name refers to: {@code torch.nn.Linear}, {@code nn_linear}, or a bare {@code matmul};
     * with {@code inR}, help in R's form under the R name wherever R has the op.
     */
    static Optional<Entry> find(String name, boolean inR) {
        Optional<RNames.Entry> r = RNames.find(name);
        if (r.isPresent()) {
            return Optional.of(rEntry(r.get()));
        }
        for (Namespace namespace : NAMESPACES) {
            String op = name.startsWith(namespace.prefix()) ? name.substring(namespace.prefix().length()) : name;
            if (namespace.table().has(op)) {
                Optional<String> rName = inR ? RNames.nameOf(namespace.table(), op) : Optional.empty();
                if (rName.isPresent()) {
                    return Optional.of(rEntry(RNames.find(rName.get()).orElseThrow()));
                }
                return Optional.of(pythonEntry(namespace.prefix() + op, namespace.table().op(op)));
            }
        }
        return Optional.empty();
    }

    /** {@code name(signature) -> result} and the one-line summary, in Python's and JavaScript's names. */
    private static Entry pythonEntry(String qualified, Op op) {
        String signature = op.signature().toString();
        return new Entry(qualified, op, qualified + signature.substring(signature.indexOf('(')) + "\n    " + op.summary());
    }

    private static Entry rEntry(RNames.Entry entry) {
        return new Entry(entry.name(), entry.op(), RNames.help(entry.name()).orElseThrow().stripTrailing());
    }

    /**
     * Help text for a Python/JavaScript name, from the op tables: {@code torch.matmul} and {@code
     * torch.Tensor.sum} give the op's signature and summary, {@code torch.Tensor} the methods a
     * tensor has.
     */
    static Optional<String> describe(String name) {
        if (name.equals("torch.Tensor") || name.equals("torch.nn.Parameter")) {
            return Optional.of(name + ": an n-dimensional array with autograd. Its methods (help(torch.Tensor.NAME) for one):\n"
                    + wrap(tensorMethods(), 100, "    "));
        }
        String method = "torch.Tensor.";
        if (name.startsWith(method)) {
            String op = name.substring(method.length());
            return OpTable.standard().has(op) ? Optional.of(pythonEntry(name, OpTable.standard().op(op)).help()) : Optional.empty();
        }
        return find(name, false).map(Entry::help);
    }

    /** The ops of the standard table that tensors have as methods (they have a {@code self} parameter). */
    private static List<String> tensorMethods() {
        return OpTable.standard().methodNames();
    }

    private static String wrap(List<String> words, int width, String indent) {
        StringBuilder text = new StringBuilder(indent);
        int column = indent.length();
        for (String word : words) {
            if (column > indent.length() && column + word.length() + 1 > width) {
                text.append('\n').append(indent);
                column = indent.length();
            } else if (column > indent.length()) {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        return text.toString();
    }
}
