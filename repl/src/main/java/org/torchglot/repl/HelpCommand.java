package org.torchglot.repl;

import java.io.PrintStream;
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
        Optional<TorchApi.Entry> entry = TorchApi.find(argument, repl.session().language() == Language.R);
        entry.ifPresent(found -> out.println(found.help()));
        String doc = repl.session().query(mode -> mode.documentation(argument), null);
        if (doc != null && !doc.isBlank()) {
            out.println(firstParagraph(doc));
        } else if (entry.isEmpty()) {
            out.println("no help for '" + argument + "': try a torch name such as torch.matmul or torch.nn.Linear");
        }
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
