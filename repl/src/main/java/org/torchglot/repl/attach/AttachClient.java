package org.torchglot.repl.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.torchglot.repl.StandardInput;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The launcher's front end when a warm server may be running: hands the command to the {@link
 * WarmServer} and relays its output, input and exit status, or runs the command itself in a new
 * JVM when there is no server, it is busy, or it declines. When there was no server, one is started
 * in the background after the command has finished, for the next command. A REPL (no script, standard
 * input a terminal) runs in the server too, behind this process's terminal ({@link TerminalRelay}).
 *
 * <p>Usage: {@code AttachClient <socket> <n> <server command: n words> <direct command...>}: the
 * server command starts a {@link WarmServer} on the socket; the direct command ends with the main
 * class {@code org.torchglot.repl.Main} and the user's arguments. This class runs in a plain JVM
 * (no Truffle, no JIT flags) so that it starts in tens of milliseconds; it must not touch the
 * polyglot classes.
 */
public final class AttachClient {

    static final String DIRECT_MAIN = "org.torchglot.repl.Main";

    /** The exit status after Ctrl-C, as a shell reports a process killed by SIGINT (128 + 2). */
    static final int INTERRUPTED = 130;

    /** How an attempt to attach ended. */
    enum Kind { RAN, NO_SERVER, DECLINED }

    /** The outcome of {@link #attach}: the script's exit status when it {@link Kind#RAN}. */
    record Outcome(Kind kind, int status) {
    }

    private AttachClient() {
    }

    /** The launcher's command line, split: where the server listens, how to start it, how to run directly. */
    record Command(Path socket, List<String> server, List<String> direct, List<String> userArguments) {

        /** Splits {@code <socket> <n> <server command: n words> <direct command...> Main [args...]}. */
        static Command parse(String... args) {
            int serverWords = args.length >= 2 && args[1].matches("[0-9]{1,4}") ? Integer.parseInt(args[1]) : -1;
            boolean fits = serverWords >= 1 && 2 + serverWords <= args.length;
            int main = fits ? List.of(args).subList(2 + serverWords, args.length).indexOf(DIRECT_MAIN) : -1;
            if (main < 1) {
                throw new IllegalArgumentException("usage: AttachClient <socket> <n> <server command: n words> "
                        + "<java command...> " + DIRECT_MAIN + " [args...]");
            }
            List<String> all = List.of(args);
            List<String> direct = all.subList(2 + serverWords, args.length);
            return new Command(Path.of(args[0]), all.subList(2, 2 + serverWords), direct,
                    direct.subList(main + 1, direct.size()));
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path socket = command.socket();
        Outcome outcome = new Outcome(Kind.DECLINED, 0);
        if (SocketDirectory.isPrivate(socket.getParent())) {
            boolean terminal = StandardInput.isTerminal();
            AttachRequest request = new AttachRequest(Path.of("").toAbsolutePath().toString(), terminal,
                    command.userArguments(), terminal ? terminalType() : "", System.getProperty("user.home"));
            outcome = attach(socket, request, new FileOutputStream(FileDescriptor.out),
                    new FileOutputStream(FileDescriptor.err), System.in);
        }
        if (outcome.kind() == Kind.RAN) {
            System.exit(outcome.status());
        }
        int status = runDirect(command.direct());
        if (outcome.kind() == Kind.NO_SERVER) {
            startServer(socket, command.server());
        }
        System.exit(status);
    }

    /**
     * Runs the request on the server at {@code socket}, relaying its output to {@code out} and
     * {@code err} and its input requests to {@code in}. Ctrl-C (SIGINT) cancels the script.
     */
    static Outcome attach(Path socket, AttachRequest request, OutputStream out, OutputStream err, InputStream in) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException e) {
            return new Outcome(Kind.NO_SERVER, 0);
        }
        boolean accepted = false;
        AtomicBoolean interrupted = new AtomicBoolean();
        try (channel) {
            DataOutputStream toServer = Frames.output(channel);
            DataInputStream fromServer = Frames.input(channel);
            Frames.write(toServer, Frames.REQUEST, request.encode());
            Frames.Frame answer = Frames.read(fromServer);
            if (answer.type() == Frames.TERMINAL) {
                // NOTE: a terminal stty cannot switch is left to a direct REPL; closing the connection ends the server's.
                RawTerminal terminal = RawTerminal.enter();
                accepted = true;
                return new Outcome(Kind.RAN, new TerminalRelay(fromServer, toServer, terminal).run(in, out, err));
            }
            if (answer.type() != Frames.ACCEPTED) {
                return new Outcome(Kind.DECLINED, 0);
            }
            accepted = true;
            SignalHandler previous = onInterrupt(channel, interrupted);
            try {
                return new Outcome(Kind.RAN, relay(fromServer, toServer, out, err, in));
            } finally {
                if (previous != null) {
                    Signal.handle(new Signal("INT"), previous);
                }
            }
        } catch (IOException e) {
            if (!accepted) {
                return new Outcome(Kind.DECLINED, 0);  // NOTE: a server shutting down; nothing ran yet
            }
            if (interrupted.get()) {
                return new Outcome(Kind.RAN, INTERRUPTED);  // NOTE: our own Ctrl-C closed the connection
            }
            // NOTE: the server went away during the run (a crash, or it was killed).
            try {
                err.write(("torchglot: lost the warm server while it ran the script (" + describe(e)
                        + "); run the command again, it will start afresh\n").getBytes());
                err.flush();
            } catch (IOException ignored) {
                // standard error is gone too; the exit status still tells
            }
            return new Outcome(Kind.RAN, 1);
        }
    }

    /** The terminal type the REPL should draw for; {@code dumb} when {@code TERM} is unset, as JLine assumes. */
    private static String terminalType() {
        String type = System.getenv("TERM");
        return type == null || type.isBlank() ? "dumb" : type;
    }

    private static int relay(DataInputStream fromServer, DataOutputStream toServer, OutputStream out,
                             OutputStream err, InputStream in) throws IOException {
        // NOTE: as a direct run's PrintStreams do, output that can no longer be written (`| head -1`)
        // is dropped and the script goes on; only the socket failing means the server is lost.
        PrintStream stdout = new PrintStream(out, true);
        PrintStream stderr = new PrintStream(err, true);
        while (true) {
            Frames.Frame frame = Frames.read(fromServer);
            switch (frame.type()) {
                case Frames.OUT -> stdout.write(frame.payload(), 0, frame.payload().length);
                case Frames.ERR -> stderr.write(frame.payload(), 0, frame.payload().length);
                case Frames.STDIN_WANTED -> {
                    byte[] buffer = new byte[Math.max(1, Math.min(frame.intPayload(), 1 << 16))];
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        n = -1;  // NOTE: unreadable input is the end of input, as for a direct run
                    }
                    Frames.write(toServer, Frames.STDIN, buffer, 0, Math.max(n, 0));
                }
                case Frames.EXIT -> {
                    return frame.intPayload();
                }
                default -> throw new IOException("unexpected attach frame '" + (char) frame.type() + "'");
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "the connection ended";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * On Ctrl-C, drops the connection (the server cancels the script) and exits as a killed process
     * would; {@code interrupted} tells the relaying thread, whose read fails at the same moment, that
     * the status is {@value #INTERRUPTED} and nothing was lost.
     */
    private static SignalHandler onInterrupt(SocketChannel channel, AtomicBoolean interrupted) {
        return handleInterrupt(signal -> {
            interrupted.set(true);
            try {
                channel.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
            System.exit(INTERRUPTED);
        });
    }

    /** Runs the command in a child JVM sharing this terminal; Ctrl-C reaches the child, which decides. */
    static int runDirect(List<String> command) throws IOException, InterruptedException {
        // NOTE: a no-op handler rather than SIG_IGN: an ignored signal stays ignored across exec, so
        // the child JVM would never stop on Ctrl-C; a handled one is reset to the default there.
        handleInterrupt(signal -> { });
        Process child = new ProcessBuilder(command).inheritIO().start();
        return child.waitFor();
    }

    /** Installs a SIGINT handler; returns the previous one, or null when SIGINT was ignored from the start (nohup). */
    private static SignalHandler handleInterrupt(SignalHandler handler) {
        try {
            return Signal.handle(new Signal("INT"), handler);
        } catch (IllegalArgumentException e) {
            return null;  // NOTE: then Ctrl-C cannot arrive here, and the child inherits the ignoring, as it should
        }
    }

    /**
     * Starts the server in its own session (so the terminal's Ctrl-C does not reach it), with its
     * output in a log beside the socket. Without {@code setsid} no server is started.
     */
    private static void startServer(Path socket, List<String> command) {
        Path setsid = Arrays.stream(new String[] {"/usr/bin/setsid", "/bin/setsid"}).map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (setsid == null) {
            return;
        }
        List<String> detached = new ArrayList<>(List.of(setsid.toString(), "-f"));
        detached.addAll(command);
        Path log = socket.resolveSibling(socket.getFileName() + ".log");
        try {
            // NOTE: setsid -f forks the server off and returns at once; waiting reaps it.
            new ProcessBuilder(detached)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // NOTE: no server means every command runs directly, as without one; nothing is lost.
        }
    }
}
