package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** safetensors files from the format's spec load with their values; ours round-trip; bad headers fail clearly. */
class SafeTensorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"linear", "dtypes"})
    void loadsFilesWrittenToTheSpec(String name) {
        SafeTensors.Contents contents = SafeTensors.fromBytes(IoFixtures.bytes(name + ".safetensors"), name);
        IoFixtures.assertMatches(IoFixtures.expected(name + ".safetensors.json"), new OrderedDict(contents.tensors()), name);
    }

    @Test
    void metadataAndConversionNotesAreKept() {
        assertEquals(Map.of("format", "pt"), SafeTensors.fromBytes(IoFixtures.bytes("linear.safetensors"), "l").metadata());
        assertEquals(List.of("I32 tensors were loaded as int64 (torchglot has no int32)",
                "U8 tensors were loaded as int64 (torchglot has no uint8)",
                "F16 tensors were loaded as float32 (torchglot has no float16)"),
                SafeTensors.fromBytes(IoFixtures.bytes("dtypes.safetensors"), "d").notes());
    }

    @Test
    void aSavedFileLoadsBackTheSame(@TempDir Path dir) {
        Tensor base = Tensor.of(Storage.wrap(new float[] {0, 1, 2, 3, 4, 5}), 2, 3);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w_t", base.t());
        tensors.put("row", base.select(0, 1));
        tensors.put("d", Tensor.of(Storage.wrap(new double[] {0.1, -2}), 2));
        tensors.put("i", Tensor.of(Storage.wrap(new long[] {1L << 50}), 1));
        tensors.put("mask", Tensor.of(Storage.wrap(new boolean[] {true, false, true}), 3));
        Path file = dir.resolve("m.safetensors");
        SafeTensors.save(tensors, Map.of("format", "pt"), file);
        SafeTensors.Contents loaded = SafeTensors.read(file);
        assertEquals(Map.of("format", "pt"), loaded.metadata());
        assertEquals(tensors.keySet(), loaded.tensors().keySet());
        tensors.forEach((name, t) -> {
            Tensor back = loaded.tensors().get(name);
            assertEquals(t.dtype(), back.dtype(), name);
            assertArrayEquals(t.shape(), back.shape(), name);
            assertArrayEquals(t.toDoubleArray(), back.toDoubleArray(), name);
        });
        assertEquals(0, headerLength(SafeTensors.toBytes(tensors, Map.of())) % 8, "the data starts 8-byte aligned");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]| the safetensors header does not start with '{'",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}| the safetensors header is not valid JSON: expected '}' at character 53",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}| tensor \"a\" has data_offsets [0, 4], but a F32 tensor of shape [2] needs 8 bytes",
        "{\"a\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}| tensor \"a\" has dtype C64, which torchglot does not read",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}| tensor \"a\" starts at byte 4 of the data, expected 0 (offsets overlap or leave a gap)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}| tensor \"b\" starts at byte 0 of the data, expected 4 (offsets overlap or leave a gap)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}| the header describes 16 bytes of tensor data, but the file holds 8 (truncated)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,8]}}| tensor \"a\" has an invalid shape [-1]",
        "{\"a\":1,\"a\":2}| the safetensors header is not valid JSON: duplicate key \"a\" at character 12",
        "{\"__metadata__\":{\"k\":1}}| __metadata__ value of \"k\" is not a string",
    })
    void badHeadersAreRefusedWithTheReason(String header, String problem) {
        byte[] file = file(header, new byte[8]);
        TorchException e = assertThrows(TorchException.class, () -> SafeTensors.fromBytes(file, "bad.safetensors"));
        assertEquals("cannot load bad.safetensors: " + problem, e.getMessage());
    }

    @Test
    void impossibleHeaderLengthsAreRefused() {
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array();
        assertTrue(assertThrows(TorchException.class, () -> SafeTensors.fromBytes(huge, "x")).getMessage()
                .contains("header length 1099511627776 is impossible"));
        byte[] pastEnd = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100).array();
        assertTrue(assertThrows(TorchException.class, () -> SafeTensors.fromBytes(pastEnd, "x")).getMessage()
                .contains("runs past the end of the file (truncated)"));
        assertTrue(assertThrows(TorchException.class, () -> SafeTensors.fromBytes(new byte[3], "x")).getMessage()
                .contains("too short for a safetensors file"));
    }

    @Test
    void randomByteFlipsAndCutsNeverEscapeAsAnotherException() {
        byte[] valid = IoFixtures.bytes("dtypes.safetensors");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random random = new Random(3);
            for (int i = 0; i < 400; i++) {
                byte[] file = i % 4 == 0 ? java.util.Arrays.copyOf(valid, random.nextInt(valid.length)) : valid.clone();
                if (i % 4 != 0) {
                    file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
                }
                try {
                    SafeTensors.fromBytes(file, "fuzz");
                } catch (TorchException expected) {
                    assertTrue(expected.getMessage().startsWith("cannot load fuzz: "), expected.getMessage());
                }
            }
        });
    }

    private static byte[] file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).put(data).array();
    }

    private static long headerLength(byte[] file) {
        return ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
