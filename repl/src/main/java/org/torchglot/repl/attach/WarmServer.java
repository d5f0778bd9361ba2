package org.torchglot.repl.attach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.torchglot.engine.tensor.MemoryLimit;

/**
 * A JVM kept running in the background so that scripts skip start-up: the launcher's {@link
 * AttachClient} hands it a command, and it runs the script in a fresh sandboxed context of its
 * warm engine, relaying output, input and exit status (see {@link AttachedRun}).
 *
 * <p>It runs one script or REPL at a time (the engine's default generator and print options are
 * process-wide; they are reset before each), only sandboxed ones, only for the user who owns its socket,
 * and it exits after an idle spell ({@value #IDLE_PROPERTY}) or when its socket is removed. A REPL whose
 * client relays its terminal runs here too ({@link AttachedRepl}), in a context made ready beforehand
 * ({@link ReplContextPool}).
 *
 * <p>It stays out of the way of the user's commands: it listens from the start and warms up in the
 * background one script at a time ({@link WarmUp}); a command arriving meanwhile cancels the warm-up
 * script in progress and runs here, instead of in a cold JVM competing with the warm-up for the cores,
 * and the warm-up ends for good. After each idle spell of {@link #IDLE_GC_DELAY} it collects garbage once, so the JVM
 * can give the heap scripts left behind back to the system.
 * Usage: {@code WarmServer <socket>}; the socket's directory must be private ({@link SocketDirectory}).
 */
public final class WarmServer implements AutoCloseable {

    /** Minutes without a script after which the server exits; property {@code torchglot.attach.idleMinutes}. */
    static final String IDLE_PROPERTY = "torchglot.attach.idleMinutes";

    /**
     * The largest tensor one script may allocate on the server (bytes, or with a k, m or g suffix); property {@code
     * torchglot.attach.maxTensorBytes}. Default: the process's memory guard (half the heap, or {@code
     * -Dtorchglot.maxTensorBytes}). Larger allocations fail with PyTorch's allocator error.
     */
    static final String TENSOR_BUDGET_PROPERTY = "torchglot.attach.maxTensorBytes";

    /**
     * Seconds after its start during which the server turns scripts away, so that they run directly; property {@code
     * torchglot.attach.directSeconds}, default 60. NOTE: a young server runs a script slower than a direct run: its C2
     * and Truffle compiler threads are still compiling (xor_mlp.py's 2nd and 3rd commands took 16.7 and 113 s in a
     * fresh server, 12-15 s as direct runs; docs/performance.md#cold-start). REPLs are served at once.
     */
    static final String DIRECT_PROPERTY = "torchglot.attach.directSeconds";

    /** How long the server waits after its last run before it makes REPL contexts. */
    static final long POOL_IDLE_MILLIS = 2_000;

    private final Path socket;
    private final ServerSocketChannel channel;
    private final Duration idleLimit;
    /** How long a command waits for the cancelled warm-up script to stop before it is turned away (runs directly). */
    static final Duration WARM_UP_STEP_WAIT = Duration.ofSeconds(30);

    /** Idle time after a script before the server collects garbage (and the JVM shrinks its heap). */
    static final Duration IDLE_GC_DELAY = Duration.ofSeconds(10);

    private final AtomicBoolean busy = new AtomicBoolean();
    /** Guards the hand-over of the script slot between the warm-up and commands. */
    private final Object slot = new Object();
    private boolean warmUpHoldsSlot;
    private boolean commandArrived;
    private WarmUp warmUp;
    private volatile boolean collectedSinceLastRun = true;
    private final HeapExhaustion heapExhaustion = HeapExhaustion.watch(HeapExhaustion.NEARLY_FULL);
    private volatile long lastActivity = System.nanoTime();

    private final long tensorBudget;
    private final ReplContextPool replContexts;
    private final long directUntil;

    private WarmServer(Path socket, ServerSocketChannel channel, Duration idleLimit, long tensorBudget, Duration direct) {
        this.socket = socket;
        this.directUntil = System.nanoTime() + direct.toNanos();
        this.tensorBudget = tensorBudget;
        this.channel = channel;
        this.idleLimit = idleLimit;
        // NOTE: until a client says otherwise, the next REPL is guessed to start where the server was started.
        this.replContexts = new ReplContextPool(new ReplContextPool.Sandbox(Path.of("").toAbsolutePath(), List.of(), List.of()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WarmServer <socket>");
            System.exit(2);
        }
        Path socket = Path.of(args[0]).toAbsolutePath();
        if (!SocketDirectory.isPrivate(socket.getParent())) {
            System.err.println("WarmServer: " + socket.getParent() + " is not a private directory");
            System.exit(1);
        }
        // NOTE: two launchers may each start a server for the same build; the lock lets one win.
        Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                return;
            }
            try (WarmServer server = open(socket, configuredIdleLimit(), configuredTensorBudget(), configuredDirectTime())) {
                server.retireOlderBuilds();
                server.startWarmUp(socket.getParent());
                server.keepReplContextsReady();
                server.serve();
                server.awaitRunningScript();
            }
        }
        System.exit(0);
    }

    /**
     * Removes the sockets (and their lock and log files) of servers for other builds of the same
     * installation (the name's part before '-' names the installation, the rest its build, see the
     * launcher); each such server notices its socket is gone and exits once its script, if any, has
     * finished.
     */
    void retireOlderBuilds() throws IOException {
        String name = socket.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash < 0) {
            return;
        }
        String installation = name.substring(0, dash + 1);
        try (var siblings = Files.newDirectoryStream(socket.getParent(), installation + "*")) {
            for (Path sibling : siblings) {
                if (!sibling.getFileName().toString().startsWith(name)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    /** Waits for the script in progress, if any, so that exiting does not cut it short. */
    void awaitRunningScript() {
        while (busy.get()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Binds a server to {@code socket}, replacing a stale socket file left by a server that died. */
    static WarmServer open(Path socket, Duration idleLimit) throws IOException {
        return open(socket, idleLimit, configuredTensorBudget());
    }

    /** As above, with each script's tensors limited to {@code tensorBudget} bytes. */
    static WarmServer open(Path socket, Duration idleLimit, long tensorBudget) throws IOException {
        return open(socket, idleLimit, tensorBudget, Duration.ZERO);
    }

    /** As above, turning scripts away (to run directly) for the first {@code direct} after it starts. */
    static WarmServer open(Path socket, Duration idleLimit, long tensorBudget, Duration direct) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        return new WarmServer(socket, channel, idleLimit, tensorBudget, direct);
    }

    /** Whether scripts should still run directly: the server is younger than {@value #DIRECT_PROPERTY}. */
    boolean tooYoungForScripts() {
        return System.nanoTime() - directUntil < 0;
    }

    /** Accepts clients until closed, idle for too long, or the socket file is removed. */
    void serve() {
        Thread.ofPlatform().daemon().name("torchglot-idle-watch").start(this::watchIdleness);
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastActivity = System.nanoTime();
            Thread.ofPlatform().name("torchglot-attach").start(new AttachedRun(this, client));
        }
    }

    /**
     * Warms up on a background thread (at the lowest Java priority, which Linux ignores unless the JVM is
     * told otherwise; what keeps it out of the way is that it takes the script slot one script at a time).
     */
    void startWarmUp(Path workingDirectory) {
        WarmUp started = new WarmUp(workingDirectory);
        synchronized (slot) {
            warmUp = started;
        }
        Thread.ofPlatform().daemon().name("torchglot-warm-up").priority(Thread.MIN_PRIORITY)
                .start(() -> started.run(this::tryBeginWarmUpStep, this::endRun));
    }

    /**
     * Keeps a context per language ready for the next REPL ({@link ReplContextPool}), made on a background
     * thread once the server has been idle for {@value #POOL_IDLE_MILLIS} ms, one language at a time.
     */
    void keepReplContextsReady() {
        Thread.ofPlatform().daemon().name("torchglot-repl-contexts").priority(Thread.MIN_PRIORITY).start(() -> {
            while (channel.isOpen()) {
                try {
                    Thread.sleep(POOL_IDLE_MILLIS / 4);
                } catch (InterruptedException e) {
                    return;
                }
                // NOTE: Linux ignores Java thread priorities; waiting for an idle server is what keeps this out of a
                // script's way. A context in the making when a REPL arrives is handed to it once made.
                boolean idle = !busy.get() && System.nanoTime() - lastActivity > POOL_IDLE_MILLIS * 1_000_000L;
                if (idle) {
                    replContexts.prepareNext();
                }
            }
        });
    }

    /** The contexts kept ready for REPLs. */
    ReplContextPool replContexts() {
        return replContexts;
    }

    /**
     * Takes the one script slot for a command; false when another command's script is running. A warm-up
     * script in progress is cancelled and waited for (at most {@link #WARM_UP_STEP_WAIT}), and no other one
     * starts after it.
     */
    boolean tryBeginRun() {
        synchronized (slot) {
            lastActivity = System.nanoTime();
            commandArrived = true;
            long deadline = System.nanoTime() + WARM_UP_STEP_WAIT.toNanos();
            while (warmUpHoldsSlot && System.nanoTime() < deadline) {
                if (warmUp != null) {
                    warmUp.cancel();  // NOTE: repeated, since a script whose context is not created yet cannot be cancelled
                }
                try {
                    slot.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return busy.compareAndSet(false, true);
        }
    }

    /** Takes the script slot for one warm-up script; false once a command has come (the warm-up then ends). */
    boolean tryBeginWarmUpStep() {
        synchronized (slot) {
            if (commandArrived || !busy.compareAndSet(false, true)) {
                return false;
            }
            warmUpHoldsSlot = true;
            return true;
        }
    }

    /** Whether a command has asked for the script slot (after which the warm-up runs no more scripts). */
    boolean commandArrived() {
        synchronized (slot) {
            return commandArrived;
        }
    }

    /** Frees the script slot, after a command's script or a warm-up script. */
    void endRun() {
        synchronized (slot) {
            lastActivity = System.nanoTime();
            collectedSinceLastRun = false;
            warmUpHoldsSlot = false;
            busy.set(false);
            slot.notifyAll();
        }
    }

    Path socket() {
        return socket;
    }

    /** The largest tensor, in bytes, that one script may allocate here ({@value #TENSOR_BUDGET_PROPERTY}). */
    long tensorBudget() {
        return tensorBudget;
    }

    /** Whether scripts ran the heap full; after one has, the server retires (see {@link AttachedRun}). */
    HeapExhaustion heapExhaustion() {
        return heapExhaustion;
    }

    @Override
    public void close() throws IOException {
        // NOTE: the file goes first, so that once serve() has returned no client finds a dead socket.
        Files.deleteIfExists(socket);
        channel.close();
    }

    private void watchIdleness() {
        while (channel.isOpen()) {
            try {
                Thread.sleep(Math.min(1_000, Math.max(50, idleLimit.toMillis() / 4)));
                long idleNanos = busy.get() ? 0 : System.nanoTime() - lastActivity;
                if (idleNanos > idleLimit.toNanos() || !Files.exists(socket)) {
                    close();
                } else if (idleNanos > IDLE_GC_DELAY.toNanos() && !collectedSinceLastRun) {
                    collectedSinceLastRun = true;
                    // NOTE: a full collection is what makes G1 shrink the heap to -XX:MaxHeapFreeRatio (see the
                    // launcher); without it, memory a script used stays committed until the server exits.
                    System.gc();
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
        }
    }

    private static long configuredTensorBudget() {
        String configured = System.getProperty(TENSOR_BUDGET_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return MemoryLimit.processLimit();
        }
        try {
            return MemoryLimit.parseBytes(configured);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalStateException("-D" + TENSOR_BUDGET_PROPERTY + " must be a number of bytes such as 512m or 2g, not "
                    + configured, e);
        }
    }

    private static Duration configuredDirectTime() {
        try {
            return Duration.ofSeconds(Long.parseLong(System.getProperty(DIRECT_PROPERTY, "60")));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static Duration configuredIdleLimit() {
        String minutes = System.getProperty(IDLE_PROPERTY, "15");
        try {
            return Duration.ofMinutes(Long.parseLong(minutes));
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(15);
        }
    }
}
