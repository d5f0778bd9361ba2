package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.repl.PseudoTerminal;

/**
 * The REPL through the warm server, on a real pseudo-terminal: the launcher's client ({@link AttachClient} in a JVM
 * of its own, as the launcher starts it) relays the terminal to a server in this JVM, whose REPL runs in the client's
 * sandbox. A client whose server is unreachable would run the "direct" command, here {@code /bin/false}, so every
 * transcript proves it attached. The terminal's restoring is checked with a scripted server that goes away or
 * outlives its client.
 */
@EnabledOnOs(OS.LINUX)
class AttachedReplTest {

    @TempDir
    Path directory;

    private Path socket;
    private Path work;
    private Path home;

    @BeforeEach
    void directories() throws IOException {
        Path runtime = Files.createDirectory(directory.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = runtime.resolve("test.sock");
        work = Files.createDirectory(directory.resolve("work"));
        home = Files.createDirectory(directory.resolve("home"));
    }

    @Test
    void aPythonSessionRunsInTheWarmServerInTheClientsSandbox() throws Exception {
        Files.writeString(work.resolve("helper.py"), "loaded = 42\n");
        try (WarmServer server = WarmServer.open(socket, Duration.ofMinutes(5))) {
            Thread serving = Thread.ofPlatform().daemon().start(server::serve);
            // NOTE: what an idle server does in the background: a Python context made ready for this client's directory.
            server.replContexts().expect(new ReplContextPool.Sandbox(work, List.of(), List.of()));
            server.replContexts().prepareNext();
            try (PseudoTerminal repl = PseudoTerminal.startShell("cd " + PseudoTerminal.quote(List.of(work.toString()))
                    + " && exec " + PseudoTerminal.quote(client()), "the attach client")) {
                repl.awaitPrompt("py> ");
                repl.type("import torch; torch.ones(2) + 1\r").await("tensor([2., 2.])").awaitPrompt("py> ");
                repl.type("xs = [1,\r").await("... ").type("2]\r").awaitPrompt("py> ");
                repl.type("torch.matm\t").type("(torch.ones(2, 2), torch.ones(2, 2))\r")
                        .await("tensor([[2., 2.],").awaitPrompt("py> ");
                // The client's working directory, writable, and where :load looks; nothing outside it.
                repl.type("import os; os.getcwd() == " + pythonString(work.toString()) + "\r").await("True").awaitPrompt("py> ");
                repl.type("open('written.txt', 'w').write('hi')\r").await("2").awaitPrompt("py> ");
                repl.type(":load helper.py\r").awaitPrompt("py> ").type("loaded * 2\r").await("84").awaitPrompt("py> ");
                repl.type("open(" + pythonString(directory.resolve("outside.txt").toString()) + ", 'w')\r")
                        .await("Error").awaitPrompt("py> ");
                // Ctrl-C, a keystroke relayed like any other, interrupts the loop and keeps the variables.
                repl.type("n = 0\r").awaitPrompt("py> ");
                repl.type("while True:\r").await("... ").type("    if n == 0: print('loop' + 'ing', flush=True)\r")
                        .await("... ").type("    n += 1\r").await("... ").type("\r").await("looping");
                repl.type("\u0003").await("KeyboardInterrupt").awaitPrompt("py> ");
                repl.type("n > 0, xs\r").await("(True, [1, 2])").awaitPrompt("py> ");
                repl.type("import sys; sys.exit(3)\r");
                assertEquals(3, repl.awaitExit(), repl.screen());
            }
            assertEquals("hi", Files.readString(work.resolve("written.txt")));
            assertTrue(Files.notExists(directory.resolve("outside.txt")));
            String history = Files.readString(home.resolve(".torchglot/history/python"));
            assertTrue(history.contains("xs = [1,") && history.contains("sys.exit(3)"), history);
            assertEquals(AttachClient.Kind.RAN, AttachClient.attach(socket, new AttachRequest(work.toString(), false,
                    List.of("-c", "pass")), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                    InputStream.nullInputStream()).kind(), "the REPL gave the server back");
            server.close();
            serving.join(5_000);
        }
    }

    @Test
    void keysGoOutUnbufferedTheWindowSizeFollowsAndALostServerLeavesTheTerminalAsItWas() throws Exception {
        Path ttyName = directory.resolve("tty");
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        try (ServerSocketChannel fake = listen()) {
            Thread.ofPlatform().daemon().start(() -> {
                List<String> frames = new ArrayList<>();
                try (SocketChannel client = fake.accept()) {
                    var in = Frames.input(client);
                    var out = Frames.output(client);
                    frames.add("request " + (char) Frames.read(in).type());
                    Frames.write(out, Frames.TERMINAL, new byte[0]);
                    frames.add(window(Frames.read(in)));
                    Frames.write(out, Frames.OUT, "fake> ".getBytes(StandardCharsets.UTF_8));
                    Frames.Frame key = Frames.read(in);
                    frames.add("key " + new String(key.payload(), StandardCharsets.UTF_8));
                    Frames.write(out, Frames.OUT, "got the key\r\n".getBytes(StandardCharsets.UTF_8));
                    frames.add(window(Frames.read(in)));
                    // NOTE: closing without an exit status is what the client sees when the server dies.
                } catch (IOException e) {
                    frames.add(e.toString());
                }
                seen.complete(frames);
            });
            try (PseudoTerminal terminal = PseudoTerminal.startShell(restoreCheck("tty > " + ttyName + "; "), "the attach client")) {
                terminal.await("fake> ").type("q").await("got the key");
                new ProcessBuilder("stty", "-F", Files.readString(ttyName).strip(), "cols", "100", "rows", "30")
                        .inheritIO().start().waitFor(10, TimeUnit.SECONDS);
                terminal.await("lost the warm server").await("status=1").await("TTY-RESTORED");
                assertEquals(List.of("request Q", "window 120x40", "key q", "window 100x30"), seen.get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aClientKilledDuringTheSessionRestoresTheTerminal() throws Exception {
        try (ServerSocketChannel fake = listen()) {
            Thread.ofPlatform().daemon().start(() -> {
                try (SocketChannel client = fake.accept()) {
                    var in = Frames.input(client);
                    var out = Frames.output(client);
                    Frames.read(in);
                    Frames.write(out, Frames.TERMINAL, new byte[0]);
                    Frames.write(out, Frames.OUT, "fake> ".getBytes(StandardCharsets.UTF_8));
                    while (true) {
                        Frames.read(in);
                    }
                } catch (IOException e) {
                    // the client was killed
                }
            });
            try (PseudoTerminal terminal = PseudoTerminal.startShell(restoreCheck(""), "the attach client")) {
                terminal.await("fake> ");
                terminal.terminateCommand();
                terminal.await("status=143").await("TTY-RESTORED");
            }
        }
    }

    /** The client as the launcher runs it; its "direct" command fails, so a run that did not attach fails. */
    private List<String> client() {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), AttachClient.class.getName(),
                socket.toString(), "1", "/bin/true", "/bin/false", AttachClient.DIRECT_MAIN));
        return command;
    }

    /** A shell line that runs the client and then says whether the terminal's settings are those it had before. */
    private String restoreCheck(String before) {
        return before + "saved=$(stty -g); " + PseudoTerminal.quote(client()) + "; echo status=$?; "
                + "if [ \"$(stty -g)\" = \"$saved\" ]; then echo TTY-RESTORED; else echo TTY-CHANGED; fi";
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    private static String window(Frames.Frame frame) throws IOException {
        return frame.type() == Frames.WINDOW ? "window " + frame.intAt(0) + "x" + frame.intAt(4) : "frame " + (char) frame.type();
    }

    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
