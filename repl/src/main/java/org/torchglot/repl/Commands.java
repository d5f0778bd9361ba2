package org.torchglot.repl;

import java.util.List;
import java.util.Optional;

/** Every REPL command, in the order {@code :help} lists them. */
final class Commands {

    private final List<ReplCommand> all = List.of(new HelpCommand(), new LanguageCommand(), new ShareCommand(),
            new VarsCommand(), new LoadCommand(), new TimeCommand(), new ResetCommand(), new QuitCommand());

    List<ReplCommand> all() {
        return all;
    }

    /** Every name of every command, for completion. */
    List<String> names() {
        return all.stream().flatMap(command -> command.names().stream()).toList();
    }

    Optional<ReplCommand> find(String name) {
        return all.stream().filter(command -> command.names().contains(name)).findFirst();
    }
}
