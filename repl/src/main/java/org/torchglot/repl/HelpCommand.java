package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.torchglot.bindings.Language;

/**
 * {@code :help} lists the commands; {@code :help torch.nn.Linear} shows a torch name's signature and
 * summary, in R's form ({@code nn_linear(in_features, out_features, bias = TRUE)}) at the R prompt.
 */
final class HelpCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":help", ":?");
    }

    @Override
    public String usage() {
        return ":help [NAME]";
    }

    @Override
    public String summary() {
        return "this help, or the signature and summary of a torch name (:help torch.matmul)";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        PrintStream out = repl.out();
        if (argument.isEmpty()) {
            printCommands(repl, out);
            return;
        }
        help(repl.session(), argument).ifPresentOrElse(out::println, () -> out.println(
                "no help for '" + argument + "': try a torch name such as torch.matmul or torch.nn.Linear"));
    }

    /** The help for a name in the session's language: the op table's signature and summary, then its docstring. */
    static Optional<String> help(ReplSession session, String name) {
        Optional<TorchApi.Entry> entry = TorchApi.find(name, session.language() == Language.R);
        String doc = session.query(mode -> mode.documentation(name), null);
        List<String> parts = new ArrayList<>();
        entry.ifPresent(found -> parts.add(found.help()));
        if (doc != null && !doc.isBlank()) {
            parts.add(firstParagraph(doc));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    private static void printCommands(Repl repl, PrintStream out) {
        out.println("Commands:");
        for (ReplCommand command : repl.commands().all()) {
            out.printf("  %-16s %s%n", command.usage(), command.summary());
        }
        out.println("Tab completes names (after '.' or '$': members of live values); Ctrl-R searches the history.");
        out.println("Ctrl-C stops a running evaluation (variables stay); Ctrl-D, or Ctrl-C twice at an empty prompt, exits.");
    }

    /** The docstring up to its first blank line, dedented. */
    private static String firstParagraph(String doc) {
        String text = doc.strip().replace("\r", "");
        int blank = text.indexOf("\n\n");
        String paragraph = blank < 0 ? text : text.substring(0, blank);
        return paragraph.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
