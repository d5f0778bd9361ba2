package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/** R: the R parser tells incomplete input; the R top level prints visible results itself. */
final class RMode extends LanguageMode {

    // Positions of the functions in r_repl.R's list.
    private static final int NAMES = 0;
    private static final int MEMBERS = 1;
    private static final int DESCRIBE = 2;
    private static final int ASSIGN = 3;
    private static final int VISIBLE = 4;

    private static final List<String> KEYWORDS = List.of("if", "else", "repeat", "while", "function", "for", "in",
            "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_",
            "library", "return");

    RMode(TorchglotContext context) {
        super(Language.R, context);
    }

    @Override
    String prompt() {
        return "r> ";
    }

    @Override
    char memberSeparator() {
        return '$';
    }

    @Override
    void evaluate(String source, PrintStream out) {
        helper();
        // NOTE: evaluating a top-level source auto-prints each visible result, as R's console does.
        context.eval(source(source));
    }

    @Override
    String interruptedMessage() {
        return "";
    }

    @Override
    List<String> keywords() {
        return KEYWORDS;
    }

    /** The session's names, those of attached packages ({@code library(torch)}) and base R's. */
    @Override
    List<String> globalNames() {
        return strings(function(VISIBLE).execute());
    }

    @Override
    List<String> members(String path) {
        return path.matches("[A-Za-z.][\\w.]*(\\$[A-Za-z.][\\w.]*)*") ? strings(function(MEMBERS).execute(path)) : List.of();
    }

    @Override
    List<Variable> variables() {
        List<Variable> rows = new ArrayList<>();
        for (String name : strings(function(NAMES).execute())) {
            List<String> description = strings(function(DESCRIBE).execute(name));
            rows.add(new Variable(name, description.get(0), description.get(1)));
        }
        return rows;
    }

    @Override
    Value lookup(String name) {
        return strings(function(NAMES).execute()).contains(name) ? context.eval(source("invisible(get('" + name + "'))")) : null;
    }

    @Override
    void assign(String name, Value value) {
        function(ASSIGN).execute(name, value);
    }

    @Override
    protected String helperResource() {
        return "r_repl.R";
    }

    private Value function(int index) {
        return helper().getArrayElement(index);
    }
}
