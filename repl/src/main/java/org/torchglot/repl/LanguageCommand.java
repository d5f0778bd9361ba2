package org.torchglot.repl;

import java.util.List;
import java.util.Optional;
import org.torchglot.bindings.Language;

/** {@code :py}, {@code :r}, {@code :js} and {@code :lang NAME} switch the prompt's language; the context stays. */
final class LanguageCommand implements ReplCommand {

    @Override
    public List<String> names() {
        return List.of(":lang", ":py", ":r", ":js");
    }

    @Override
    public String usage() {
        return ":py :r :js";
    }

    @Override
    public String summary() {
        return "switch language (also :lang NAME); variables of every language stay";
    }

    @Override
    public void run(Repl repl, String name, String argument) {
        String wanted = name.equals(":lang") ? argument : name.substring(1);
        Optional<Language> language = Language.forName(wanted);
        if (language.isEmpty()) {
            repl.out().println("unknown language '" + wanted + "' (expected python, js or r)");
            return;
        }
        try {
            repl.switchLanguage(language.get());
        } catch (IllegalArgumentException e) {
            repl.out().println(e.getMessage());
        }
    }
}
