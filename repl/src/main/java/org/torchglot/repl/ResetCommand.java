package org.torchglot.repl;

import java.util.List;

/** {@code :reset} starts a new context: every variable of every language is gone. */
final class ResetCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":reset");
    }

    @Override
    public String usage() {
        return ":reset";
    }

    @Override
    public String summary() {
        return "start afresh: forget the variables of every language";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        repl.session().reset();
        repl.out().println("the session was reset");
    }
}
