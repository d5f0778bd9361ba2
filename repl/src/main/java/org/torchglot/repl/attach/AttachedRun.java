package org.torchglot.repl.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.torchglot.bindings.ProcessDefaults;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.repl.Main;
import org.torchglot.repl.CommandLine;
import org.torchglot.repl.ScriptRunner;

/**
 * One client's command on the {@link WarmServer}: checks who is asking, decides whether the
 * server takes it, then runs it on its own thread while this thread reads the client's input
 * frames. The client going away cancels the script.
 */
final class AttachedRun implements Runnable {

    private static final byte[] END_OF_INPUT = new byte[0];

    private final WarmServer server;
    private final SocketChannel client;
    private final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private volatile boolean finished;
    private final java.util.concurrent.atomic.AtomicBoolean slotReleased = new java.util.concurrent.atomic.AtomicBoolean();

    AttachedRun(WarmServer server, SocketChannel client) {
        this.server = server;
        this.client = client;
    }

    @Override
    public void run() {
        try (client) {
            if (!sameUserAsServer()) {
                return;
            }
            DataInputStream in = Frames.input(client);
            DataOutputStream out = Frames.output(client);
            Frames.Frame first = Frames.read(in);
            AttachRequest request = first.type() == Frames.REQUEST ? AttachRequest.decode(first.payload()) : null;
            CommandLine options = request == null ? null : optionsOf(request);
            boolean repl = options != null && options.mode() == CommandLine.Mode.REPL && !options.allowHostAccess()
                    && request.relaysTerminal();
            // NOTE: a kernel lives long, host access would let a script reach the server's own JVM, and a REPL
            // needs a client that relays its terminal: they run directly, as does a client speaking another version.
            if (options == null || (options.needsOwnProcess() && !repl)) {
                Frames.write(out, Frames.DIRECT, new byte[0]);
                return;
            }
            if ((!repl && server.tooYoungForScripts()) || !server.tryBeginRun()) {
                Frames.write(out, Frames.BUSY, new byte[0]);
                return;
            }
            try {
                server.replContexts().expect(AttachedRepl.sandboxOf(request, options));
                if (repl) {
                    new AttachedRepl(server, client, request, options, this::releaseSlot).run(in, out);
                } else {
                    Frames.write(out, Frames.ACCEPTED, new byte[0]);
                    runScript(request, options, in, out);
                }
            } finally {
                releaseSlot();
            }
        } catch (IOException e) {
            // NOTE: the client left; a script it started has been cancelled by readInput.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runScript(AttachRequest request, CommandLine options, DataInputStream in, DataOutputStream out)
            throws IOException {
        ProcessDefaults.restore();
        PrintStream stdout = new PrintStream(new FrameOutput(out, Frames.OUT), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FrameOutput(out, Frames.ERR), false, StandardCharsets.UTF_8);
        ScriptRunner runner = new ScriptRunner(stdout, stderr, new RequestedInput(out), false,
                Path.of(request.workingDirectory())).grant(options.allowRead(), options.allowWrite());
        long exhaustedBefore = server.heapExhaustion().count();
        Thread script = Thread.ofPlatform().name("torchglot-script").start(() -> {
            int status = 1;
            try (MemoryLimit.Scope budget = MemoryLimit.limitTo(server.tensorBudget())) {
                status = Main.run(options, runner, stdout);
                if (server.heapExhaustion().count() > exhaustedBefore) {
                    retireServer();  // NOTE: the script ran the heap full, and may have caught the OutOfMemoryError
                }
            } catch (RuntimeException | Error e) {
                // NOTE: what would end a direct run's JVM with a stack trace ends this script alike,
                // and the client still gets a status instead of waiting forever.
                e.printStackTrace(stderr);
                stderr.flush();
                if (e instanceof OutOfMemoryError) {
                    retireServer();  // NOTE: a JVM that ran out of memory is not one to keep serving from
                }
            } finally {
                finished = true;
                // NOTE: free the server before the client hears the status, or a command started right
                // after this one would find the server still busy and run directly.
                releaseSlot();
                try {
                    Frames.writeInt(out, Frames.EXIT, status);
                    client.shutdownInput();
                } catch (IOException e) {
                    // the client is gone; nobody waits for the status
                }
            }
        });
        readInput(in, runner);
        try {
            script.join();
        } catch (InterruptedException e) {
            runner.cancel();
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the client's input frames to the script until the connection ends; an early end cancels the script. */
    private void readInput(DataInputStream in, ScriptRunner runner) {
        try {
            while (true) {
                Frames.Frame frame = Frames.read(in);
                if (frame.type() == Frames.STDIN) {
                    input.add(frame.payload().length == 0 ? END_OF_INPUT : frame.payload());
                }
            }
        } catch (IOException e) {
            if (!finished) {
                runner.cancel();
            }
            input.add(END_OF_INPUT);
        }
    }

    private void retireServer() {
        retire(server);
    }

    /** Stops a server from taking more commands (it exits once the command in progress has finished). */
    static void retire(WarmServer server) {
        try {
            server.close();
        } catch (IOException e) {
            // the socket is gone or going; the server exits either way
        }
    }

    private void releaseSlot() {
        if (slotReleased.compareAndSet(false, true)) {
            server.endRun();
        }
    }

    private CommandLine optionsOf(AttachRequest request) {
        try {
            return CommandLine.parse(request.arguments().toArray(String[]::new), request.stdinIsTerminal());
        } catch (IllegalArgumentException e) {
            return null;  // NOTE: the direct run prints the usage message, from one place.
        }
    }

    private boolean sameUserAsServer() throws IOException {
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().equals(Files.getOwner(server.socket()));
    }

    /** Output of the script, one frame per write, so stdout and stderr keep their order. */
    static final class FrameOutput extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        FrameOutput(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                Frames.write(out, type, b, off, len);
            }
        }
    }

    /** Standard input read from the client on demand, so a script that never reads leaves the terminal alone. */
    private final class RequestedInput extends InputStream {
        private final DataOutputStream out;
        private byte[] pending = new byte[0];
        private int position;
        private boolean ended;

        RequestedInput(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == pending.length && !ended) {
                Frames.writeInt(out, Frames.STDIN_WANTED, len);
                try {
                    pending = input.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("standard input was interrupted");
                }
                position = 0;
                ended = pending == END_OF_INPUT;
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(len, pending.length - position);
            System.arraycopy(pending, position, b, off, n);
            position += n;
            return n;
        }
    }
}
