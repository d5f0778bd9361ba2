package org.torchglot.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.torchglot.bindings.Language;

/**
 * Tab completion from live values: REPL commands, language keywords, the session's names, torch
 * API names from the op table, and after {@code .} (R: {@code $}) the members of the value
 * before it, asked from the language ({@code dir()}, the prototype chain, {@code names()}). Private
 * names (a last part starting with {@code _}) are left out unless the user typed the {@code _}.
 */
final class TorchCompleter implements Completer {

    private final ReplSession session;
    private final Commands commands;

    TorchCompleter(ReplSession session, Commands commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        boolean code = !InputParser.isCommand(before);
        candidates.addAll(candidates(before, line.word()).stream().map(name -> candidate(name, code)).toList());
    }

    /** The completions of {@code word}, the name path at the end of {@code before} (the text before the cursor). */
    List<String> candidates(String before, String word) {
        Set<String> names = new LinkedHashSet<>();
        String trimmed = before.stripLeading();
        if (trimmed.startsWith(":") && !trimmed.contains(" ")) {
            names.addAll(commands.names());
        } else if (trimmed.startsWith(":help ")) {
            names.addAll(TorchApi.names());
            names.addAll(TorchApi.rNames());
        } else if (trimmed.startsWith(":load ")) {
            names.addAll(files(word));
        } else {
            names.addAll(codeNames(word));
        }
        boolean privateTyped = lastPart(word).startsWith("_");
        return names.stream().filter(name -> name.startsWith(word))
                .filter(name -> privateTyped || !lastPart(name).startsWith("_"))
                .sorted().toList();
    }

    /** The name after the last member separator: {@code _bridge} of {@code torch._bridge}, {@code fc1} of {@code self$fc1}. */
    private static String lastPart(String name) {
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    private List<String> codeNames(String word) {
        char separator = session.memberSeparator();
        int end = word.lastIndexOf(separator);
        List<String> names = new ArrayList<>();
        if (end > 0) {
            String path = word.substring(0, end);
            session.query(mode -> mode.members(path), List.<String>of())
                    .forEach(member -> names.add(path + separator + member));
            if (session.language() != Language.R && word.startsWith("torch.")) {
                names.addAll(TorchApi.names());
            }
            return names;
        }
        names.addAll(session.query(LanguageMode::keywords, List.of()));
        names.addAll(session.query(LanguageMode::globalNames, List.of()));
        if (session.language() == Language.R) {
            names.addAll(TorchApi.rNames());
        }
        return names;
    }

    private static List<String> files(String word) {
        Path typed = Path.of(word.isEmpty() ? "." : word);
        Path directory = word.endsWith("/") ? typed : typed.getParent() == null ? Path.of(".") : typed.getParent();
        String prefix = word.endsWith("/") || typed.getParent() == null ? (word.endsWith("/") ? word : "") : typed.getParent() + "/";
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> prefix + entry.getFileName() + (Files.isDirectory(entry) ? "/" : "")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Candidate candidate(String name, boolean code) {
        // NOTE: JLine types a space after a complete candidate: right after a command (:help ) or a file,
        // in the way after a name in code (nn_relu(, self$fc1$), and a directory leaves room to go on typing.
        boolean complete = !code && !name.endsWith("/");
        return new Candidate(name, name, null, null, null, null, complete);
    }
}
