package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R torch's names for the op tables' entries, and its way of writing their signatures: the one
 * rule that the R package registers its functions by and that {@link ApiDocs}, the REPL's
 * completion and R's help read. {@code torch_matmul}, {@code nnf_relu}, {@code nn_init_normal_}, {@code linalg_inv}
 * keep the op's name; classes go to snake case ({@code nn_leaky_relu}, {@code nn_mse_loss},
 * {@code optim_sgd}, {@code lr_step}).
 */
public final class RNames {

    /** One R function that calls an op of a table. */
    public record Entry(String name, OpTable table, String opName) {
        public Op op() {
            return table.op(opName);
        }
    }

    /** Standard ops that are R dtype objects ({@code torch_float()}), not functions calling the op. */
    private static final Set<String> DTYPE_NAMES = Set.of("float", "double", "long", "int", "bool");

    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

    static {
        OpTable.standard().names().stream().filter(op -> !DTYPE_NAMES.contains(op))
                .forEach(op -> add("torch_" + op, OpTable.standard(), op));
        OpTable.functional().names().forEach(op -> add("nnf_" + op, OpTable.functional(), op));
        OpTable.init().names().forEach(op -> add("nn_init_" + op, OpTable.init(), op));
        OpTable.linalg().names().forEach(op -> add("linalg_" + op, OpTable.linalg(), op));
        OpTable.utils().names().forEach(op -> add("nn_utils_" + op, OpTable.utils(), op));
        OpTable.modules().names().forEach(op -> add("nn_" + snakeCase(op), OpTable.modules(), op));
        for (String op : OpTable.optimizers().names()) {
            if (OpTable.optimizers().op(op).signature().returns().equals("Optimizer")) {
                add("optim_" + op.toLowerCase(Locale.ROOT), OpTable.optimizers(), op);
            } else {
                add(schedulerName(op), OpTable.optimizers(), op);
            }
        }
    }

    private RNames() {
    }

    private static void add(String name, OpTable table, String op) {
        BY_NAME.put(name, new Entry(name, table, op));
    }

    /** Every R function of the op tables, in table order. */
    public static List<Entry> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The R functions of one table. */
    public static List<Entry> of(OpTable table) {
        return BY_NAME.values().stream().filter(entry -> entry.table() == table).toList();
    }

    /** The entry an R name refers to ({@code nn_linear}). */
    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The R name of a table's op ({@code nn_linear} for module {@code Linear}), if R has it. */
    public static Optional<String> nameOf(OpTable table, String op) {
        return BY_NAME.values().stream().filter(entry -> entry.table() == table && entry.opName().equals(op))
                .map(Entry::name).findFirst();
    }

    /** R torch's name of a scheduler: {@code lr_} and the class name without "LR" ({@code lr_reduce_on_plateau}). */
    static String schedulerName(String className) {
        return "lr_" + snakeCase(className.replace("LR", ""));
    }

    /**
     * R torch's spelling of a class name: {@code LeakyReLU} is {@code leaky_relu}, {@code BCEWithLogitsLoss}
     * {@code bce_with_logits_loss}; R torch writes {@code PReLU}, {@code RReLU}, {@code SiLU} and "multilabel" as one
     * word ({@code nn_prelu}, {@code nn_rrelu}, {@code nn_silu}, {@code nn_multilabel_margin_loss}).
     */
    static String snakeCase(String name) {
        return name.replace("PReLU", "Prelu").replace("RReLU", "Rrelu").replace("SiLU", "Silu").replace("MultiLabel", "Multilabel")
                .replace("ReLU", "Relu")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * R's help for an R name: the usage with R values ({@code nn_flatten(start_dim = 2, end_dim = -1)}),
     * the summary, and the arguments with R's types; dims and positions are 1-based.
     */
    public static Optional<String> help(String name) {
        return find(name).map(RNames::help);
    }

    private static String help(Entry entry) {
        List<Signature.Param> params = entry.op().signature().params().stream()
                .filter(p -> !p.name().startsWith("_")).toList();
        List<String> usage = new ArrayList<>();
        StringBuilder arguments = new StringBuilder();
        Signature signature = entry.op().signature();
        int width = params.stream().mapToInt(p -> p.variadic() ? 3 : signature.rName(p).length()).max().orElse(0);
        for (Signature.Param p : params) {
            String name = p.variadic() ? "..." : signature.rName(p);
            usage.add(p.variadic() || !p.hasDefault() ? name : name + " = " + rValue(p.type(), p.defaultText()));
            arguments.append("  ").append(name).append(" ".repeat(width - name.length() + 2))
                    .append(p.variadic() ? rType(p.type()) + " values, one per argument" : rType(p.type())).append('\n');
        }
        return entry.name() + "(" + String.join(", ", usage) + ")\n\n" + entry.op().summary() + "\n"
                + (params.isEmpty() ? "" : "\nArguments:\n" + arguments);
    }

    private static String rType(ParamType type) {
        return switch (type) {
            case TENSOR -> "tensor";
            case TENSOR_LIST -> "list of tensors";
            case TENSOR_OR_SCALAR -> "tensor or number";
            case SCALAR, FLOAT -> "numeric";
            case INT -> "integer";
            case INT_LIST -> "integer vector";
            case DIM -> "dim (1-based)";
            case DIM_LIST -> "dims (1-based)";
            case DIM_OR_TENSOR -> "dim (1-based) or tensor";
            case INDEX -> "position (1-based)";
            case INDEX_TENSOR -> "tensor of positions (1-based)";
            case BOOL -> "logical";
            case DTYPE -> "dtype (torch_float(), ...)";
            case STRING -> "character";
            case GENERATOR -> "generator";
            case ANY -> "any";
        };
    }

    /** A default as R writes it: {@code NULL}, {@code TRUE}, {@code "mean"}, dims and positions 1-based. */
    private static String rValue(ParamType type, String text) {
        return switch (text) {
            case "None" -> "NULL";
            case "True" -> "TRUE";
            case "False" -> "FALSE";
            default -> {
                if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
                    yield "\"" + text.substring(1, text.length() - 1) + "\"";
                }
                boolean position = type == ParamType.DIM || type == ParamType.DIM_LIST || type == ParamType.INDEX
                        || type == ParamType.DIM_OR_TENSOR;
                yield position && text.matches("\\d+") ? String.valueOf(Long.parseLong(text) + 1) : text;
            }
        };
    }
}
