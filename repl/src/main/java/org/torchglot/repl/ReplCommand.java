package org.torchglot.repl;

import java.util.List;

/** A {@code :command} of the REPL. */
interface ReplCommand {

    /** The names that invoke it, the first being the main one, e.g. {@code [":quit", ":q", ":exit"]}. */
    List<String> names();

    /** How to call it, e.g. {@code ":load FILE"}. */
    String usage();

    /** What it does, in one line. */
    String summary();

    /**
     * Runs the command.
     *
     * @param name the name the user typed
     * @param argument the rest of the line, trimmed (may be empty)
     */
    void run(Repl repl, String name, String argument);
}
