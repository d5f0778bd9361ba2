package org.torchglot.bindings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

/**
 * Moves engine objects between Java and one context's guests: a Java {@link Tensor} becomes the
 * guest's {@code torch.Tensor} (and a {@link Module} its {@code torch.nn.Module}) through the
 * language package's own wrapping function, and a guest wrapper gives back the engine object it
 * holds ({@code _t} for tensors, {@code _j} for modules and optimizers; R hands it over through its
 * torch package's {@code .torch_engine_object}).
 */
final class GuestValues {

    /** The fields in which the Python and JavaScript packages keep the engine object they wrap. */
    private static final List<String> ENGINE_FIELDS = List.of("_t", "_j");

    private final TorchglotContext context;
    private final Map<Language, Value> adopters = new EnumMap<>(Language.class);
    private Value rAssign;
    private Value rEngineObject;

    GuestValues(TorchglotContext context) {
        this.context = context;
    }

    /** The value as the language's scripts should see it: engine objects wrapped, anything else as it is. */
    Object adopt(Language language, Object value) {
        if (!(value instanceof Tensor || value instanceof Module)) {
            return value;
        }
        return adopters.computeIfAbsent(language, this::adopter).execute(value);
    }

    /**
     * A value of any of the context's languages as {@code language}'s scripts should see it: a
     * tensor or module of another language becomes this language's own tensor or module around
     * the same engine object; anything else stays as it is.
     */
    Value adoptGuest(Language language, Value value) {
        Object engine = engineObject(value);
        return engine == null ? value : adopters.computeIfAbsent(language, this::adopter).execute(engine);
    }

    /** Defines {@code name} as a top-level variable of R, whose global environment is no polyglot scope. */
    void defineInR(String name, Object value) {
        if (rAssign == null) {
            rAssign = eval(Language.R, "invisible(function(name, value) assign(name, value, envir = globalenv()))");
        }
        rAssign.execute(name, value);
    }

    /** The tensor or module behind a guest value of any language, or {@code null}. */
    private Object engineObject(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object held = hostBehind(value, host -> host instanceof Tensor || host instanceof Module);
        if (held != null) {
            return held;
        }
        if (context.languages().contains(Language.R) && context.isInitialised(Language.R)) {
            if (rEngineObject == null) {
                // NOTE: an R tensor or module exists only once torch is attached; without it there is nothing to unwrap.
                rEngineObject = eval(Language.R,
                        "invisible(function(x) if (exists('.torch_engine_object')) .torch_engine_object(x) else NULL)");
            }
            Value inner = rEngineObject.execute(value);
            return inner.isHostObject() ? inner.asHostObject() : null;
        }
        return null;
    }

    /**
     * The engine object of {@code type} behind a guest value: the value itself when it is one, or
     * the object its wrapper holds.
     *
     * @throws IllegalArgumentException if the value is neither
     */
    static <T> T unwrap(Value value, Class<T> type, String description) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(description + " is not defined");
        }
        Object held = hostBehind(value, type::isInstance);
        if (held == null) {
            throw new IllegalArgumentException(description + " is not a " + type.getSimpleName() + ": " + value);
        }
        return type.cast(held);
    }

    /** The host object {@code wanted} accepts behind a guest value: the value itself, or the one its wrapper holds; else {@code null}. */
    private static Object hostBehind(Value value, Predicate<Object> wanted) {
        if (value.isHostObject() && wanted.test(value.asHostObject())) {
            return value.asHostObject();
        }
        for (String field : ENGINE_FIELDS) {
            Value inner = value.hasMember(field) ? value.getMember(field) : null;
            if (inner != null && inner.isHostObject() && wanted.test(inner.asHostObject())) {
                return inner.asHostObject();
            }
        }
        return null;
    }

    private Value adopter(Language language) {
        String code = switch (language) {
            case PYTHON -> "lambda value: __import__('torch')._bridge.wrap(value)";
            // NOTE: require() caches modules by resolved file, so this is the bridge torch itself uses.
            case JS -> "(value) => { require('torch'); return require(" + jsString(bridgePath()) + ").wrap(value); }";
            // NOTE: R code that is handed a tensor uses torch's functions on it, so the package is attached.
            // NOTE: invisible() keeps R's top level from printing the function it evaluates to.
            case R -> "invisible(function(value) { library(torch); .torch_adopt(value) })";
        };
        return eval(language, code);
    }

    private Value eval(Language language, String code) {
        Source source = Source.newBuilder(language.id(), code, "<torchglot-embedding>").internal(true).buildLiteral();
        return context.polyglot().eval(source);
    }

    private static String bridgePath() {
        return GuestPackages.jsModules().resolve("torch").resolve("bridge.js").toString();
    }

    private static String jsString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
