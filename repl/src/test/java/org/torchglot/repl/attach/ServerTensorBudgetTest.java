package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm server's per-script tensor budget refuses a larger tensor with PyTorch's allocator error, and serves on. */
class ServerTensorBudgetTest {

    @TempDir
    Path directory;

    @Test
    void aTensorBeyondTheBudgetIsRefusedAndTheNextScriptRuns() throws Exception {
        Path runtime = Files.createDirectory(directory.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = runtime.resolve("budget.sock");
        Files.writeString(directory.resolve("big.py"), """
                import torch
                small = torch.zeros(1000)
                print("small", small.numel(), flush=True)
                big = torch.zeros(1_000_000)
                print("big")
                """);
        try (WarmServer server = WarmServer.open(socket, Duration.ofMinutes(5), 1 << 20)) {
            Thread serving = Thread.ofPlatform().daemon().start(server::serve);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AttachClient.Outcome outcome = AttachClient.attach(socket,
                    new AttachRequest(directory.toString(), false, List.of("big.py")), out, err, InputStream.nullInputStream());

            assertEquals(new AttachClient.Outcome(AttachClient.Kind.RAN, 1), outcome);
            assertEquals("small 1000\n", out.toString(StandardCharsets.UTF_8));
            String error = err.toString(StandardCharsets.UTF_8);
            assertTrue(error.contains("line 4") && error.endsWith("RuntimeError: DefaultCPUAllocator: can't allocate "
                    + "memory: you tried to allocate 4000000 bytes. Error code 12 (Cannot allocate memory)\n"), error);
            assertTrue(Files.exists(socket), "the server serves on");
            server.close();
            serving.join(10_000);
        }
    }
}
