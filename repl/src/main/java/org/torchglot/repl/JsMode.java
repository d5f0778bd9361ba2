package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/** JavaScript: GraalJS's parser tells incomplete input; results print as Node's REPL inspects them. */
final class JsMode extends LanguageMode {

    JsMode(TorchglotContext context) {
        super(Language.JS, context);
    }

    @Override
    String prompt() {
        return "js> ";
    }

    @Override
    boolean needsMore(String source) {
        // NOTE: GraalJS calls an open template literal or block comment an error, not incomplete input; Node waits for more.
        return super.needsMore(source) || hasOpenTemplateOrComment(source);
    }

    @Override
    void evaluate(String input, PrintStream out) {
        String source = helper().invokeMember("rewriteImports", input).asString();
        Optional<Declaration> declaration = Declaration.of(source).filter(d -> !userNames().contains(d.name()));
        if (declaration.isPresent()) {
            declare(declaration.get());
            return;
        }
        Value result = evaluateAwaiting(source);
        Value text = helper().invokeMember("show", result);
        if (!text.isNull()) {
            out.println(text.asString());
        }
    }

    @Override
    String replCommandFor(String line) {
        return switch (line.strip()) {
            case ".exit" -> ":quit";
            case ".help" -> ":help";
            default -> null;
        };
    }

    @Override
    String interruptedMessage() {
        return "Uncaught Error: Script execution interrupted.";
    }

    @Override
    List<String> keywords() {
        return strings(helper().getMember("keywords"));
    }

    @Override
    List<String> globalNames() {
        return strings(helper().invokeMember("names", (Object) userNames().toArray(String[]::new)));
    }

    @Override
    List<String> members(String path) {
        return strings(helper().invokeMember("members", path));
    }

    @Override
    List<Variable> variables() {
        List<Variable> rows = new ArrayList<>();
        for (String name : userNames()) {
            List<String> description = strings(helper().invokeMember("describe", name));
            rows.add(new Variable(name, description.get(0), description.get(1)));
        }
        return rows;
    }

    @Override
    void warmUp() {
        helper().invokeMember("warm");
    }

    @Override
    protected String helperResource() {
        return "js_repl.js";
    }

    /**
     * Runs {@code const x = EXPR} as Node's REPL behaves: EXPR first, and the name is declared only
     * if it succeeds. NOTE: GraalJS creates the binding before its initialiser runs, and a failed
     * initialiser would leave it uninitialised for good ("already been declared" ever after).
     */
    private void declare(Declaration declaration) {
        Value value = evaluateAwaiting(declaration.expressionInPlace());
        helper().invokeMember("hold", value);
        String take = "globalThis[Symbol.for('torchglot.held')]";
        context.polyglot().eval(Source.newBuilder(Language.JS.id(), declaration.keyword() + " " + declaration.name()
                + " = (() => { const v = " + take + "; delete " + take + "; return v; })();", "<stdin>")
                .internal(true).buildLiteral());
    }

    /**
     * Evaluates code, awaiting at top level as Node's REPL does: such code runs in an async function
     * whose outcome is taken once the promise jobs run at the end of the evaluation.
     */
    private Value evaluateAwaiting(String code) {
        Value wrapped = helper().invokeMember("awaiting", code);
        if (wrapped.isNull()) {
            return context.eval(source(code));
        }
        context.eval(source(wrapped.asString()));
        return helper().invokeMember("takeAwaited");
    }

    /** Global bindings the user made: var, let, const, function and class declarations. */
    private List<String> userNames() {
        Value isBuiltin = helper().getMember("isBuiltin");
        return context.bindings(Language.JS).getMemberKeys().stream()
                .filter(name -> !isBuiltin.execute(name).asBoolean())
                .sorted()
                .toList();
    }

    /** Whether a template literal or a block comment is still open at the end (strings and line comments aside). */
    static boolean hasOpenTemplateOrComment(String source) {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 2;
            } else if (c == '`' || c == '\'' || c == '"') {
                int end = closingQuote(source, i);
                if (end < 0) {
                    return c == '`';
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The index of the quote closing the literal opened at {@code start}, or -1; quotes other than '`' end at a line end. */
    private static int closingQuote(String source, int start) {
        char quote = source.charAt(start);
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }
}
