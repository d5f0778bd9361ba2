package org.torchglot.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.torchglot.bindings.Language;

/** A Python, R or JavaScript training script as executors receive it; {@code name} is its file name in error messages. */
public record TrainingScript(Language language, String name, String code) implements Serializable {

    public TrainingScript {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
    }

    /** The script in {@code file}, its language chosen by extension. */
    public static TrainingScript fromFile(Path file) {
        Language language = Language.forFile(file)
                .orElseThrow(() -> new IllegalArgumentException("not a Python, R or JavaScript script: " + file));
        try {
            return new TrainingScript(language, file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
