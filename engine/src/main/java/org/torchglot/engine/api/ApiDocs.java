package org.torchglot.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Generates {@code docs/api-reference.md} from the op tables: every op with its Python, R and
 * JavaScript spelling, signature and summary. A test checks the committed file is current; run
 * this by hand to rewrite it: {@code java -cp "$(cat repl/target/classpath.txt)"
 * org.torchglot.engine.api.ApiDocs docs/api-reference.md}.
 */
public final class ApiDocs {

    private ApiDocs() {
    }

    /** Writes the reference to the path given (default {@code docs/api-reference.md}). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/api-reference.md");
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath());
    }

    /** The whole reference as Markdown. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# torch API reference\n\n")
                .append("Generated from the engine's op tables by `org.torchglot.engine.api.ApiDocs`; do not edit by hand.\n")
                .append("Every op here works in all three languages with the same semantics. Dims and indices are\n")
                .append("0-based in Python and JavaScript and 1-based in R. JavaScript passes keyword arguments as a\n")
                .append("trailing options object (`torch.sum(x, {dim: 0})`) and also accepts camelCase names.\n")
                .append("For what each language adds around these tables, see the [user guide](user-guide.md).\n\n");
        section(md, "Tensor functions and methods", OpTable.standard(), ApiDocs::standardSpellings);
        section(md, "torch.nn.functional", OpTable.functional(), name -> List.of(
                "`torch.nn.functional." + name + "`", "`nnf_" + name + "`", "`torch.nn.functional." + name + "`"));
        section(md, "torch.nn modules", OpTable.modules(), name -> List.of(
                "`nn." + name + "`", rSpelling(OpTable.modules(), name), "`new torch.nn." + name + "`"));
        section(md, "torch.optim optimizers and schedulers", OpTable.optimizers(), ApiDocs::optimizerSpellings);
        section(md, "torch.nn.init", OpTable.init(), name -> List.of(
                "`nn.init." + name + "`", "`nn_init_" + name + "`", "`torch.nn.init." + name + "`"));
        section(md, "torch.linalg", OpTable.linalg(), name -> List.of(
                "`torch.linalg." + name + "`", "`linalg_" + name + "`", "`torch.linalg." + name + "`"));
        return md.toString();
    }

    private static void section(StringBuilder md, String title, OpTable table, Function<String, List<String>> spell) {
        md.append("## ").append(title).append("\n\n")
                .append("| Python | R | JavaScript | Signature | Summary |\n")
                .append("|---|---|---|---|---|\n");
        for (String name : table.names()) {
            Op op = table.op(name);
            List<String> spellings = spell.apply(name);
            String summary = op.signature().name().equals(name) ? op.summary()
                    : "Alias of `" + op.signature().name() + "`.";
            md.append("| ").append(spellings.get(0)).append(" | ").append(spellings.get(1)).append(" | ")
                    .append(spellings.get(2)).append(" | `").append(cell(op.signature().toString().replace(
                            op.signature().name() + "(", name + "("))).append("` | ").append(cell(summary))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static List<String> standardSpellings(String name) {
        Op op = OpTable.standard().op(name);
        boolean method = op.signature().selfIndex() >= 0;
        String python = "`torch." + name + "`" + (method ? " / `x." + name + "()`" : "");
        String r = RNames.nameOf(OpTable.standard(), name).map(rName -> "`" + rName + "`")
                .orElse("`torch_" + name + "()` (dtype)") + (method ? " / `x$" + name + "()`" : "");
        String js = "`torch." + name + "`" + (method ? " / `x." + name + "()`" : "");
        return List.of(python, r, js);
    }

    private static List<String> optimizerSpellings(String name) {
        boolean scheduler = name.endsWith("LR");
        String python = scheduler ? "`torch.optim.lr_scheduler." + name + "`" : "`torch.optim." + name + "`";
        String r = rSpelling(OpTable.optimizers(), name);
        String js = scheduler ? "`new torch.optim.lr_scheduler." + name + "`" : "`new torch.optim." + name + "`";
        return List.of(python, r, js);
    }

    /** The R name of an op as code, or "not in R". */
    private static String rSpelling(OpTable table, String name) {
        return RNames.nameOf(table, name).map(rName -> "`" + rName + "`").orElse("not in R");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
