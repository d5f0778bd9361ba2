package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.repl.ScriptRunner;

/** The warm server and its client over a real Unix socket, in this JVM (whose engine the server shares). */
class WarmServerTest {

    @TempDir
    Path directory;

    private Path socket;
    private WarmServer server;
    private Thread serving;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        Path runtime = Files.createDirectory(directory.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = runtime.resolve("test.sock");
        server = WarmServer.open(socket, Duration.ofMinutes(5));
        serving = Thread.ofPlatform().daemon().start(server::serve);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        serving.join(5_000);
    }

    @Test
    void runsAScriptFromTheClientsDirectoryWithItsArguments() throws IOException {
        Files.writeString(directory.resolve("data.txt"), "weights\n");
        Files.writeString(directory.resolve("train.py"), """
                import os, sys
                print(os.getcwd() == %s, sys.argv)
                print(open("data.txt").read().strip())
                """.formatted(pythonString(directory.toString())));
        AttachClient.Outcome outcome = attach(List.of("train.py", "--epochs", "3"), InputStream.nullInputStream());
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), outcome);
        assertEquals("True ['train.py', '--epochs', '3']\nweights\n", stdout());
        assertEquals("", stderr());
    }

    @Test
    void exitStatusAndTracebackAreThoseOfADirectRun() throws IOException {
        Path script = Files.writeString(directory.resolve("broken.py"), "print('before')\nprint(undefined_name)\n");
        AttachClient.Outcome attached = attach(List.of("broken.py"), InputStream.nullInputStream());

        ByteArrayOutputStream directOut = new ByteArrayOutputStream();
        ByteArrayOutputStream directErr = new ByteArrayOutputStream();
        int direct = new ScriptRunner(new PrintStream(directOut, true, StandardCharsets.UTF_8),
                new PrintStream(directErr, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false, directory)
                .runFile(script.getFileName(), List.of());

        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, direct), attached);
        assertEquals(1, direct);
        assertEquals(directOut.toString(StandardCharsets.UTF_8), stdout());
        assertEquals(directErr.toString(StandardCharsets.UTF_8), stderr());
        assertTrue(stderr().contains("File \"" + script + "\", line 2"), stderr());

        out.reset();
        Files.writeString(directory.resolve("exits.js"), "console.log('bye');\nprocess.exit(4);\n");
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 4),
                attach(List.of("exits.js"), InputStream.nullInputStream()));
        assertEquals("bye\n", stdout());
    }

    @Test
    void sysExitsMessageReachesTheClientsStderrAsInCPython() throws IOException {
        Files.writeString(directory.resolve("leaves.py"), "import sys\nsys.exit('bye')\n");
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 1),
                attach(List.of("leaves.py"), InputStream.nullInputStream()));
        assertEquals("", stdout());
        assertEquals("bye\n", stderr());
    }

    @Test
    void standardInputIsRelayedWhenTheScriptReads() throws IOException {
        Files.writeString(directory.resolve("ask.py"), """
                import sys
                name = input("name? ")
                print("hello", name)
                print(sys.stdin.read().upper(), end="")
                """);
        InputStream in = new ByteArrayInputStream("ada\nrest of\nthe input\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, attach(List.of("ask.py"), in).status());
        assertEquals("name? hello ada\nREST OF\nTHE INPUT\n", stdout());
    }

    @Test
    void eachScriptStartsFromAFreshProcessState() throws IOException {
        Files.writeString(directory.resolve("state.py"), """
                import torch
                print(torch.initial_seed())
                print(torch.tensor([1.23456789]))
                print(torch.get_default_dtype(), torch.get_num_threads(), torch.is_anomaly_enabled(),
                      torch.are_deterministic_algorithms_enabled(), torch.is_warn_always_enabled())
                torch.set_printoptions(precision=2)
                torch.manual_seed(1)
                torch.set_default_dtype(torch.float64)
                torch.set_num_threads(7)
                torch.autograd.set_detect_anomaly(True)
                torch.use_deterministic_algorithms(True)
                torch.set_warn_always(True)
                """);
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), attach(List.of("state.py"), InputStream.nullInputStream()), this::stderr);
        List<String> first = stdout().lines().toList();
        out.reset();
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), attach(List.of("state.py"), InputStream.nullInputStream()), this::stderr);
        List<String> second = stdout().lines().toList();

        assertEquals("tensor([1.2346])", first.get(1));
        assertEquals("tensor([1.2346])", second.get(1), "print options were reset");
        assertEquals("torch.float32 1 False False False", first.get(2));
        assertEquals(first.get(2), second.get(2), "the default dtype and the engine's switches were reset");
        assertNotEquals("1", second.get(0), "the default generator was reseeded");
        assertNotEquals(first.get(0), second.get(0));
    }

    @Test
    void outputThatCannotBeWrittenIsDroppedAndTheScriptFinishes() throws IOException {
        Files.writeString(directory.resolve("chatty.py"), "for i in range(1000):\n    print(i)\nimport sys\nsys.exit(7)\n");
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        AttachClient.Outcome outcome = AttachClient.attach(socket, request(List.of("chatty.py"), false), closedPipe, err,
                InputStream.nullInputStream());
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 7), outcome);
        assertEquals("", stderr());
    }

    @Test
    void hostAccessAndAReplWithoutARelayedTerminalAreLeftToADirectRun() throws IOException {
        Files.writeString(directory.resolve("any.py"), "print(1)\n");
        assertEquals(AttachClient.Kind.DECLINED, attach(List.of(), InputStream.nullInputStream(), true).kind());
        assertEquals(AttachClient.Kind.DECLINED,
                attach(List.of("--allow-host-access", "any.py"), InputStream.nullInputStream()).kind());
        assertEquals(AttachClient.Kind.DECLINED, attach(List.of("--no-such-option"), InputStream.nullInputStream()).kind());
        AttachRequest hostRepl = new AttachRequest(directory.toString(), true, List.of("--allow-host-access"), "xterm",
                directory.toString());
        assertEquals(AttachClient.Kind.DECLINED, AttachClient.attach(socket, hostRepl, out, err, InputStream.nullInputStream()).kind(),
                "a REPL with host access runs directly even from a client that relays its terminal");
        assertEquals("", stdout());
    }

    @Test
    void aYoungServerTurnsScriptsAwaySoThatTheyRunDirectly() throws Exception {
        Path youngSocket = socket.resolveSibling("young.sock");
        Files.writeString(directory.resolve("hello.py"), "print('hello')\n");
        AttachRequest script = request(List.of("hello.py"), false);
        try (WarmServer young = WarmServer.open(youngSocket, Duration.ofMinutes(5), Long.MAX_VALUE, Duration.ofSeconds(2))) {
            Thread youngServing = Thread.ofPlatform().daemon().start(young::serve);
            assertEquals(AttachClient.Kind.DECLINED,
                    AttachClient.attach(youngSocket, script, out, err, InputStream.nullInputStream()).kind());
            assertEquals("", stdout());
            AttachClient.Outcome later = new AttachClient.Outcome(AttachClient.Kind.DECLINED, 0);
            for (int attempt = 0; attempt < 100 && later.kind() != AttachClient.Kind.RAN; attempt++) {
                Thread.sleep(100);
                later = AttachClient.attach(youngSocket, script, out, err, InputStream.nullInputStream());
            }
            assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), later, "served once no longer young");
            assertEquals("hello\n", stdout());
            young.close();
            youngServing.join(5_000);
        }
    }

    @Test
    void aSecondClientIsTurnedAwayWhileAScriptRuns() throws Exception {
        Files.writeString(directory.resolve("waits.py"), "print('started', flush=True)\ninput()\nprint('done')\n");
        Files.writeString(directory.resolve("other.py"), "print('other')\n");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream heldInput = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                started.countDown();
                awaitQuietly(release);
                b[off] = '\n';
                return 1;
            }
        };
        Thread first = Thread.ofPlatform().start(() -> attach(List.of("waits.py"), heldInput));
        assertTrue(started.await(60, TimeUnit.SECONDS));

        ByteArrayOutputStream otherOut = new ByteArrayOutputStream();
        AttachClient.Outcome second = AttachClient.attach(socket, request(List.of("other.py"), false), otherOut,
                new ByteArrayOutputStream(), InputStream.nullInputStream());
        assertEquals(AttachClient.Kind.DECLINED, second.kind());
        assertEquals("", otherOut.toString(StandardCharsets.UTF_8));

        release.countDown();
        first.join(60_000);
        assertEquals("started\ndone\n", stdout());
    }

    @Test
    void forgedFramesEndOnlyTheirOwnConnection() throws Exception {
        Files.writeString(directory.resolve("after.py"), "print('after')\n");
        // A request whose first string claims 2 GiB: refused before anything is allocated.
        var forged = new ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(forged)) {
            data.writeInt(6);
            data.writeInt(Integer.MAX_VALUE);
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            Frames.write(Frames.output(channel), Frames.REQUEST, forged.toByteArray());
            assertThrows(java.io.EOFException.class, () -> Frames.read(Frames.input(channel)));
        }
        // A REPL client claiming an endless window, then sending a window frame too short to hold a size.
        AttachRequest repl = new AttachRequest(directory.toString(), true, List.of(), "xterm", directory.toString());
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            var toServer = Frames.output(channel);
            var fromServer = Frames.input(channel);
            Frames.write(toServer, Frames.REQUEST, repl.encode());
            assertEquals(Frames.TERMINAL, Frames.read(fromServer).type());
            Frames.writeWindow(toServer, Integer.MAX_VALUE, Integer.MAX_VALUE);
            var screen = new StringBuilder();
            var prompted = java.util.concurrent.CompletableFuture.supplyAsync(() -> readUntil(fromServer, screen, "py> "));
            assertTrue(prompted.get(120, TimeUnit.SECONDS), screen::toString);
            Frames.write(toServer, Frames.WINDOW, new byte[] {0, 0, 0, 80});
            var ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> readUntil(fromServer, screen, null));
            ended.get(60, TimeUnit.SECONDS);
        }
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), attach(List.of("after.py"), InputStream.nullInputStream()),
                "the server is free again, not held by a session whose client sent garbage");
        assertEquals("after\n", stdout());
    }

    /** Appends screen output to {@code screen} until it shows {@code text} (true), or until the session ends. */
    private static boolean readUntil(java.io.DataInputStream fromServer, StringBuilder screen, String text) {
        try {
            while (text == null || !screen.toString().contains(text)) {
                Frames.Frame frame = Frames.read(fromServer);
                if (frame.type() == Frames.EXIT) {
                    return false;
                }
                screen.append(new String(frame.payload(), StandardCharsets.UTF_8));
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aCommandArrivingDuringTheWarmUpWaitsForItsScriptAndEndsTheWarmUp() throws Exception {
        Files.writeString(directory.resolve("hello.py"), "print('hello')\n");
        assertTrue(server.tryBeginWarmUpStep(), "a warm-up script holds the slot");
        AtomicReference<AttachClient.Outcome> outcome = new AtomicReference<>();
        Thread client = Thread.ofPlatform().start(() -> outcome.set(attach(List.of("hello.py"), InputStream.nullInputStream())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!server.commandArrived() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.commandArrived());
        server.endRun();  // the warm-up script finishes
        client.join(60_000);
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), outcome.get(), "the command waited instead of being turned away");
        assertEquals("hello\n", stdout());
        assertFalse(server.tryBeginWarmUpStep(), "no warm-up script after a command");
    }

    @Test
    void aClientThatLeavesCancelsItsScript() throws Exception {
        Files.writeString(directory.resolve("forever.py"), "while True:\n    pass\n");
        Files.writeString(directory.resolve("after.py"), "print('after')\n");
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            var toServer = Frames.output(channel);
            var fromServer = Frames.input(channel);
            Frames.write(toServer, Frames.REQUEST, request(List.of("forever.py"), false).encode());
            assertEquals(Frames.ACCEPTED, Frames.read(fromServer).type());
            Thread.sleep(500);
        }
        AttachClient.Outcome after = new AttachClient.Outcome(AttachClient.Kind.DECLINED, 0);
        for (int attempt = 0; attempt < 100 && after.kind() != AttachClient.Kind.RAN; attempt++) {
            Thread.sleep(100);
            after = attach(List.of("after.py"), InputStream.nullInputStream());
        }
        assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 0), after, "the cancelled script freed the server");
        assertEquals("after\n", stdout());
    }

    @Test
    void withoutAServerTheClientIsToldSo() throws IOException {
        server.close();
        assertFalse(Files.exists(socket));
        assertEquals(AttachClient.Kind.NO_SERVER, attach(List.of("x.py"), InputStream.nullInputStream()).kind());
    }

    @Test
    void anIdleServerClosesAndRemovesItsSocket() throws Exception {
        Path idleSocket = socket.resolveSibling("idle.sock");
        WarmServer idle = WarmServer.open(idleSocket, Duration.ofMillis(200));
        Thread thread = Thread.ofPlatform().daemon().start(idle::serve);
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertFalse(Files.exists(idleSocket));
    }

    @Test
    void aNewBuildsServerRetiresTheOldOne() throws Exception {
        WarmServer old = WarmServer.open(socket.resolveSibling("install-oldbuild.sock"), Duration.ofMinutes(5));
        Thread oldServing = Thread.ofPlatform().daemon().start(old::serve);
        Path oldLog = Files.writeString(socket.resolveSibling("install-oldbuild.sock.log"), "old\n");
        Path newLog = Files.writeString(socket.resolveSibling("install-newbuild.sock.log"), "new\n");
        WarmServer other = WarmServer.open(socket.resolveSibling("elsewhere-build.sock"), Duration.ofMinutes(5));
        Thread otherServing = Thread.ofPlatform().daemon().start(other::serve);
        try (WarmServer fresh = WarmServer.open(socket.resolveSibling("install-newbuild.sock"), Duration.ofMinutes(5))) {
            fresh.retireOlderBuilds();
            oldServing.join(10_000);
            assertFalse(oldServing.isAlive(), "the old build's server stopped");
            assertTrue(otherServing.isAlive(), "another installation's server is left alone");
            assertFalse(Files.exists(oldLog), "the old build's files are removed");
            assertTrue(Files.exists(newLog), "the new build's own files stay");
        } finally {
            other.close();
        }
    }

    @Test
    void theSocketDirectoryMustBePrivate() throws IOException {
        Path open = Files.createDirectory(directory.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertFalse(SocketDirectory.isPrivate(open));
        assertTrue(SocketDirectory.isPrivate(socket.getParent()));
        Path created = directory.resolve("created");
        assertTrue(SocketDirectory.isPrivate(created));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
    }

    @Test
    void theLaunchersCommandLineSplitsIntoServerDirectAndUserParts() {
        AttachClient.Command command = AttachClient.Command.parse("/run/t.sock", "3",
                "java", "org.torchglot.repl.attach.WarmServer", "/run/t.sock",
                "java", "-XX:TieredStopAtLevel=1", "org.torchglot.repl.Main", "train.py", "--epochs", "3");
        assertEquals(Path.of("/run/t.sock"), command.socket());
        assertEquals(List.of("java", "org.torchglot.repl.attach.WarmServer", "/run/t.sock"), command.server());
        assertEquals(List.of("java", "-XX:TieredStopAtLevel=1", "org.torchglot.repl.Main", "train.py", "--epochs", "3"),
                command.direct());
        assertEquals(List.of("train.py", "--epochs", "3"), command.userArguments());
        assertThrows(IllegalArgumentException.class, () -> AttachClient.Command.parse("/run/t.sock", "2", "java", "x"));
        assertThrows(IllegalArgumentException.class, () -> AttachClient.Command.parse("/run/t.sock", "many", "java"));
    }

    private AttachClient.Outcome attach(List<String> arguments, InputStream in) {
        return attach(arguments, in, false);
    }

    private AttachClient.Outcome attach(List<String> arguments, InputStream in, boolean terminal) {
        return AttachClient.attach(socket, request(arguments, terminal), out, err, in);
    }

    private AttachRequest request(List<String> arguments, boolean terminal) {
        return new AttachRequest(directory.toString(), terminal, arguments);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
