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

/** Lists the public classes of our own code (engine, bindings, R) by reading their jars or class directories. */
final class PublicClasses {

    private PublicClasses() {
    }

    /** The public classes, reachable by name from outside, of the code source that holds {@code anchor}, below its package root. */
    static List<Class<?>> besides(Class<?> anchor, String packageRoot) {
        String root = packageRoot.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source.resolve(root))) {
                    files.map(p -> source.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (ZipFile jar = new ZipFile(source.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(root)).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes of " + anchor, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                continue;
            }
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> type = Class.forName(className, false, anchor.getClassLoader());
                if (isPubliclyReachable(type)) {
                    out.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load class " + className, e);
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
