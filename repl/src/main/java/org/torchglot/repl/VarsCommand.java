package org.torchglot.repl;

import java.util.List;

/** {@code :vars} lists the current language's variables with their types and shapes. */
final class VarsCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":vars");
    }

    @Override
    public String usage() {
        return ":vars";
    }

    @Override
    public String summary() {
        return "list your variables with types and shapes";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        List<LanguageMode.Variable> variables = repl.session().variables();
        if (variables.isEmpty()) {
            repl.out().println("no variables yet");
            return;
        }
        int nameWidth = variables.stream().mapToInt(v -> v.name().length()).max().orElse(4);
        int typeWidth = variables.stream().mapToInt(v -> v.type().length()).max().orElse(4);
        for (LanguageMode.Variable variable : variables) {
            repl.out().println(String.format("%-" + nameWidth + "s  %-" + typeWidth + "s  %s",
                    variable.name(), variable.type(), variable.detail()).stripTrailing());
        }
    }
}
