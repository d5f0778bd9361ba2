package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.RBuiltinBody;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RBuiltin;

/** Where builtin groups define their functions (into the base environment). */
public final class BuiltinTable {
    private final REnvironment base;

    BuiltinTable(REnvironment base) {
        this.base = base;
    }

    /** An eager builtin; {@code formals} is a comma-separated list of names. */
    public void add(String name, String formals, RBuiltinBody body) {
        base.put(name, new RBuiltin(name, split(formals), false, body));
    }

    /** A builtin that receives its arguments as unevaluated promises. */
    public void lazy(String name, String formals, RBuiltinBody body) {
        base.put(name, new RBuiltin(name, split(formals), true, body));
    }

    public void value(String name, Object value) {
        base.put(name, value);
    }

    private static String[] split(String formals) {
        if (formals.isBlank()) {
            return new String[0];
        }
        String[] r = formals.split(",");
        for (int i = 0; i < r.length; i++) {
            r[i] = r[i].trim();
        }
        return r;
    }
}
