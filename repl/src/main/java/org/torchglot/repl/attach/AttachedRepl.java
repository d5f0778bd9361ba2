package org.torchglot.repl.attach;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.torchglot.bindings.ProcessDefaults;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.repl.CommandLine;
import org.torchglot.repl.Repl;

/**
 * A REPL run in the {@link WarmServer} behind a client's terminal ({@link TerminalRelay} is the
 * client's half): the usual JLine REPL on a {@link RelayedTerminal} fed by the client's key frames,
 * with contexts from the server's {@link ReplContextPool} in the client's sandbox. The client going
 * away ends the session as a hang-up would: the evaluation in progress is interrupted and the REPL
 * leaves, saving its history.
 */
final class AttachedRepl {

    /** How long a REPL whose client has gone gets between interrupts (the second one resets a stuck evaluation). */
    private static final long HANG_UP_GRACE_MILLIS = 2_500;

    private final WarmServer server;
    private final AttachRequest request;
    private final CommandLine options;
    private final Runnable releaseSlot;
    private final SocketChannel client;

    AttachedRepl(WarmServer server, SocketChannel client, AttachRequest request, CommandLine options, Runnable releaseSlot) {
        this.server = server;
        this.client = client;
        this.request = request;
        this.options = options;
        this.releaseSlot = releaseSlot;
    }

    /** Runs the session; returns once the REPL has exited and its status has been sent, or the client is gone. */
    void run(DataInputStream in, DataOutputStream out) throws IOException, InterruptedException {
        Frames.write(out, Frames.TERMINAL, new byte[0]);
        Frames.Frame window = Frames.read(in);
        if (window.type() != Frames.WINDOW) {
            throw new IOException("the client did not send its window size");
        }
        // NOTE: the line discipline writes a byte at a time; frames go out when JLine or the guest flushes.
        OutputStream screen = new BufferedOutputStream(new AttachedRun.FrameOutput(out, Frames.OUT), 1 << 14);
        RelayedTerminal terminal = new RelayedTerminal(request.terminalType(), screen, window.intAt(0), window.intAt(4));
        ReplContextPool.Sandbox sandbox = sandboxOf(request, options);
        Repl.Settings settings = Repl.Settings.defaults(options.language(), false, Path.of(request.home()))
                .granting(options.allowRead(), options.allowWrite()).in(Path.of(request.workingDirectory()));
        Thread session = Thread.ofPlatform().name("torchglot-repl").start(() -> {
            int status = 1;
            ProcessDefaults.restore();
            long exhaustedBefore = server.heapExhaustion().count();
            try (MemoryLimit.Scope budget = MemoryLimit.limitTo(server.tensorBudget())) {
                status = new Repl(terminal, settings, (guestOut, guestIn) -> server.replContexts()
                        .take(settings.language(), sandbox, guestOut, guestIn)
                        .orElseGet(() -> sandbox.newContext(guestOut, guestIn))).run();
            } catch (RuntimeException | Error e) {
                // NOTE: as a direct REPL's JVM would end with a stack trace, this session ends with one on its screen.
                e.printStackTrace(new PrintStream(terminal.output(), true, StandardCharsets.UTF_8));
            } finally {
                if (server.heapExhaustion().count() > exhaustedBefore) {
                    AttachedRun.retire(server);  // NOTE: as after a script that ran the heap full
                }
                releaseSlot.run();
                try {
                    screen.flush();
                    Frames.writeInt(out, Frames.EXIT, status);
                    client.shutdownInput();
                } catch (IOException e) {
                    // the client is gone; nobody waits for the status
                }
            }
        });
        relayKeys(in, terminal, session);
        session.join();
    }

    /** The sandbox a direct REPL started by this client would have: its directory and its grants. */
    static ReplContextPool.Sandbox sandboxOf(AttachRequest request, CommandLine options) {
        return new ReplContextPool.Sandbox(Path.of(request.workingDirectory()), options.allowRead(), options.allowWrite());
    }

    /** Hands keys and window sizes to the terminal until the session ends or the client goes away. */
    private static void relayKeys(DataInputStream in, RelayedTerminal terminal, Thread session) throws InterruptedException {
        try {
            while (session.isAlive()) {
                Frames.Frame frame = Frames.read(in);
                switch (frame.type()) {
                    case Frames.STDIN -> {
                        if (frame.payload().length == 0) {
                            terminal.endInput();
                        } else {
                            terminal.type(frame.payload());
                        }
                    }
                    case Frames.WINDOW -> terminal.resize(frame.intAt(0), frame.intAt(4));
                    default -> throw new IOException("unexpected attach frame '" + (char) frame.type() + "'");
                }
            }
        } catch (IOException e) {
            hangUp(terminal, session);
        }
    }

    /** The client is gone: no more input, and Ctrl-C until the evaluation in progress, if any, lets the REPL leave. */
    private static void hangUp(RelayedTerminal terminal, Thread session) throws InterruptedException {
        try {
            terminal.endInput();
        } catch (IOException e) {
            // already ended
        }
        for (int attempt = 0; attempt < 3 && session.isAlive(); attempt++) {
            terminal.raise(Terminal.Signal.INT);
            session.join(HANG_UP_GRACE_MILLIS);
        }
    }
}
