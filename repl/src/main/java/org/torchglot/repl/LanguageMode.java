package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ResourceText;
import org.torchglot.bindings.TorchglotContext;

/**
 * What the REPL needs from one guest language of a session's context: whether input is
 * complete, evaluation with the language's own auto-print, and live names for completion and
 * {@code :vars}. Each language keeps a small helper written in itself (a resource beside this
 * class), loaded on first use. Callers hold the session's lock.
 */
abstract class LanguageMode {

    /** One row of {@code :vars}. */
    record Variable(String name, String type, String detail) {
    }

    protected final TorchglotContext context;
    private final Language language;
    private Value helper;

    LanguageMode(Language language, TorchglotContext context) {
        this.language = language;
        this.context = context;
    }

    /** The mode of {@code language} in {@code context}. */
    static LanguageMode of(Language language, TorchglotContext context) {
        return switch (language) {
            case PYTHON -> new PythonMode(context);
            case JS -> new JsMode(context);
            case R -> new RMode(context);
        };
    }

    Language language() {
        return language;
    }

    /** The prompt, e.g. {@code "py> "}. */
    abstract String prompt();

    /** The separator before a member name in completion: {@code '.'}, or {@code '$'} in R. */
    char memberSeparator() {
        return '.';
    }

    /** Whether {@code source} is an unfinished statement that needs more lines. */
    boolean needsMore(String source) {
        try {
            context.polyglot().parse(source(source));
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource();
        }
    }

    /** Runs the input and prints its result the language's way on {@code out}. */
    abstract void evaluate(String source, PrintStream out);

    /** What the language prints when Ctrl-C stops an evaluation ({@code KeyboardInterrupt} in Python). */
    abstract String interruptedMessage();

    /** Language keywords, for completion. */
    abstract List<String> keywords();

    /** Names defined in the session (and the language's builtins), for completion. */
    abstract List<String> globalNames();

    /** Member names of the value a dotted (or {@code $}) path refers to; empty when it names nothing. */
    abstract List<String> members(String path);

    /** The user's variables with their types and shapes. */
    abstract List<Variable> variables();

    /** The value of a session variable, or {@code null} when there is none: a global of the language. */
    Value lookup(String name) {
        Value globals = context.bindings(language);
        return globals.hasMember(name) ? globals.getMember(name) : null;
    }

    /** Defines a session variable (for {@code :share}) as a global of the language. */
    void assign(String name, Value value) {
        context.bindings(language).putMember(name, value);
    }

    /** The documentation the language holds for a dotted name (Python's docstring), or {@code null}. */
    String documentation(String path) {
        return null;
    }

    /** Pre-loads the language's torch package, so the user's first import is quick. */
    void warmUp() {
        helper();
    }

    /** Code as the user's input, named {@code <stdin>} in errors. */
    protected Source source(String code) {
        return Source.newBuilder(language.id(), code, "<stdin>").buildLiteral();
    }

    /** The language's REPL helper, evaluated on first use. */
    protected Value helper() {
        if (helper == null) {
            context.initialise(language);
            String code = ResourceText.read(LanguageMode.class, helperResource());
            helper = context.polyglot().eval(Source.newBuilder(language.id(), code, "<torchglot-repl>")
                    .internal(true).buildLiteral());
            prepare(helper);
        }
        return helper;
    }

    /** Finishes setting up a freshly loaded helper (e.g. hands it the REPL's own services). */
    protected void prepare(Value loaded) {
    }

    /**
     * The REPL command a line of the language's own REPL tradition stands for (JavaScript's
     * {@code .exit} is {@code :quit}), or {@code null} when the line is code.
     */
    String replCommandFor(String line) {
        return null;
    }

    /** The resource next to this class holding the helper. */
    protected abstract String helperResource();

    protected static List<String> strings(Value array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.hasArrayElements()) {
            for (long i = 0; i < array.getArraySize(); i++) {
                Value item = array.getArrayElement(i);
                out.add(item.isString() ? item.asString() : item.toString());
            }
        }
        return out;
    }
}
