package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RString;

/** Installs every base function, grouped by concern; this is the one list of what base R offers here. */
public final class Builtins {
    private Builtins() {
    }

    public static void installAll(RContext ctx, REnvironment base) {
        BuiltinTable t = new BuiltinTable(base);
        LanguageBuiltins.install(t);
        HelpBuiltins.install(t);
        ConditionBuiltins.install(t);
        EnvironmentBuiltins.install(t);
        OperatorBuiltins.install(t);
        ConstructorBuiltins.install(t);
        AttributeBuiltins.install(t);
        TypeBuiltins.install(t);
        SequenceBuiltins.install(t);
        MathBuiltins.install(t);
        StringBuiltins.install(t);
        MatrixBuiltins.install(t);
        ApplyBuiltins.install(t);
        PrintBuiltins.install(t);
        InputBuiltins.install(t);
        RandomBuiltins.install(t);
        TimeClasses.install(t);
        t.value("T", RLogical.of(true));
        t.value("F", RLogical.of(false));
        t.value("pi", RDouble.of(Math.PI));
        String[] upper = new String[26];
        String[] lower = new String[26];
        for (int i = 0; i < 26; i++) {
            upper[i] = String.valueOf((char) ('A' + i));
            lower[i] = String.valueOf((char) ('a' + i));
        }
        t.value("LETTERS", new RString(upper));
        t.value("letters", new RString(lower));
        t.value("month.name", RString.of("January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"));
        t.value(".Machine", org.torchglot.lang.r.runtime.RList.of(java.util.List.of(RDouble.of(Math.ulp(1.0)),
                        org.torchglot.lang.r.runtime.RInt.of(Integer.MAX_VALUE), RDouble.of(Double.MAX_VALUE)),
                        java.util.List.of("double.eps", "integer.max", "double.xmax")));
    }
}
