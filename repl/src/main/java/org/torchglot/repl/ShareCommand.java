package org.torchglot.repl;

import java.util.List;

/** {@code :share NAME} makes a variable of the current language a variable of the other languages too. */
final class ShareCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":share");
    }

    @Override
    public String usage() {
        return ":share NAME";
    }

    @Override
    public String summary() {
        return "give the other languages a variable (a tensor or module stays one object; also the polyglot bindings)";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        if (argument.isEmpty()) {
            repl.out().println("usage: " + usage());
            return;
        }
        for (String variable : argument.split("[\\s,]+")) {
            repl.session().share(variable).ifPresentOrElse(repl.out()::println,
                    () -> repl.out().println("shared " + variable));
        }
    }
}
