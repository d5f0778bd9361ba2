package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/** Python: CPython's console rules for complete input, results through {@code sys.displayhook}. */
final class PythonMode extends LanguageMode {

    PythonMode(TorchglotContext context) {
        super(Language.PYTHON, context);
    }

    @Override
    String prompt() {
        return "py> ";
    }

    @Override
    boolean needsMore(String source) {
        return helper().invokeMember("needs_more", source).asBoolean();
    }

    @Override
    void evaluate(String source, PrintStream out) {
        ProxyExecutable show = text -> {
            out.println(text[0].asString());
            return null;
        };
        Value status = helper().invokeMember("run", source, show);
        if (!status.isNull()) {
            throw new ExitRequest(status.asInt());
        }
    }

    @Override
    String interruptedMessage() {
        return "KeyboardInterrupt";
    }

    @Override
    List<String> keywords() {
        return strings(helper().getMember("keywords"));
    }

    @Override
    List<String> globalNames() {
        return strings(helper().invokeMember("names"));
    }

    @Override
    List<String> members(String path) {
        return strings(helper().invokeMember("members", path));
    }

    @Override
    List<Variable> variables() {
        List<Variable> rows = new ArrayList<>();
        Value table = helper().invokeMember("variables");
        for (long i = 0; i < table.getArraySize(); i++) {
            List<String> row = strings(table.getArrayElement(i));
            rows.add(new Variable(row.get(0), row.get(1), row.get(2)));
        }
        return rows;
    }

    @Override
    String documentation(String path) {
        Value doc = helper().invokeMember("doc", path);
        return doc.isString() ? doc.asString() : null;
    }

    @Override
    void warmUp() {
        helper().invokeMember("warm");
    }

    @Override
    protected void prepare(Value loaded) {
        ProxyExecutable describe = arguments -> arguments.length == 1 && arguments[0].isString()
                ? TorchApi.describe(arguments[0].asString()).orElse(null) : null;
        loaded.invokeMember("install", describe);
    }

    @Override
    protected String helperResource() {
        return "python_repl.py";
    }
}
