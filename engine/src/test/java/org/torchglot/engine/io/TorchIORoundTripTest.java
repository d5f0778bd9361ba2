package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;

/**
 * Files torchglot saves load back with the same values, types and sharing, have PyTorch's layout, and stay byte
 * for byte what real PyTorch was shown to load ({@code tools/fixtures/check_torchglot_pt.py}).
 */
class TorchIORoundTripTest {
    /** Where the files for the by-hand check in real PyTorch are left. */
    private static final Path FOR_PYTORCH = Path.of("target", "io-for-pytorch");

    /** The object behind the committed fixture torchglot_written.pt; check_torchglot_pt.py states it too. */
    static Object sampleObject() {
        Tensor base = Tensor.of(Storage.wrap(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), 3, 4);
        OrderedDict state = new OrderedDict();
        state.put("weight", base);
        state.put("weight_t", base.t());
        state.put("row", base.select(0, 1));
        state.put("bias", Tensor.of(Storage.wrap(new double[] {0.5, -1.25}), 2));
        state.put("steps", Tensor.of(Storage.wrap(new long[] {1, -2, 1L << 40}), 3));
        state.put("mask", Tensor.of(Storage.wrap(new boolean[] {true, false}), 2));
        state.put("scalar", Tensor.of(Storage.wrap(new float[] {2.5f})));
        state.put("param", new Parameter(Tensor.of(Storage.wrap(new float[] {1, 2}), 2)));
        Map<Object, Object> extras = new LinkedHashMap<>();
        extras.put("lr", 0.01);
        extras.put("epoch", 7L);
        extras.put("big", 1L << 40);
        extras.put("negative", -70000L);
        extras.put("name", "torchglot ✓");
        extras.put("none", null);
        extras.put("flag", true);
        extras.put("betas", Tuple.of(0.9, 0.999));
        extras.put("ids", new ArrayList<>(List.of(0L, 1L)));
        extras.put(3L, "int key");
        extras.put("tags", new LinkedHashSet<>(List.of(1L, 2L)));
        state.put("extras", extras);
        return state;
    }

    @Test
    void theCommittedFileIsWhatWeWriteToday() throws IOException {
        byte[] written = TorchIO.toBytes(sampleObject(), "torchglot_written");
        Files.createDirectories(FOR_PYTORCH);
        Files.write(FOR_PYTORCH.resolve("torchglot_written.pt"), written);
        assertArrayEquals(IoFixtures.bytes("torchglot_written.pt"), written,
                "the format changed: check it in PyTorch (tools/fixtures/check_torchglot_pt.py) and update the fixture");
    }

    @Test
    void aSavedObjectLoadsBackTheSame(@TempDir Path dir) {
        Path file = dir.resolve("sample.pt");
        TorchIO.save(sampleObject(), file);
        OrderedDict loaded = assertInstanceOf(OrderedDict.class, TorchIO.load(file));
        OrderedDict original = (OrderedDict) sampleObject();
        assertEquals(original.keySet(), loaded.keySet());
        for (Object key : List.of("weight", "weight_t", "row", "bias", "steps", "mask", "scalar", "param")) {
            Tensor a = (Tensor) original.get(key);
            Tensor b = (Tensor) loaded.get(key);
            assertEquals(a.dtype(), b.dtype(), key.toString());
            assertArrayEquals(a.shape(), b.shape(), key.toString());
            assertArrayEquals(a.strides(), b.strides(), key.toString());
            assertEquals(a.storageOffset(), b.storageOffset(), key.toString());
            assertArrayEquals(a.toDoubleArray(), b.toDoubleArray(), key.toString());
        }
        assertSame(((Tensor) loaded.get("weight")).storage(), ((Tensor) loaded.get("weight_t")).storage());
        assertSame(((Tensor) loaded.get("weight")).storage(), ((Tensor) loaded.get("row")).storage());
        Parameter param = assertInstanceOf(Parameter.class, loaded.get("param"));
        assertTrue(param.requiresGrad());
        Map<?, ?> extras = (Map<?, ?>) loaded.get("extras");
        assertEquals(((Map<?, ?>) original.get("extras")), extras);
        assertInstanceOf(Tuple.class, extras.get("betas"));
    }

    @Test
    void recordsAreStoredAndAlignedAsPyTorchWritesThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.pt");
        TorchIO.save(sampleObject(), file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("model/data.pkl", "model/data/0", "model/data/1", "model/data/2", "model/data/3",
                    "model/data/4", "model/data/5", "model/version"), names);
            byte[] bytes = Files.readAllBytes(file);
            for (ZipEntry entry : zip.stream().toList()) {
                assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName());
                // NOTE: the local header's name is followed by the "FB" extra field of 'Z' padding, then the data.
                byte[] name = entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int extra = indexOf(bytes, concat(name, new byte[] {'F', 'B'}), entry.getName()) + name.length;
                int start = extra + 4 + ((bytes[extra + 2] & 0xFF) | (bytes[extra + 3] & 0xFF) << 8);
                assertEquals(0, start % 64, entry.getName() + " starts on a 64-byte boundary");
                byte[] content = zip.getInputStream(entry).readAllBytes();
                assertArrayEquals(content, java.util.Arrays.copyOfRange(bytes, start, start + content.length));
            }
            assertEquals("3\n", new String(zip.getInputStream(zip.getEntry("model/version")).readAllBytes()));
        }
    }

    @Test
    void aModuleAndItsOptimizerSurviveASaveAndLoad(@TempDir Path dir) throws IOException {
        Files.createDirectories(FOR_PYTORCH);
        Torch.manualSeed(0);
        Linear model = new Linear(3, 2);
        Optimizer adam = new Adam(List.copyOf(model.parameters()), Map.of("lr", 0.01));
        Tensor x = Torch.randn(4, 3);
        model.forward(x).pow(2).sum().backward();
        adam.step();
        TorchIO.save(new OrderedDict(model.stateDict()), dir.resolve("model.pt"));
        TorchIO.save(adam.stateDict(), dir.resolve("adam.pt"));
        TorchIO.save(new OrderedDict(model.stateDict()), FOR_PYTORCH.resolve("linear.pt"));
        TorchIO.save(adam.stateDict(), FOR_PYTORCH.resolve("adam.pt"));

        Linear restored = new Linear(3, 2);
        Optimizer restoredAdam = new Adam(List.copyOf(restored.parameters()), Map.of("lr", 0.5));
        restored.loadStateDict(stateDictOf(TorchIO.load(dir.resolve("model.pt"))));
        restoredAdam.loadStateDict(stringKeys(TorchIO.load(dir.resolve("adam.pt"))));
        for (String key : List.of("weight", "bias")) {
            assertArrayEquals(model.stateDict().get(key).toFloatArray(), restored.stateDict().get(key).toFloatArray());
        }
        model.zeroGrad();
        restored.zeroGrad();
        model.forward(x).pow(2).sum().backward();
        restored.forward(x).pow(2).sum().backward();
        adam.step();
        restoredAdam.step();
        assertArrayEquals(model.stateDict().get("weight").toFloatArray(), restored.stateDict().get("weight").toFloatArray(),
                "the second Adam step continues from the saved moments and lr");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> stateDictOf(Object loaded) {
        return (Map<String, Tensor>) (Map<?, ?>) loaded;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Object loaded) {
        return (Map<String, Object>) (Map<?, ?>) loaded;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle, String name) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void theArchiveIsNamedAfterTheFileAsPyTorchNamesIt() {
        assertEquals("model", TorchIO.archiveName(Path.of("dir/model.pt")));
        assertEquals("model.v2", TorchIO.archiveName(Path.of("model.v2.pth")));
        assertEquals("weights", TorchIO.archiveName(Path.of("weights")));
        assertEquals(DType.FLOAT32, ((Tensor) ((Map<?, ?>) TorchIO.fromBytes(
                TorchIO.toBytes(new OrderedDict(Map.of("w", Tensor.zeros(new int[] {2}, DType.FLOAT32))), "x"), "x")
                .value()).get("w")).dtype());
    }
}
