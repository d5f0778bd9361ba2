package org.torchglot.lang.r;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/** One shared polyglot Engine for all R tests; a fresh Context per script, with stdout and stderr captured together. */
final class RTestSupport {
    static final Engine ENGINE = Engine.newBuilder("R").option("engine.WarnInterpreterOnly", "false").build();

    private RTestSupport() {
    }

    static Context newContext(ByteArrayOutputStream out) {
        return Context.newBuilder("R").engine(ENGINE).out(out).err(out).build();
    }

    /**
     * Runs a script and returns everything it printed. An R error ends the run the way the script runner reports it:
     * the error text, then the file and line it came from.
     */
    static String run(String name, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context ctx = newContext(out)) {
            try {
                ctx.eval(Source.newBuilder("R", code, name).buildLiteral());
            } catch (PolyglotException e) {
                if (!e.isGuestException()) {
                    throw e;
                }
                StringBuilder sb = new StringBuilder(e.getMessage()).append('\n');
                SourceSection s = e.getSourceLocation();
                if (s != null) {
                    sb.append("-- at ").append(s.getSource().getName()).append(':').append(s.getStartLine()).append('\n');
                }
                out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
