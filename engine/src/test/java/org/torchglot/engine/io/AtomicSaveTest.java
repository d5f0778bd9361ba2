package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** A save that fails part-way leaves the previous file exactly as it was and no temporary file behind. */
class AtomicSaveTest {

    @Test
    void aFailureMidWriteKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.pt");
        TorchIO.save(Map.of("w", Tensor.of(Storage.wrap(new float[] {1, 2}), 2)), file);
        byte[] before = Files.readAllBytes(file);
        IOException crash = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", crash.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void anUnsavableObjectFailsBeforeTouchingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.pt");
        TorchIO.save(List.of(1L), file);
        byte[] before = Files.readAllBytes(file);
        TorchException e = assertThrows(TorchException.class, () -> TorchIO.save(List.of(new Object()), file));
        assertTrue(e.getMessage().startsWith("torch.save cannot save a java.lang.Object"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aSaveReplacesTheOldFileWhole(@TempDir Path dir) {
        Path file = dir.resolve("model.pt");
        TorchIO.save(List.of("first", "a much longer first version of the file"), file);
        TorchIO.save("second", file);
        assertEquals("second", TorchIO.load(file));
    }

    @Test
    void aMissingDirectoryOrUnreadableFileIsNamed(@TempDir Path dir) {
        Path nowhere = dir.resolve("no/such/dir/model.pt");
        TorchException save = assertThrows(TorchException.class, () -> TorchIO.save(1L, nowhere));
        assertTrue(save.getMessage().startsWith("cannot save to " + nowhere + ": No such file or directory"),
                save.getMessage());
        TorchException load = assertThrows(TorchException.class, () -> TorchIO.load(dir.resolve("absent.pt")));
        assertEquals("cannot load " + dir.resolve("absent.pt") + ": No such file or directory", load.getMessage());
    }

    @Test
    void aSaveRemovesTheTemporaryFileOfASaveKilledMidwayButNotOneInProgress(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.pt");
        Set<Path> before = Set.copyOf(list(dir));
        Process killed = startSlowSave(file);
        Set<Path> killedsTemporary = difference(list(dir), before);
        Process running = startSlowSave(file);
        Set<Path> runningsTemporary = difference(list(dir), before, killedsTemporary);
        try {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Path other = Files.writeString(dir.resolve(".other.pt.1f.tmp"), "another file's save");
            Path notHex = Files.writeString(dir.resolve(".model.pt.backup.tmp"), "not a save's temporary file");

            TorchIO.save(List.of(1L), file);

            assertEquals(List.of(1L), TorchIO.load(file));
            List<Path> left = list(dir);
            assertEquals(Set.of(file, other, notHex, runningsTemporary.iterator().next()), Set.copyOf(left));
            assertEquals(1, killedsTemporary.size());
        } finally {
            killed.destroyForcibly();
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A JVM that starts saving to {@code file} and never finishes; returns once its temporary file exists. */
    private static Process startSlowSave(Path file) throws IOException, InterruptedException {
        int before = list(file.getParent()).size();
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), SlowSave.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("writing", line);
        assertEquals(before + 1, list(file.getParent()).size());
        return process;
    }

    /** The child of {@link #startSlowSave}: writes part of a save, says so, then waits to be killed. */
    static final class SlowSave {
        public static void main(String[] args) throws IOException {
            AtomicFile.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            });
        }
    }

    @SafeVarargs
    private static Set<Path> difference(List<Path> all, Set<Path>... without) {
        Set<Path> rest = new java.util.HashSet<>(all);
        for (Set<Path> set : without) {
            rest.removeAll(set);
        }
        return rest;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
