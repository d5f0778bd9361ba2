package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.repl.Main;

/**
 * Runs every attack script of {@code src/test/resources/hostile/} (format: the README there) through
 * the real command, in a child JVM with the launcher's flags ("direct") and through one warm server
 * ("server"), each in a fresh scratch working directory beside a throwaway HOME holding {@code
 * secret.txt}, and checks the effects the script's expectations name: exit status, files absent or
 * present, secrets not printed, time, and that no JVM crashed.
 */
class HostileCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final String SECRET = "s3cr3t";

    private static Path root;
    private static WarmServer server;
    private static Thread serving;
    private static Path socket;

    @BeforeAll
    static void startServer() throws IOException {
        root = Files.createTempDirectory("torchglot-hostile").toRealPath();
        Path runtime = Files.createDirectory(root.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = runtime.resolve("hostile.sock");
        server = WarmServer.open(socket, Duration.ofMinutes(10));
        serving = Thread.ofPlatform().daemon().start(server::serve);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        serving.join(5_000);
        try (Stream<Path> left = Files.walk(root)) {
            for (Path path : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHolds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path script : files.filter(HostileCorpusTest::isScript).sorted().toList()) {
                Case c = Case.read(script);
                for (String mode : c.modes()) {
                    tests.add(DynamicTest.dynamicTest(script.getFileName() + " (" + mode + ")", () -> run(c, mode)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no cases in " + CORPUS.toAbsolutePath());
        return tests.stream();
    }

    private static boolean isScript(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".py") || name.endsWith(".js") || name.endsWith(".R");
    }

    private void run(Case c, String mode) throws Exception {
        Path scratch = Files.createTempDirectory(root, c.name() + "-" + mode);
        Path work = Files.createDirectory(scratch.resolve("work"));
        Path home = Files.createDirectory(scratch.resolve("home"));
        Files.writeString(home.resolve("secret.txt"), SECRET + "\n");
        Files.copy(c.script(), work.resolve(c.script().getFileName()));
        List<String> arguments = new ArrayList<>(c.arguments());
        arguments.add(c.script().getFileName().toString());
        Result result = mode.equals("server") ? runOnServer(work, arguments, c.within()) : runDirect(work, home, arguments, c.within());
        String transcript = "status " + result.status() + "\n--- stdout\n" + result.out() + "\n--- stderr\n" + result.err();
        assertNotEquals(134, result.status(), "the JVM crashed\n" + transcript);
        assertNotEquals(139, result.status(), "the JVM crashed\n" + transcript);
        try (Stream<Path> left = Files.walk(scratch)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")), "a JVM crash log was written\n" + transcript);
        }
        if (c.status().equals("nonzero")) {
            assertNotEquals(0, result.status(), transcript);
        } else {
            assertEquals(Integer.parseInt(c.status()), result.status(), transcript);
        }
        for (String absent : c.absent()) {
            assertFalse(Files.exists(resolve(absent, work, home)), absent + " must not exist\n" + transcript);
        }
        for (String secret : c.notPrinted()) {
            assertFalse(result.out().contains(secret) || result.err().contains(secret), "printed " + secret + "\n" + transcript);
        }
        for (Map.Entry<String, String> file : c.files().entrySet()) {
            Path path = resolve(file.getKey(), work, home);
            assertTrue(Files.exists(path), file.getKey() + " must exist\n" + transcript);
            assertEquals(file.getValue(), Files.readString(path), file.getKey() + "\n" + transcript);
        }
    }

    private static Path resolve(String path, Path work, Path home) {
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : work.resolve(path);
    }

    private static Result runOnServer(Path work, List<String> arguments, Duration within) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AttachRequest request = new AttachRequest(work.toString(), false, arguments);
        CompletableFuture<AttachClient.Outcome> outcome = CompletableFuture.supplyAsync(
                () -> AttachClient.attach(socket, request, out, err, InputStream.nullInputStream()));
        AttachClient.Outcome done = outcome.get(within.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(AttachClient.Kind.RAN, done.kind(), "the warm server did not run the script: " + err);
        return new Result(done.status(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result runDirect(Path work, Path home, List<String> arguments, Duration within) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + home,
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-XX:ErrorFile=" + work.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("SECRET_TOKEN", SECRET);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + within + "\n" + out.join() + err.join());
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int status, String out, String err) {
    }

    /** A case file and the expectations at its top. */
    private record Case(Path script, String name, String status, List<String> absent, List<String> notPrinted,
                        Map<String, String> files, Duration within, List<String> modes, List<String> arguments) {

        static Case read(Path script) throws IOException {
            String name = script.getFileName().toString();
            String comment = name.endsWith(".js") ? "//" : "#";
            String status = null;
            List<String> absent = new ArrayList<>();
            List<String> notPrinted = new ArrayList<>();
            Map<String, String> files = new LinkedHashMap<>();
            Duration within = Duration.ofSeconds(60);
            List<String> modes = List.of("direct", "server");
            List<String> arguments = List.of();
            // NOTE: Latin-1 reads any byte: some cases are deliberately not UTF-8 (non_utf8_source.py).
            for (String line : Files.readAllLines(script, StandardCharsets.ISO_8859_1)) {
                if (!line.startsWith(comment)) {
                    break;
                }
                String text = line.substring(comment.length()).strip();
                if (!text.startsWith("expect ")) {
                    continue;
                }
                int colon = text.indexOf(':');
                String key = text.substring("expect ".length(), colon).strip();
                String value = text.substring(colon + 1).strip();
                switch (key) {
                    case "status" -> status = value;
                    case "absent" -> absent.add(value);
                    case "not-printed" -> notPrinted.add(value);
                    case "file" -> files.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                    case "within" -> within = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
                    case "modes" -> modes = List.of(value.split("[ ,]+"));
                    case "args" -> arguments = List.of(value.split(" +"));
                    default -> throw new IllegalArgumentException(script + ": unknown expectation '" + key + "'");
                }
            }
            if (status == null) {
                throw new IllegalArgumentException(script + ": every case needs an 'expect status:' line");
            }
            return new Case(script, name, status, absent, notPrinted, files, within, modes, arguments);
        }
    }
}
