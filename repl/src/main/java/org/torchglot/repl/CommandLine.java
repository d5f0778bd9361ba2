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
 * @param script the script file (mode {@link Mode#SCRIPT}), or "-" when standard input was named (mode {@link Mode#STDIN}),
 *     or the Jupyter connection file (mode {@link Mode#KERNEL})
 * @param code the program text of {@code -c} (mode {@link Mode#CODE})
 * @param language the language of {@code -c} and standard input ({@code --lang}, default Python)
 * @param arguments the program's own arguments, after the script or code; for {@link Mode#INSTALL_KERNEL}, its options
 *     ({@code --user}, {@code --prefix DIR}, {@code --sys-prefix}, {@code --uninstall})
 * @param allowHostAccess {@code --allow-host-access}: open Java interop and the file system
 * @param allowRead {@code --allow-read}: directories scripts may read besides the working directory, as typed
 * @param allowWrite {@code --allow-write}: directories scripts may read and write besides the working directory
 */
public record CommandLine(Mode mode, Path script, String code, Language language, List<String> arguments, boolean allowHostAccess,
                      List<Path> allowRead, List<Path> allowWrite) {

    /** What the command line asks for. */
    public enum Mode { VERSION, HELP, SCRIPT, CODE, STDIN, REPL, KERNEL, INSTALL_KERNEL }

    static final String USAGE = """
            usage: torchglot [options] [script.py|script.js|script.mjs|script.R|notebook.ipynb|notes.Rmd|-] [args...]
                   torchglot [options] -c CODE [args...]
                   torchglot [options] --install-kernel [--user|--prefix DIR|--sys-prefix] [--uninstall]
            options:
              --lang python|js|R     language of -c and of standard input (default python)
              --allow-read=DIR[,DIR...]
                                     let scripts read files below these directories too
                                     (the working directory is always readable and writable)
              --allow-write=DIR[,DIR...]
                                     let scripts read and write files below these directories too
              --allow-host-access    let scripts use any Java class and any file
              --install-kernel       install the Jupyter kernels torchglot-python, -r and -js
                                     (with the --allow-* options given here), or remove them
              --kernel FILE          run a Jupyter kernel (in --lang) on a connection file
              --version              print the version and the JIT in use
              -h, --help             print this help
            """;

    /**
     * Parses the arguments; options end at the script or {@code -c} code.
     *
     * @throws IllegalArgumentException with a user-facing message on a bad command line
     */
    public static CommandLine parse(String[] argv, boolean stdinIsTerminal) {
        Language language = Language.PYTHON;
        boolean allowHostAccess = false;
        List<Path> read = new ArrayList<>();
        List<Path> write = new ArrayList<>();
        List<String> install = null;
        int i = 0;
        for (; i < argv.length && argv[i].startsWith("-") && !argv[i].equals("-"); i++) {
            switch (argv[i]) {
                case "--version", "-V" -> {
                    return new CommandLine(Mode.VERSION, null, null, language, List.of(), false, List.of(), List.of());
                }
                case "--help", "-h" -> {
                    return new CommandLine(Mode.HELP, null, null, language, List.of(), false, List.of(), List.of());
                }
                case "--allow-host-access" -> allowHostAccess = true;
                case "--install-kernel" -> install = new ArrayList<>();
                case "--user", "--sys-prefix", "--uninstall", "--prefix" -> {
                    if (install == null) {
                        throw new IllegalArgumentException(argv[i] + " goes with --install-kernel");
                    }
                    install.add(argv[i]);
                    if (argv[i].equals("--prefix")) {
                        if (++i >= argv.length) {
                            throw new IllegalArgumentException("argument expected for the --prefix option");
                        }
                        install.add(argv[i]);
                    }
                }
                case "--kernel" -> {
                    if (++i >= argv.length) {
                        throw new IllegalArgumentException("argument expected for the --kernel option (a connection file)");
                    }
                    return new CommandLine(Mode.KERNEL, Path.of(argv[i]), null, language, List.of(), allowHostAccess, read, write);
                }
                case "--lang" -> language = languageNamed(++i < argv.length ? argv[i] : "");
                case "-c" -> {
                    if (++i >= argv.length) {
                        throw new IllegalArgumentException("argument expected for the -c option");
                    }
                    List<String> rest = List.of(argv).subList(i + 1, argv.length);
                    return new CommandLine(Mode.CODE, null, argv[i], language, rest, allowHostAccess, read, write);
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
        if (install != null) {
            if (i < argv.length) {
                throw new IllegalArgumentException("--install-kernel takes no script: " + argv[i]);
            }
            return new CommandLine(Mode.INSTALL_KERNEL, null, null, language, install, allowHostAccess, read, write);
        }
        if (i == argv.length) {
            Mode mode = stdinIsTerminal ? Mode.REPL : Mode.STDIN;
            return new CommandLine(mode, null, null, language, List.of(), allowHostAccess, read, write);
        }
        List<String> rest = List.of(argv).subList(i + 1, argv.length);
        if (argv[i].equals("-")) {
            // NOTE: as CPython's "python - args": the program comes from standard input, even from a terminal.
            return new CommandLine(Mode.STDIN, Path.of("-"), null, language, rest, allowHostAccess, read, write);
        }
        return new CommandLine(Mode.SCRIPT, Path.of(argv[i]), null, language, rest, allowHostAccess, read, write);
    }

    /**
     * Whether the command must run in a JVM of its own rather than in the warm server: the REPL needs the
     * terminal (unless the launcher's client relays it), a Jupyter kernel lives long, and host access would
     * reach the server's JVM.
     */
    public boolean needsOwnProcess() {
        return mode == Mode.REPL || mode == Mode.KERNEL || mode == Mode.INSTALL_KERNEL || allowHostAccess;
    }

    /** The sandbox flags as typed on a command line, directories made absolute (kernelspecs start kernels elsewhere). */
    public List<String> permissionFlags() {
        List<String> flags = new ArrayList<>();
        if (allowHostAccess) {
            flags.add("--allow-host-access");
        }
        if (!allowRead.isEmpty()) {
            flags.add("--allow-read=" + String.join(",", allowRead.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        if (!allowWrite.isEmpty()) {
            flags.add("--allow-write=" + String.join(",", allowWrite.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        return flags;
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
