package org.torchglot.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds our pure-Python and JavaScript packages on disk, where the guest languages import them.
 *
 * <p>They ship as resources of the bindings jar: {@code python/<package>/...} (on GraalPy's
 * {@code python.PythonPath}) and {@code js/<module>/index.js} or {@code js/<module>.js}
 * (resolvable by {@code require('<module>')} and {@code import ... from '<module>'}). Run from
 * a jar, they are extracted once per content hash to {@code ~/.cache/torchglot/<hash>/};
 * run from a class directory (tests, IDE), that directory is used as it is.
 */
public final class GuestPackages {

    /** The resource folder holding the Python packages. */
    public static final String PYTHON_FOLDER = "python";
    /** The resource folder holding the JavaScript modules. */
    public static final String JS_FOLDER = "js";

    private static final List<String> FOLDERS = List.of(PYTHON_FOLDER, JS_FOLDER);

    private GuestPackages() {
    }

    /** The directory that holds {@code python/} and {@code js/}; extracted on first call if needed. */
    public static Path root() {
        return Holder.ROOT;
    }

    /** The directory to put on GraalPy's {@code python.PythonPath}. */
    public static Path pythonPath() {
        return root().resolve(PYTHON_FOLDER);
    }

    /** The directory holding the JavaScript modules. */
    public static Path jsModules() {
        return root().resolve(JS_FOLDER);
    }

    private static final class Holder {
        static final Path ROOT = locate();
    }

    private static Path locate() {
        Path codeSource = codeSource();
        return Files.isDirectory(codeSource) ? codeSource : unpack(codeSource, cacheRoot());
    }

    /** Unpacks the jar's package folders below {@code cacheRoot} unless an identical copy is there; returns its root. */
    static Path unpack(Path jarFile, Path cacheRoot) {
        try (ZipFile jar = new ZipFile(jarFile.toFile())) {
            Path target = cacheRoot.resolve(contentHash(jar));
            if (!Files.isDirectory(target)) {
                extract(jar, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack torchglot's guest packages from " + jarFile, e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(GuestPackages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the torchglot bindings jar", e);
        }
    }

    /** {@code $TORCHGLOT_CACHE}, else {@code $XDG_CACHE_HOME/torchglot}, else {@code ~/.cache/torchglot}. */
    private static Path cacheRoot() {
        String explicit = System.getenv("TORCHGLOT_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("torchglot");
    }

    /** A hash of the package entries' names, sizes and CRCs: rebuilding an unchanged jar reuses the cache. */
    private static String contentHash(ZipFile jar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            packageEntries(jar).forEach(entry -> digest.update(
                    (entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n').getBytes(StandardCharsets.UTF_8)));
            return TorchglotVersion.VERSION + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<? extends ZipEntry> packageEntries(ZipFile jar) {
        return jar.stream()
                .filter(entry -> FOLDERS.stream().anyMatch(folder -> entry.getName().startsWith(folder + "/")))
                .sorted(Comparator.comparing(ZipEntry::getName));
    }

    /** Unpacks into a temporary sibling, then renames it into place, so no reader sees half a tree. */
    private static void extract(ZipFile jar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), ".unpack-");
        try {
            for (ZipEntry entry : packageEntries(jar).toList()) {
                Path destination = temporary.resolve(entry.getName()).normalize();
                if (!destination.startsWith(temporary)) {
                    throw new IOException("unsafe entry name in jar: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                }
            }
            moveIntoPlace(temporary, target);
        } finally {
            deleteRecursively(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // NOTE: another process may have finished the same extraction first; its copy is identical.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
