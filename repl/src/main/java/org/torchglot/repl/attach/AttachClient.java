package org.torchglot.repl.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The launcher's front end when a warm server may be running: hands the command to the {@link
 * WarmServer} and relays its output, input and exit status, or runs the command itself in a new
 * JVM when there is no server, it is busy, or it declines. When there was no server, one is started
 * in the background after the command has finished, for the next command.
 *
 * <p>Usage: {@code AttachClient <socket> -- <java command of the direct run...>}; the direct command
 * ends with the main class {@code org.torchglot.repl.Main} and the user's arguments. This class
 * runs in a plain JVM (no Truffle, no JIT flags) so that it starts in tens of milliseconds; it
 * must not touch the polyglot classes.
 */
public final class AttachClient {

    static final String DIRECT_MAIN = "org.torchglot.repl.Main";
    static final String SERVER_MAIN = "org.torchglot.repl.attach.WarmServer";

    /** How an attempt to attach ended. */
    enum Kind { RAN, NO_SERVER, DECLINED }

    /** The outcome of {@link #attach}: the script's exit status when it {@link Kind#RAN}. */
    record Outcome(Kind kind, int status) {
    }

    private AttachClient() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3 || !args[1].equals("--")) {
            System.err.println("usage: AttachClient <socket> -- <java command...> " + DIRECT_MAIN + " [args...]");
            System.exit(2);
        }
        Path socket = Path.of(args[0]);
        List<String> direct = List.of(args).subList(2, args.length);
        int main = direct.indexOf(DIRECT_MAIN);
        if (main < 0) {
            System.err.println("AttachClient: the direct command names no " + DIRECT_MAIN);
            System.exit(2);
        }
        List<String> userArguments = direct.subList(main + 1, direct.size());
        Outcome outcome = new Outcome(Kind.DECLINED, 0);
        if (SocketDirectory.isPrivate(socket.getParent())) {
            AttachRequest request = new AttachRequest(Path.of("").toAbsolutePath().toString(), stdinIsTerminal(),
                    userArguments);
            outcome = attach(socket, request, new FileOutputStream(FileDescriptor.out),
                    new FileOutputStream(FileDescriptor.err), System.in);
        }
        if (outcome.kind() == Kind.RAN) {
            System.exit(outcome.status());
        }
        int status = runDirect(direct);
        if (outcome.kind() == Kind.NO_SERVER) {
            startServer(socket, serverCommand(direct.subList(0, main), socket));
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
        try (channel) {
            DataOutputStream toServer = Frames.output(channel);
            DataInputStream fromServer = Frames.input(channel);
            Frames.write(toServer, Frames.REQUEST, request.encode());
            Frames.Frame answer = Frames.read(fromServer);
            if (answer.type() != Frames.ACCEPTED) {
                return new Outcome(Kind.DECLINED, 0);
            }
            SignalHandler previous = onInterrupt(channel);
            try {
                return new Outcome(Kind.RAN, relay(fromServer, toServer, out, err, in));
            } finally {
                Signal.handle(new Signal("INT"), previous);
            }
        } catch (IOException e) {
            // NOTE: the server went away before or during the run (a crash, or it was stopped).
            try {
                err.write(("torchglot: lost the warm server: " + e.getMessage() + "\n").getBytes());
                err.flush();
            } catch (IOException ignored) {
                // standard error is gone too; the exit status still tells
            }
            return new Outcome(Kind.RAN, 1);
        }
    }

    private static int relay(DataInputStream fromServer, DataOutputStream toServer, OutputStream out,
                             OutputStream err, InputStream in) throws IOException {
        while (true) {
            Frames.Frame frame = Frames.read(fromServer);
            switch (frame.type()) {
                case Frames.OUT -> {
                    out.write(frame.payload());
                    out.flush();
                }
                case Frames.ERR -> {
                    err.write(frame.payload());
                    err.flush();
                }
                case Frames.STDIN_WANTED -> {
                    byte[] buffer = new byte[Math.max(1, Math.min(frame.intPayload(), 1 << 16))];
                    int n = in.read(buffer);
                    Frames.write(toServer, Frames.STDIN, buffer, 0, Math.max(n, 0));
                }
                case Frames.EXIT -> {
                    return frame.intPayload();
                }
                default -> throw new IOException("unexpected attach frame '" + (char) frame.type() + "'");
            }
        }
    }

    /** On Ctrl-C, drops the connection (the server cancels the script) and exits as a killed process would. */
    private static SignalHandler onInterrupt(SocketChannel channel) {
        return Signal.handle(new Signal("INT"), signal -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
            System.exit(130);
        });
    }

    /** Runs the command in a child JVM sharing this terminal; Ctrl-C reaches the child, which decides. */
    private static int runDirect(List<String> command) throws IOException, InterruptedException {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        Process child = new ProcessBuilder(command).inheritIO().start();
        return child.waitFor();
    }

    /** The server's command: the direct JVM's flags, then the server's main class and socket. */
    static List<String> serverCommand(List<String> jvm, Path socket) {
        List<String> command = new ArrayList<>(jvm);
        command.add(SERVER_MAIN);
        command.add(socket.toString());
        return command;
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

    // NOTE: since JDK 22 System.console() exists even when input is piped; isTerminal() tells.
    private static boolean stdinIsTerminal() {
        return System.console() != null && System.console().isTerminal();
    }
}
