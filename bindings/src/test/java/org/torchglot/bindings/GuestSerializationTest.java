package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.tensor.Tensor;

/** Python's torch.save/torch.load: PyTorch's format through the engine, confined to the working directory. */
class GuestSerializationTest {

    @Test
    void pythonSavesAndLoadsAStateDictAndContainers() {
        String result = CONTEXT.eval(Language.PYTHON, """
                import torch, collections
                torch.manual_seed(0)
                model = torch.nn.Linear(3, 2)
                torch.save(model.state_dict(), 'linear.pt')
                extras = {'epoch': 3, 'lr': 0.5, 'betas': (0.9, 0.999), 'names': ['a', None, True], 'ids': {1, 2}}
                torch.save(extras, 'extras.pt')
                sd = torch.load('linear.pt')
                back = torch.load('extras.pt')
                other = torch.nn.Linear(3, 2)
                other.load_state_dict(sd)
                import io
                buffer = io.BytesIO()
                torch.save([model.weight, 7], buffer)
                buffer.seek(0)
                from_buffer = torch.load(buffer)
                (type(sd).__name__, list(sd), bool(torch.equal(other.weight, model.weight)), back == extras,
                 type(back['betas']).__name__, type(from_buffer[0]).__name__, from_buffer[1])
                """).toString();
        assertEquals("('OrderedDict', ['weight', 'bias'], True, True, 'tuple', 'Parameter', 7)", result);
        Object fromJava = TorchIO.load(PolyglotFixture.WORKING_DIRECTORY.resolve("linear.pt"));
        assertTrue(fromJava instanceof OrderedDict, "the file holds an OrderedDict, as PyTorch writes it");
        assertEquals(2, ((Tensor) ((Map<?, ?>) fromJava).get("weight")).dim());
    }

    @Test
    void pythonCannotSaveOrLoadOutsideTheWorkingDirectory() {
        Path outside = PolyglotFixture.WORKING_DIRECTORY.getParent().resolve("torchglot-escape.pt");
        PolyglotException save = assertThrows(PolyglotException.class, () -> CONTEXT.eval(Language.PYTHON,
                "import torch\ntorch.save(torch.ones(2), '../torchglot-escape.pt')"));
        assertTrue(CONTEXT.describe(save).contains("PermissionError: Permission denied: '"), CONTEXT.describe(save));
        assertFalse(Files.exists(outside));
        PolyglotException load = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.PYTHON, "import torch\ntorch.load('/etc/hostname')"));
        assertTrue(CONTEXT.describe(load).contains("PermissionError: Permission denied: '/etc/hostname'"),
                CONTEXT.describe(load));
    }

    @Test
    void theEngineFileClassesAreClosedToGuests() {
        PolyglotException refusal = assertThrows(PolyglotException.class, () -> CONTEXT.eval(Language.PYTHON,
                "import java\njava.type('org.torchglot.engine.io.TorchIO')"));
        assertTrue(CONTEXT.describe(refusal).contains("org.torchglot.engine.io.TorchIO"), CONTEXT.describe(refusal));
    }

    @Test
    void aHostilePickleIsRefusedInPython() throws Exception {
        byte[] evil = ("\u0080\u0002cposix\nsystem\nX\u0004\0\0\0echo\u0085R.").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String name : java.util.List.of("evil/data.pkl", "evil/version")) {
                byte[] data = name.endsWith("pkl") ? evil : "3\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                entry.setMethod(java.util.zip.ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.write(PolyglotFixture.WORKING_DIRECTORY.resolve("evil.pt"), zip.toByteArray());
        PolyglotException refusal = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.PYTHON, "import torch\ntorch.load('evil.pt')"));
        assertTrue(CONTEXT.describe(refusal).contains("RuntimeError: cannot load "), CONTEXT.describe(refusal));
        assertTrue(CONTEXT.describe(refusal).contains("Unsupported global: GLOBAL posix.system"), CONTEXT.describe(refusal));
    }

    @Test
    void pythonKeepsSharedReferencesSharedAndRefusesAPickleBombAtOnce() {
        String result = CONTEXT.eval(Language.PYTHON, """
                import io, time, torch, zipfile

                def shared_reference_bomb(levels, width):
                    pickle = bytearray(b'\\x80\\x02]q\\x00')
                    for k in range(1, levels + 1):
                        pickle += b']q' + bytes([k]) + b'(' + bytes([ord('h'), k - 1]) * width + b'e'
                    archive = io.BytesIO()
                    with zipfile.ZipFile(archive, 'w') as z:
                        z.writestr('bomb/data.pkl', bytes(pickle + b'.'))
                        z.writestr('bomb/version', '3\\n')
                    archive.seek(0)
                    return archive

                small = torch.load(shared_reference_bomb(3, 10))
                shared = (small[0] is small[9], small[0][0] is small[9][5], len(small[9][5]), small[9][5][1])
                bomb = shared_reference_bomb(40, 10)
                start = time.monotonic()
                try:
                    torch.load(bomb)
                    refused = 'loaded'
                except RuntimeError as e:
                    refused = str(e).split(': ', 1)[1]
                (shared, refused, time.monotonic() - start < 1.0)
                """).toString();
        assertEquals("((True, True, 10, []), \"its shared references expand to more than 10000000 objects, torchglot's "
                + "limit for a loaded value (the file looks like a pickle bomb)\", True)", result);
    }
}
