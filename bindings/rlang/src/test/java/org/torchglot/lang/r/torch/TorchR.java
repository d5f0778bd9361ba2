package org.torchglot.lang.r.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/** Runs R scripts with {@code library(torch)} attached in a fresh context on one shared engine; returns the output. */
final class TorchR {
    private static final Engine ENGINE = Engine.newBuilder("R").option("engine.WarnInterpreterOnly", "false").build();

    private TorchR() {
    }

    /** Everything {@code code} prints; an R error ends the run with its message and {@code -- at file:line}. */
    static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context ctx = Context.newBuilder("R").engine(ENGINE).out(out).err(out).build()) {
            try {
                ctx.eval(Source.newBuilder("R", "library(torch)\n" + code, "test.R").buildLiteral());
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
