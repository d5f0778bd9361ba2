package org.torchglot.bindings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A guest language torchglot runs, with its polyglot id and the script file extensions it owns. */
public enum Language {
    PYTHON("python", "py"),
    JS("js", "js", "mjs"),
    R("R", "R", "r");

    private final String id;
    private final List<String> extensions;

    Language(String id, String... extensions) {
        this.id = id;
        this.extensions = List.of(extensions);
    }

    /** The GraalVM polyglot language id ("python", "js", "R"). */
    public String id() {
        return id;
    }

    /** File extensions without the dot, e.g. {@code ["js", "mjs"]}. */
    public List<String> extensions() {
        return extensions;
    }

    /** The language of a script file, chosen by its extension (case-sensitive for R's ".R"/".r" only by listing both). */
    public static Optional<Language> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        return Arrays.stream(values()).filter(l -> l.extensions.contains(extension)).findFirst();
    }

    /** Looks a language up by polyglot id or a common alias ("py", "javascript", "r"), ignoring case. */
    public static Optional<Language> forName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "python", "py", "python3" -> Optional.of(PYTHON);
            case "js", "javascript", "node", "mjs" -> Optional.of(JS);
            case "r" -> Optional.of(R);
            default -> Optional.empty();
        };
    }

    /** Whether a file of this language is an ECMAScript module rather than a script. */
    static boolean isModuleFile(Path file) {
        return file.toString().endsWith(".mjs");
    }
}
