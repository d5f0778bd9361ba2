package org.torchglot.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.torchglot.bindings.Language;

/** {@code :load FILE} runs a script into the session, in the language of its extension. */
final class LoadCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":load");
    }

    @Override
    public String usage() {
        return ":load FILE";
    }

    @Override
    public String summary() {
        return "run a .py, .js or .R script into the session";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        Path file = repl.workingDirectory().resolve(argument);
        if (argument.isEmpty() || Language.forFile(file).isEmpty()) {
            repl.out().println("usage: :load FILE (a .py, .js, .mjs, .R or .r file)");
        } else if (!Files.isReadable(file)) {
            repl.out().println("cannot read " + file.toAbsolutePath());
        } else if (!repl.session().languages().contains(Language.forFile(file).get())) {
            repl.out().println("the " + Language.forFile(file).get().id() + " language is not available in this torchglot build");
        } else {
            repl.timed(() -> repl.session().load(file), false);
        }
    }
}
