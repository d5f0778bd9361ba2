package org.torchglot.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.engine.nn.Module;

/**
 * A module defined by a Python, R or JavaScript script: each executor runs {@code code} in a
 * sandboxed context of its own (no file access) and takes the {@code torch.nn.Module} held by the
 * script's variable {@code variable}. {@code name} is the script's file name in error messages.
 */
public record ScriptModuleSpec(Language language, String name, String code, String variable) implements ModuleSpec {

    public ScriptModuleSpec {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(variable, "variable");
    }

    /** The module held by {@code variable} after running the script file {@code script} (language from its extension). */
    public static ScriptModuleSpec fromFile(Path script, String variable) {
        Language language = Language.forFile(script)
                .orElseThrow(() -> new IllegalArgumentException("not a Python, R or JavaScript script: " + script));
        try {
            return new ScriptModuleSpec(language, script.getFileName().toString(), Files.readString(script), variable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    @Override
    public LoadedModule instantiate() {
        // NOTE: R has no top-level bindings object to read a module from, so R's module is adopted into JavaScript.
        TorchglotContext context = language == Language.R
                ? TorchglotContext.builder().languages(Language.R, Language.JS).noFileAccess().build()
                : TorchglotContext.builder().languages(language).noFileAccess().build();
        try {
            context.eval(Source.newBuilder(language.id(), code, name).buildLiteral());
            return new LoadedModule(module(context), context);
        } catch (PolyglotException e) {
            String message = context.describe(e);
            context.close();
            throw new IllegalArgumentException("the model script " + name + " failed:\n" + message, e);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private Module module(TorchglotContext context) {
        // NOTE: evaluating the name also finds JavaScript's top-level const and let, which are not bindings members.
        Language target = language == Language.R ? Language.JS : language;
        String adopted = "__torchglot_spark_module";
        context.bindings(target).putMember(adopted, context.adopt(target, context.eval(language, variable)));
        return context.getModule(target, adopted);
    }
}
