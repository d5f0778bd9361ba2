package org.torchglot.lang.r.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RString;

/** Input: readline, which a Jupyter kernel answers with an input request, a terminal with a typed line. */
public final class InputBuiltins {
    private InputBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("readline", "prompt", (c, a) -> {
            c.print(Arg.str(a[0], ""));
            return RString.of(readLine(c.context().env().in()));
        });
    }

    /** A line of standard input without its line end; "" at the end of input, as R answers when nobody can type. */
    @TruffleBoundary
    private static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new RErrorSignal("cannot read standard input: " + e.getMessage());
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
