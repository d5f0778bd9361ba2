package org.torchglot.bindings.coverage;

import java.util.List;
import java.util.function.Predicate;
import org.torchglot.engine.api.Op;
import org.torchglot.engine.api.OpTable;

/**
 * Which op table stands for which real namespace: {@code torch} and {@code Tensor} are the standard table (its
 * ops whose first parameter is {@code self} are also methods), {@code torch.nn.functional} the functional table,
 * and so on. The signature test and the coverage report read the tables through this one mapping.
 */
public final class TableNamespaces {

    /** A real namespace served by (a part of) an op table; {@code method} ops bind their receiver to {@code self}. */
    public record Entry(String namespace, OpTable table, Predicate<String> includes, boolean method) {
        /** The table's names in this namespace. */
        public List<String> names() {
            return table.names().stream().filter(includes).toList();
        }
    }

    private TableNamespaces() {
    }

    public static List<Entry> all() {
        OpTable standard = OpTable.standard();
        return List.of(
                new Entry("torch", standard, name -> true, false),
                new Entry("Tensor", standard, name -> isMethod(standard.op(name)), true),
                new Entry("torch.nn", OpTable.modules(), name -> true, false),
                new Entry("torch.nn.functional", OpTable.functional(), name -> true, false),
                new Entry("torch.optim", OpTable.optimizers(), name -> !name.endsWith("LR"), false),
                new Entry("torch.optim.lr_scheduler", OpTable.optimizers(), name -> name.endsWith("LR"), false),
                new Entry("torch.linalg", OpTable.linalg(), name -> true, false));
    }

    private static boolean isMethod(Op op) {
        return op.signature().selfIndex() >= 0;
    }
}
