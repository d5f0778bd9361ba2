package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.torchglot.engine.tensor.TorchException;

/**
 * Truncated, corrupted and hostile files: every failure is a {@link TorchException} naming the file and the
 * problem, never another exception or a hang, and a pickle that would run code is refused before anything runs.
 */
class HostileInputTest {
    private static final byte[] VALID = IoFixtures.bytes("adam_state_dict.pt");

    @Test
    void aPickleThatCallsOsSystemIsRefusedByName() {
        TorchException e = assertThrows(TorchException.class,
                () -> TorchIO.fromBytes(IoFixtures.bytes("evil_os_system.pt"), "evil.pt"));
        assertTrue(e.getMessage().startsWith("cannot load evil.pt: Unsupported global: GLOBAL posix.system was not an "
                + "allowed global."), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"os,system", "posix,system", "nt,system", "builtins,eval", "__builtin__,eval", "builtins,exec",
            "builtins,getattr", "subprocess,Popen", "torch,load", "torch._utils,_rebuild_device_tensor_from_numpy",
            "copy_reg,_reconstructor", "collections,defaultdict"})
    void everyOtherGlobalIsRefused(String module, String name) {
        byte[] global = ("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] call = concat(new byte[] {(byte) 0x80, 2}, global, "X\u0004\0\0\0echo\u0085R.".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(call, module + "." + name);
        byte[] stackGlobal = concat(new byte[] {(byte) 0x80, 4}, shortUnicode(module), shortUnicode(name),
                new byte[] {(byte) 0x93, ')', 'R', '.'});
        assertRefused(stackGlobal, module + "." + name);
    }

    @Test
    void objectBuildingOpcodesAreRefused() {
        String error = pickleError(new byte[] {(byte) 0x80, 2, 'c', 'c', 'o', 'l', 'l', 'e', 'c', 't', 'i', 'o', 'n', 's',
                '\n', 'O', 'r', 'd', 'e', 'r', 'e', 'd', 'D', 'i', 'c', 't', '\n', ')', (byte) 0x81, '.'});
        assertTrue(error.contains("unsupported pickle opcode NEWOBJ (0x81) at byte 28"), error);
        assertTrue(pickleError("(ios\nsystem\n.".getBytes(StandardCharsets.US_ASCII)).contains("INST ('i')"));
    }

    @Test
    void truncatedFilesFailWithAClearError() {
        for (int length = 0; length < VALID.length; length += 7) {
            byte[] cut = java.util.Arrays.copyOf(VALID, length);
            TorchException e = assertThrows(TorchException.class, () -> TorchIO.fromBytes(cut, "model.pt"), "length " + length);
            assertTrue(e.getMessage().startsWith("cannot load model.pt: "), e.getMessage());
        }
        TorchException e = assertThrows(TorchException.class,
                () -> TorchIO.fromBytes(java.util.Arrays.copyOf(VALID, VALID.length - 30), "model.pt"));
        assertEquals("cannot load model.pt: not a zip archive: the end of its central directory is missing (the file "
                + "is truncated or not a torch.save file)", e.getMessage());
    }

    @Test
    void aShortOrMissingStorageRecordIsNamed() throws IOException {
        String shortStorage = archiveError(zip -> {
            zip.writeRecord("data.pkl", floatTensorPickle(3));
            zip.writeRecord("data/0", new byte[8]);
        });
        assertEquals("cannot load test.pt: record test/data/0 holds 8 bytes, but its float32 storage needs 12 (3 elements)",
                shortStorage);
        String missing = archiveError(zip -> zip.writeRecord("data.pkl", floatTensorPickle(3)));
        assertEquals("cannot load test.pt: missing record test/data/0", missing);
        String pastStorage = archiveError(zip -> {
            zip.writeRecord("data.pkl", floatTensorPickle(2));
            zip.writeRecord("data/0", new byte[8]);
        });
        assertTrue(pastStorage.contains("reaches past its storage of 2 elements"), pastStorage);
    }

    @Test
    void aFlippedByteInARecordIsCaughtByItsChecksum() {
        byte[] file = VALID.clone();
        file[100] ^= 0x10;
        TorchException e = assertThrows(TorchException.class, () -> TorchIO.fromBytes(file, "model.pt"));
        assertEquals("cannot load model.pt: record adam_state_dict/data.pkl is corrupted (CRC-32 mismatch)", e.getMessage());
    }

    @Test
    void randomByteFlipsNeverEscapeAsAnotherException() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random random = new Random(42);
            for (int i = 0; i < 400; i++) {
                byte[] file = VALID.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
                }
                loadOrTorchException(() -> TorchIO.fromBytes(file, "fuzz.pt"));
            }
        });
    }

    @Test
    void randomFlipsInsideAPickleWithAValidChecksumNeverEscape() throws IOException {
        ZipArchiveReader.Record pickle = new ZipArchiveReader(VALID, "x").record("adam_state_dict/data.pkl");
        byte[] original = pickle.copy();
        ZipArchiveReader zip = new ZipArchiveReader(VALID, "x");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random random = new Random(7);
            for (int i = 0; i < 400; i++) {
                byte[] flipped = original.clone();
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                byte[] file = rebuild(zip, "adam_state_dict", flipped);
                loadOrTorchException(() -> TorchIO.fromBytes(file, "fuzz.pt"));
            }
        });
    }

    @Test
    void legacyAndTorchScriptFilesAreNamedForWhatTheyAre() throws IOException {
        String legacy = assertThrows(TorchException.class, () -> TorchIO.fromBytes(
                new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc}, "old.pt")).getMessage();
        assertTrue(legacy.contains("legacy torch.save format (PyTorch before 1.6)"), legacy);
        String script = archiveError(zip -> {
            zip.writeRecord("constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            zip.writeRecord("version", "3\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertTrue(script.contains("TorchScript archive"), script);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private interface ArchiveBody {
        void write(ZipArchiveWriter zip) throws IOException;
    }

    @Test
    void aPickleBombOfSharedReferencesIsRefusedAtOnce() {
        // 40 levels of 10 references to the level below: 1.2 KB, 10^40 objects counted as a tree
        String error = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> archiveError(
                zip -> zip.writeRecord("data.pkl", sharedReferencePickle(40, 10))));
        assertEquals("cannot load test.pt: its shared references expand to more than " + LoadBudget.MAX_OBJECTS
                + " objects, torchglot's limit for a loaded value (the file looks like a pickle bomb)", error);
    }

    @Test
    void sharedReferencesWithinTheBudgetLoadShared() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipArchiveWriter zip = new ZipArchiveWriter(out, "test");
        zip.writeRecord("data.pkl", sharedReferencePickle(6, 10));  // a million objects as a tree, 7 lists shared
        zip.writeRecord("version", "3\n".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
        java.util.List<?> top = (java.util.List<?>) TorchIO.fromBytes(out.toByteArray(), "test.pt").value();
        assertEquals(10, top.size());
        assertTrue(top.get(0) == top.get(9), "one list referred to ten times is one list");
    }

    /** EMPTY_LIST at level 0; each further level a list of {@code width} references (BINGET) to the level below. */
    private static byte[] sharedReferencePickle(int levels, int width) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, ']', 'q', 0});
        for (int level = 1; level <= levels; level++) {
            pickle.writeBytes(new byte[] {']', 'q', (byte) level, '('});
            for (int i = 0; i < width; i++) {
                pickle.writeBytes(new byte[] {'h', (byte) (level - 1)});
            }
            pickle.write('e');
        }
        pickle.write('.');
        return pickle.toByteArray();
    }

    /** Builds an archive "test/..." with the given records plus a version record, loads it, returns the error. */
    private static String archiveError(ArchiveBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ZipArchiveWriter zip = new ZipArchiveWriter(out, "test");
            body.write(zip);
            zip.writeRecord("version", "3\n".getBytes(StandardCharsets.US_ASCII));
            zip.finish();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return assertThrows(TorchException.class, () -> TorchIO.fromBytes(out.toByteArray(), "test.pt")).getMessage();
    }

    /** The archive of {@code zip} with data.pkl replaced (and a matching checksum). */
    private static byte[] rebuild(ZipArchiveReader source, String prefix, byte[] pickle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipArchiveWriter zip = new ZipArchiveWriter(out, prefix);
        for (String name : source.names()) {
            String local = name.substring(prefix.length() + 1);
            zip.writeRecord(local, local.equals("data.pkl") ? pickle : source.record(name).copy());
        }
        zip.finish();
        return out.toByteArray();
    }

    /** A pickle of one float32 tensor of {@code numel} elements over storage "0" of 3 elements. */
    private static byte[] floatTensorPickle(int numel) {
        return ("\u0080\u0002ctorch._utils\n_rebuild_tensor_v2\n((X\u0007\0\0\0storagectorch\nFloatStorage\nX\u0001\0\0\0"
                + "0X\u0003\0\0\0cpuK" + (char) numel + "tQK\0K\u0003\u0085K\u0001\u0085\u0089)tR.")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertRefused(byte[] pickle, String global) {
        String error = pickleError(pickle);
        assertEquals("cannot load evil.pt: Unsupported global: GLOBAL " + global + " was not an allowed global. "
                + "torchglot loads only tensors, numbers, strings, None, bools, lists, tuples, dicts, OrderedDicts "
                + "and sets, and never runs code from a file.", error);
    }

    private static String pickleError(byte[] pickle) {
        return assertThrows(TorchException.class, () -> new PickleReader(pickle, 0, pickle.length, "evil.pt",
                (key, type, numel) -> {
                    throw new AssertionError("no storage expected");
                }).read()).getMessage();
    }

    private static void loadOrTorchException(Supplier<?> load) {
        try {
            load.get();
        } catch (TorchException expected) {
            assertTrue(expected.getMessage().startsWith("cannot load fuzz.pt: "), expected.getMessage());
        }
    }

    private static byte[] shortUnicode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) 0x8c, (byte) utf8.length}, utf8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
