package org.torchglot.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped inside torchglot's jars (guest code, helper scripts), read as UTF-8. */
public final class ResourceText {

    private ResourceText() {
    }

    /**
     * The resource {@code name}, found relative to {@code anchor}'s package.
     *
     * @throws IllegalStateException if the jar lacks it (a broken build)
     */
    public static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
