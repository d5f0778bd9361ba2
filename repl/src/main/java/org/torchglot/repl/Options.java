package org.torchglot.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.torchglot.bindings.Language;

/**
 * The parsed command line.
 *
 * @param mode what to do
 * @param script the script file (mode {@link Mode#SCRIPT}), or "-" when standard input was named (mode {@link Mode#STDIN})
 * @param code the program text of {@code -c} (mode {@link Mode#CODE})
 * @param language the language of {@code -c} and standard input ({@code --lang}, default Python)
 * @param arguments the program's own arguments, after the script or code
 * @param allowHostAccess {@code --allow-host-access}: open Java interop and the file system
 * @param allowRead {@code --allow-read}: directories scripts may read besides the working directory, as typed
 * @param allowWrite {@code --allow-write}: directories scripts may read and write besides the working directory
 */
public record Options(Mode mode, Path script, String code, Language language, List<String> arguments, boolean allowHostAccess,
                      List<Path> allowRead, List<Path> allowWrite) {

    /** What the command line asks for. */
    public enum Mode { VERSION, HELP, SCRIPT, CODE, STDIN, REPL }

    static final String USAGE = """
            usage: torchglot [options] [script.py|script.js|script.mjs|script.R|-] [args...]
                   torchglot [options] -c CODE [args...]
            options:
              --lang python|js|R     language of -c and of standard input (default python)
              --allow-read=DIR[,DIR...]
                                     let scripts read files below these directories too
                                     (the working directory is always readable and writable)
              --allow-write=DIR[,DIR...]
                                     let scripts read and write files below these directories too
              --allow-host-access    let scripts use any Java class and any file
              --version              print the version and the JIT in use
              -h, --help             print this help
            """;

    /**
     * Parses the arguments; options end at the script or {@code -c} code.
     *
     * @throws IllegalArgumentException with a user-facing message on a bad command line
     */
    public static Options parse(String[] argv, boolean stdinIsTerminal) {
        Language language = Language.PYTHON;
        boolean allowHostAccess = false;
        List<Path> read = new ArrayList<>();
        List<Path> write = new ArrayList<>();
        int i = 0;
        for (; i < argv.length && argv[i].startsWith("-") && !argv[i].equals("-"); i++) {
            switch (argv[i]) {
                case "--version", "-V" -> {
                    return new Options(Mode.VERSION, null, null, language, List.of(), false, List.of(), List.of());
                }
                case "--help", "-h" -> {
                    return new Options(Mode.HELP, null, null, language, List.of(), false, List.of(), List.of());
                }
                case "--allow-host-access" -> allowHostAccess = true;
                case "--lang" -> language = languageNamed(++i < argv.length ? argv[i] : "");
                case "-c" -> {
                    if (++i >= argv.length) {
                        throw new IllegalArgumentException("argument expected for the -c option");
                    }
                    List<String> rest = List.of(argv).subList(i + 1, argv.length);
                    return new Options(Mode.CODE, null, argv[i], language, rest, allowHostAccess, read, write);
                }
                default -> {
                    if (argv[i].startsWith("--lang=")) {
                        language = languageNamed(argv[i].substring("--lang=".length()));
                    } else if (argv[i].startsWith("--allow-read=")) {
                        read.addAll(directories(argv[i]));
                    } else if (argv[i].startsWith("--allow-write=")) {
                        write.addAll(directories(argv[i]));
                    } else {
                        throw new IllegalArgumentException("unknown option: " + argv[i]);
                    }
                }
            }
        }
        if (i == argv.length) {
            Mode mode = stdinIsTerminal ? Mode.REPL : Mode.STDIN;
            return new Options(mode, null, null, language, List.of(), allowHostAccess, read, write);
        }
        List<String> rest = List.of(argv).subList(i + 1, argv.length);
        if (argv[i].equals("-")) {
            // NOTE: as CPython's "python - args": the program comes from standard input, even from a terminal.
            return new Options(Mode.STDIN, Path.of("-"), null, language, rest, allowHostAccess, read, write);
        }
        return new Options(Mode.SCRIPT, Path.of(argv[i]), null, language, rest, allowHostAccess, read, write);
    }

    /** The directories of {@code --allow-read=a,b}; relative ones are resolved later, against the program's directory. */
    private static List<Path> directories(String option) {
        String name = option.substring(0, option.indexOf('='));
        String value = option.substring(option.indexOf('=') + 1);
        List<Path> out = new ArrayList<>();
        for (String directory : value.split(",")) {
            if (directory.isBlank()) {
                throw new IllegalArgumentException(name + " expects directories, as in " + name + "=data,/tmp/out");
            }
            out.add(Path.of(directory.startsWith("~/") ? System.getProperty("user.home") + directory.substring(1) : directory));
        }
        return out;
    }

    private static Language languageNamed(String name) {
        Optional<Language> language = Language.forName(name);
        return language.orElseThrow(() -> new IllegalArgumentException(
                "unknown language '" + name + "' (expected python, js or R)"));
    }
}
