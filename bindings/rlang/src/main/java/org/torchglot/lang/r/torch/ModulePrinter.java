package org.torchglot.lang.r.torch;

import java.util.Map;

import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

/**
 * R torch's {@code print(module)}: the parameter count, then a rule and a bullet per direct submodule, parameter and
 * buffer ({@code • layer_01: <nn_linear> #100,100 parameters}, {@code • weight: Float [1:10, 1:100]}).
 */
final class ModulePrinter {
    /** cli's console width when R runs a script. */
    private static final int WIDTH = 80;

    private ModulePrinter() {
    }

    static String print(RModule r) {
        Module m = r.module();
        StringBuilder sb = new StringBuilder("An `nn_module` containing ").append(comma(parameterCount(m)))
                .append(" parameters.\n");
        Map<String, Module> children = m.namedChildren();
        if (!children.isEmpty()) {
            sb.append('\n').append(rule("Modules"));
            children.forEach((name, child) -> sb.append("• ").append(name).append(": <")
                    .append(RModule.of(child).className()).append("> #").append(comma(parameterCount(child)))
                    .append(" parameters\n"));
        }
        appendTensors(sb, "Parameters", m.namedParameters());
        appendTensors(sb, "Buffers", m.namedBuffers());
        return sb.toString();
    }

    private static void appendTensors(StringBuilder sb, String title, Map<String, ? extends Tensor> all) {
        StringBuilder items = new StringBuilder();
        all.forEach((name, t) -> {
            if (!name.contains(".")) {
                items.append("• ").append(name).append(": ").append(TensorHandler.describe(t)).append('\n');
            }
        });
        if (!items.isEmpty()) {
            sb.append('\n').append(rule(title)).append(items);
        }
    }

    /** {@code cli::cat_rule(title)}: {@code ── title ───...} across the console. */
    static String rule(String title) {
        String head = "── " + title + " ";
        return head + "─".repeat(Math.max(0, WIDTH - head.length())) + "\n";
    }

    static long parameterCount(Module m) {
        long n = 0;
        for (Tensor p : m.parameters()) {
            n += p.numel();
        }
        return n;
    }

    /** {@code format(x, big.mark = ",")}. */
    static String comma(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
