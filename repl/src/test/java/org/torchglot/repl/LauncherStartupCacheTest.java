package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code torchglot} launcher's start-up cache (the JDK's AOT cache, docs/performance.md#cold-start), run
 * against a stand-in JDK whose {@code java} logs its command line and writes the cache a training run asks for.
 */
class LauncherStartupCacheTest {

    private static final Path LAUNCHER = Path.of("..", "torchglot").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path directory;

    private Path root;
    private Path target;
    private Path calls;

    @BeforeEach
    void installation() throws IOException {
        root = Files.createDirectories(directory.resolve("install"));
        Files.copy(LAUNCHER, root.resolve("torchglot"));
        Files.setPosixFilePermissions(root.resolve("torchglot"), PosixFilePermissions.fromString("rwx------"));
        target = Files.createDirectories(root.resolve("repl/target"));
        Path engineJar = Files.writeString(root.resolve("torchglot-engine-0.1.jar"), "jar");
        Files.writeString(target.resolve("classpath.txt"), engineJar + ":" + root.resolve("other.jar"));
        Files.writeString(target.resolve("module-path.txt"), root.resolve("truffle.jar").toString());
        Files.writeString(target.resolve("upgrade-module-path.txt"), root.resolve("compiler.jar").toString());
        Files.writeString(target.resolve("torchglot-repl-0.1.jar"), "jar");
        calls = directory.resolve("calls.log");
        Path jdk = Files.createDirectories(directory.resolve("jdk/bin"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Files.writeString(Files.createDirectories(jdk.resolveSibling("lib")).resolve("modules"), "modules");
        Path java = Files.writeString(jdk.resolve("java"), """
                #!/bin/bash
                echo "$*" >> "$FAKE_JAVA_CALLS"
                for a in "$@"; do
                  [[ "$a" == -XX:AOTCacheOutput=* ]] && echo cache > "${a#*=}"
                done
                exit 0
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theFirstDirectRunTrainsTheCacheInTheBackgroundAndLaterRunsStartFromIt() throws Exception {
        launch(Map.of(), "train.py");
        Path cache = awaitCache();
        List<String> first = calls();
        assertFalse(first.getFirst().contains("-XX:AOTCache="), first.getFirst());
        assertFalse(first.getFirst().contains("--upgrade-module-path"), "a direct Python run interprets: " + first.getFirst());
        assertTrue(first.getFirst().endsWith("org.torchglot.repl.Main train.py"), first.getFirst());
        assertTrue(first.get(1).contains("-XX:AOTCacheOutput=") && first.get(1).endsWith("Main tools/aot/training.py"),
                "the training run: " + first.get(1));

        launch(Map.of(), "train.py");
        List<String> second = calls();
        assertEquals(3, second.size(), "no second training run: " + second);
        assertTrue(second.get(2).contains("-XX:AOTCache=" + cache + " "), second.get(2));
    }

    @Test
    void aNewBuildTrainsANewCacheAndDropsTheOldOne() throws Exception {
        launch(Map.of(), "train.py");
        Path old = awaitCache();
        Files.setLastModifiedTime(target.resolve("torchglot-repl-0.1.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        launch(Map.of(), "train.py");
        assertFalse(calls().get(2).contains("-XX:AOTCache="), "a cache of the previous build is not used: " + calls().get(2));
        Path fresh = awaitCache(old);
        assertNotEquals(old, fresh);
        assertFalse(Files.exists(old), "the old build's cache is removed");
    }

    @Test
    void javaScriptAndJupyterKernelsKeepTheJitAndTrainNothing() throws Exception {
        launch(Map.of(), "loop.js");
        launch(Map.of(), "--lang", "r", "--kernel", "connection.json");
        List<String> runs = calls();
        assertEquals(2, runs.size(), "no training run: " + runs);
        for (String run : runs) {
            assertTrue(run.contains("-XX:+EnableJVMCI") && run.contains("--upgrade-module-path="), run);
        }
    }

    @Test
    void theCacheCanBeTurnedOff() throws Exception {
        launch(Map.of("TORCHGLOT_AOT", "0"), "train.py");
        launch(Map.of("TORCHGLOT_AOT", "0"), "train.py");
        assertEquals(2, calls().size(), "no training run: " + calls());
        assertFalse(Files.exists(target.resolve("aot")));
    }

    private void launch(Map<String, String> environment, String... arguments) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(root.resolve("torchglot").toString()),
                Stream.of(arguments)).toList()).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(Map.of("JAVA_HOME", directory.resolve("jdk").toString(), "TORCHGLOT_NO_BUILD", "1",
                "TORCHGLOT_ATTACH", "0", "FAKE_JAVA_CALLS", calls.toString()));
        builder.environment().remove("TORCHGLOT_JIT");
        builder.environment().remove("TORCHGLOT_AOT");
        builder.environment().remove("TORCHGLOT_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes());
        assertTrue(launcher.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(0, launcher.exitValue(), output);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    /** The cache file once the background training run has made it (other than {@code excluded}). */
    private Path awaitCache(Path... excluded) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Path aot = target.resolve("aot");
            if (Files.isDirectory(aot)) {
                try (Stream<Path> files = Files.list(aot)) {
                    List<Path> caches = files.filter(f -> f.getFileName().toString().matches("direct-[0-9a-f]{12}\\.aot"))
                            .filter(f -> !List.of(excluded).contains(f)).toList();
                    if (!caches.isEmpty()) {
                        return caches.getFirst();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start-up cache after " + TIMEOUT_SECONDS + " s; calls: " + calls());
    }
}
