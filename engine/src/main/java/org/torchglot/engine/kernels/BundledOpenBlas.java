package org.torchglot.engine.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OpenBLAS that comes with the build: the platform jar of {@code org.bytedeco:openblas} on the class
 * path holds {@code libopenblas} and the runtime libraries it needs (libgfortran, libquadmath, libgcc_s),
 * which are copied to a per-user cache directory so the dynamic linker can load them.
 *
 * <p>The cache directory is named after the libraries' checksums (read from the jar's index, so nothing
 * is decompressed to find it) and is written whole into a temporary sibling, then renamed into place:
 * launches racing each other, and an upgrade beside an older version, never see a half-written library.
 */
final class BundledOpenBlas {
    private static final String RESOURCES = "org/bytedeco/openblas/";

    /** libopenblas's dependencies before it: each is loaded by full path so the next one finds it by name. */
    private static final List<String> LOAD_ORDER = List.of(
            "libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0",
            "libgcc_s.1.1.dylib", "libquadmath.0.dylib", "libgfortran.5.dylib", "libopenblas.0.dylib");

    private BundledOpenBlas() {
    }

    /** The bytedeco name of this JVM's platform, e.g. {@code linux-x86_64} or {@code macosx-arm64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return family + "-" + cpu;
    }

    /**
     * The libraries to load, in order, extracted under {@code cacheRoot} (libopenblas last), or empty when
     * the class path has no OpenBLAS for this platform.
     */
    static Optional<List<Path>> extract(Path cacheRoot) {
        String folder = RESOURCES + platform() + "/";
        ClassLoader loader = BundledOpenBlas.class.getClassLoader();
        List<String> names = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (String name : LOAD_ORDER) {
            URL url = loader.getResource(folder + name);
            if (url != null) {
                names.add(name);
                urls.add(url);
            }
        }
        if (names.isEmpty() || !names.getLast().startsWith("libopenblas")) {
            return Optional.empty();
        }
        try {
            Path directory = cacheRoot.resolve("openblas-" + platform() + "-" + fingerprint(names, urls));
            if (!Files.isDirectory(directory)) {
                writeAtomically(directory, names, urls);
            }
            return Optional.of(names.stream().map(directory::resolve).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled OpenBLAS to " + cacheRoot, e);
        }
    }

    /** The per-user cache: {@code $XDG_CACHE_HOME/torchglot}, {@code ~/.cache/torchglot}, or macOS's Caches. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "torchglot");
        }
        Path home = Path.of(System.getProperty("user.home"));
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
        return mac ? home.resolve("Library/Caches/torchglot") : home.resolve(".cache/torchglot");
    }

    /** A digest of the libraries' names, sizes and CRC-32s: their content, as far as the jar records it. */
    private static String fingerprint(List<String> names, List<URL> urls) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < names.size(); i++) {
            URLConnection connection = urls.get(i).openConnection();
            String checksum;
            if (connection instanceof JarURLConnection jar) {
                connection.setUseCaches(false);
                var entry = jar.getJarEntry();
                checksum = entry.getSize() + ":" + Long.toHexString(entry.getCrc());
            } else {
                // NOTE: an exploded class path (an IDE) has no index to read; hash the bytes instead.
                try (InputStream in = connection.getInputStream()) {
                    checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
            digest.update((names.get(i) + "=" + checksum + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void writeAtomically(Path directory, List<String> names, List<URL> urls) throws IOException {
        Files.createDirectories(directory.getParent());
        Path staging = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".tmp");
        try {
            for (int i = 0; i < names.size(); i++) {
                URLConnection connection = urls.get(i).openConnection();
                connection.setUseCaches(false);
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, staging.resolve(names.get(i)));
                }
            }
            try {
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // NOTE: another launch finished first (Linux reports the rename onto its non-empty directory
                // as "Directory not empty"); its copy has the same content.
                if (!Files.isDirectory(directory)) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
