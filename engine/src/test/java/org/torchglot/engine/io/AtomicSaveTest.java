package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
