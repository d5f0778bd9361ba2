package org.torchglot.repl;

import java.util.List;

/** {@code :quit} ends the REPL, as Ctrl-D does. */
final class QuitCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":quit", ":q", ":exit");
    }

    @Override
    public String usage() {
        return ":quit";
    }

    @Override
    public String summary() {
        return "leave (also Ctrl-D)";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        repl.exit();
    }
}
