package org.torchglot.repl;

import java.util.List;

/** {@code :time EXPR} evaluates code and prints how long it took, as IPython's {@code %time}. */
final class TimeCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":time");
    }

    @Override
    public String usage() {
        return ":time CODE";
    }

    @Override
    public String summary() {
        return "run code and print its wall time";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        if (argument.isEmpty()) {
            repl.out().println("usage: " + usage());
            return;
        }
        repl.timed(() -> repl.session().evaluate(argument), true);
    }
}
