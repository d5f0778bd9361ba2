package org.torchglot.bindings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.torchglot.engine.Torch;

/** Lists the engine's public classes by reading its jar (or class directory) once. */
final class EngineClasses {
    private static final String ROOT = "org/torchglot/engine/";

    private EngineClasses() {
    }

    static List<Class<?>> publicClasses() {
        List<String> names = new ArrayList<>();
        try {
            Path source = Path.of(Torch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source.resolve(ROOT))) {
                    files.map(p -> source.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (ZipFile jar = new ZipFile(source.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(ROOT)).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the engine's classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            if (!name.endsWith(".class")) {
                continue;
            }
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> type = Class.forName(className, false, Torch.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers()) && isPubliclyReachable(type)) {
                    out.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load engine class " + className, e);
            }
        }
        return out;
    }

    private static boolean isPubliclyReachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
