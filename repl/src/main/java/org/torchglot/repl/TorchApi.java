package org.torchglot.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.torchglot.engine.api.Op;
import org.torchglot.engine.api.OpTable;

/**
 * The torch API as the engine's op tables list it, under the names users type: {@code
 * torch.matmul}, {@code torch.nn.Linear}, {@code torch.nn.functional.relu}, {@code
 * torch.optim.SGD}, {@code torch.nn.init.xavier_uniform_}, and R's {@code torch_matmul},
 * {@code nn_linear}, {@code nnf_relu}, {@code optim_sgd}, {@code nn_init_xavier_uniform_}.
 */
final class TorchApi {

    /** One op table and the prefixes its ops carry in Python/JavaScript and in R. */
    private record Namespace(OpTable table, String prefix, String rPrefix, boolean rLowerCase) {
    }

    private static final List<Namespace> NAMESPACES = List.of(
            new Namespace(OpTable.standard(), "torch.", "torch_", false),
            new Namespace(OpTable.modules(), "torch.nn.", "nn_", true),
            new Namespace(OpTable.functional(), "torch.nn.functional.", "nnf_", false),
            new Namespace(OpTable.optimizers(), "torch.optim.", "optim_", true),
            new Namespace(OpTable.init(), "torch.nn.init.", "nn_init_", false));

    /** An op found by a user's name for it. */
    record Entry(String name, Op op) {
        /** {@code name(signature) -> result} and the one-line summary. */
        String help() {
            String signature = op.signature().toString();
            return name + signature.substring(signature.indexOf('(')) + "\n    " + op.summary();
        }
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
        List<String> names = new ArrayList<>();
        for (Namespace namespace : NAMESPACES) {
            namespace.table().names().forEach(name -> names.add(namespace.rPrefix() + rName(namespace, name)));
        }
        return names;
    }

    /** The op a name refers to: {@code torch.nn.Linear}, {@code nn_linear}, or a bare {@code matmul}. */
    static Optional<Entry> find(String name) {
        for (Namespace namespace : NAMESPACES) {
            for (String op : namespace.table().names()) {
                if (name.equals(namespace.prefix() + op) || name.equals(namespace.rPrefix() + rName(namespace, op))) {
                    return Optional.of(new Entry(name, namespace.table().op(op)));
                }
            }
        }
        for (Namespace namespace : NAMESPACES) {
            if (namespace.table().has(name)) {
                return Optional.of(new Entry(namespace.prefix() + name, namespace.table().op(name)));
            }
        }
        return Optional.empty();
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
            return OpTable.standard().has(op) ? Optional.of(new Entry(name, OpTable.standard().op(op)).help()) : Optional.empty();
        }
        return find(name).map(Entry::help);
    }

    /** The ops of the standard table that tensors have as methods (their first parameter is {@code self}). */
    private static List<String> tensorMethods() {
        OpTable table = OpTable.standard();
        return table.names().stream().filter(name -> {
            List<org.torchglot.engine.api.Signature.Param> params = table.op(name).signature().params();
            return !params.isEmpty() && params.getFirst().name().equals("self");
        }).sorted().toList();
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

    /** R torch spells classes in snake case: {@code Linear} → {@code linear}, {@code BatchNorm1d} → {@code batch_norm1d}. */
    private static String rName(Namespace namespace, String name) {
        if (!namespace.rLowerCase()) {
            return name;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
