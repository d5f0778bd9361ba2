package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestPackagesTest {

    @TempDir
    Path temporary;

    @Test
    void unpacksOnlyThePackageFoldersOfAJar() throws IOException {
        Path jar = jar("first.jar", Map.of(
                "python/torch/__init__.py", "__version__ = '1'\n",
                "js/torch/index.js", "module.exports = {};\n",
                "org/torchglot/Some.class", "not a package"));
        Path root = GuestPackages.unpack(jar, temporary.resolve("cache"));
        assertEquals("__version__ = '1'\n", Files.readString(root.resolve("python/torch/__init__.py")));
        assertEquals("module.exports = {};\n", Files.readString(root.resolve("js/torch/index.js")));
        assertTrue(Files.notExists(root.resolve("org")));
    }

    @Test
    void identicalPackagesShareOneCacheDirectoryAndChangedOnesGetANewOne() throws IOException {
        Path cache = temporary.resolve("cache");
        Path first = GuestPackages.unpack(jar("a.jar", Map.of("python/m.py", "x = 1\n")), cache);
        Path rebuilt = GuestPackages.unpack(jar("b.jar", Map.of("python/m.py", "x = 1\n")), cache);
        Path changed = GuestPackages.unpack(jar("c.jar", Map.of("python/m.py", "x = 2\n")), cache);
        assertEquals(first, rebuilt);
        assertNotEquals(first, changed);
        try (var entries = Files.list(cache)) {
            assertEquals(2, entries.count(), "no temporary directories are left behind");
        }
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = temporary.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
