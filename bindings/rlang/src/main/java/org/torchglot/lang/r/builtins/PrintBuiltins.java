package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RFormat;
import org.torchglot.lang.r.print.RPrinter;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Output: print, cat, str, writeLines, capture.output. */
public final class PrintBuiltins {
    private PrintBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("print", "x, digits, quote, ...", (c, a) -> {
            int digits = Arg.absent(a[1]) ? 7 : RValues.asInt(a[1]);
            c.print(printDefault(a[0], digits, Arg.flag(a[2], true)));
            c.setInvisible();
            return a[0];
        });
        t.add("cat", "..., file, sep, fill, labels, append", (c, a) -> {
            String sep = Arg.str(a[2], " ");
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (Object o : Arg.dots(a[0]).data()) {
                for (String item : catItems(o)) {
                    if (!first) {
                        sb.append(sep);
                    }
                    sb.append(item);
                    first = false;
                }
            }
            if (Arg.flag(a[3], false) && (sb.length() == 0 || sb.charAt(sb.length() - 1) != '\n')) {
                sb.append('\n');
            }
            FileOutput.emit(c, a[1], sb.toString(), Arg.flag(a[5], false));
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.add("writeLines", "text, con, sep", (c, a) -> {
            String sep = Arg.str(a[2], "\n");
            StringBuilder sb = new StringBuilder();
            RVector v = Arg.vec(a[0]);
            for (int i = 0; i < v.length(); i++) {
                sb.append(Coerce.stringAt(v, i)).append(sep);
            }
            FileOutput.emit(c, a[1], sb.toString(), false);
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.add("stdout", "", (c, a) -> RInt.of(1));
        t.add("stderr", "", (c, a) -> RInt.of(2));
        t.add("flush.console", "", (c, a) -> {
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.add("noquote", "obj", (c, a) -> {
            RVector v = Arg.vec(a[0]).copy();
            v.setAttr("class", RString.of("noquote"));
            return v;
        });
        t.add("str", "object, ...", (c, a) -> {
            StringBuilder sb = new StringBuilder();
            str(sb, a[0], " ");
            c.print(sb.toString());
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.lazy("capture.output", "...", (c, a) -> {
            RContext ctx = c.context();
            ctx.beginCapture();
            String out;
            try {
                for (Object p : Arg.lazyDots(a[0]).values()) {
                    Object v = Arg.force(p);
                    if (ctx.isVisible()) {
                        ctx.printTopLevel(v, c.env());
                    }
                }
            } finally {
                out = ctx.endCapture();
            }
            if (out.endsWith("\n")) {
                out = out.substring(0, out.length() - 1);
            }
            return out.isEmpty() ? new RString(new String[0]) : new RString(out.split("\n", -1));
        });
    }

    /** print.default, with the special layouts for conditions, noquote, and base time classes. */
    static String printDefault(Object x, int digits, boolean quote) {
        if (x instanceof RList l && RValues.inherits(l, "condition")) {
            Object call = l.length() > 1 ? l.get(1) : RNull.INSTANCE;
            String msg = RValues.asString(l.get(0));
            String cls = l.classAttr().get(0);
            return call instanceof RError.RCallText ct ? "<" + cls + " in " + ct.text() + ": " + msg + ">\n" : "<" + cls + ": " + msg + ">\n";
        }
        if (x instanceof RVector v && RValues.inherits(v, "noquote")) {
            RVector plain = v.copy();
            plain.setAttr("class", null);
            return RPrinter.print(plain, digits, false);
        }
        String time = TimeClasses.print(x);
        if (time != null) {
            return time;
        }
        return RPrinter.print(x, digits, quote);
    }

    /** Prints {@code x} through {@code print} dispatch into a string (for list elements that have a class). */
    public static String printToString(Object x, int digits) {
        RContext ctx = RContext.get(null);
        ctx.beginCapture();
        try {
            RFunction print = (RFunction) ctx.baseEnv().getLocal("print");
            RCaller.call(print, new Object[]{x}, new String[1], ctx.globalEnv(), null);
        } finally {
            return ctx.endCapture();
        }
    }

    private static String[] catItems(Object o) {
        if (o == RNull.INSTANCE) {
            return new String[0];
        }
        if (o instanceof RList l) {
            String[] r = new String[l.length()];
            for (int i = 0; i < r.length; i++) {
                Object e = l.get(i);
                if (!(e instanceof RVector ev) || ev instanceof RList || ev.length() != 1) {
                    if (e instanceof RVector ev2 && !(ev2 instanceof RList)) {
                        r[i] = String.join(" ", catItems(ev2));
                        continue;
                    }
                    throw new RErrorSignal("argument 1 (type 'list') cannot be handled by 'cat'");
                }
                r[i] = catItems(ev)[0];
            }
            return r;
        }
        if (!(o instanceof RVector v)) {
            throw new RErrorSignal("argument 1 (type '" + RValues.typeOf(o) + "') cannot be handled by 'cat'");
        }
        String[] r = new String[v.length()];
        for (int i = 0; i < r.length; i++) {
            if (v instanceof RDouble d) {
                r[i] = RNA.isNA(d.get(i)) ? "NA" : RFormat.formatDouble(d.get(i), 7);
            } else {
                String s = Coerce.stringAt(v, i);
                r[i] = s == null ? "NA" : s;
            }
        }
        return r;
    }

    /** str(): one-line summaries, lists indented with " $ name:". */
    private static void str(StringBuilder sb, Object x, String indent) {
        if (x == RNull.INSTANCE) {
            sb.append(" NULL\n");
        } else if (x instanceof RList l) {
            sb.append("List of ").append(l.length()).append('\n');
            RString names = l.names();
            int w = 0;
            for (int i = 0; i < l.length(); i++) {
                w = Math.max(w, names == null ? 0 : names.get(i).length());
            }
            for (int i = 0; i < l.length(); i++) {
                String n = names == null ? "" : names.get(i);
                sb.append(indent).append("$ ").append(RFormat.padRight(n, w)).append(':');
                str(sb, l.get(i), indent + " ..");
            }
        } else if (x instanceof RVector v) {
            String type = switch (v.type()) {
                case DOUBLE -> "num";
                case INTEGER -> "int";
                case CHARACTER -> "chr";
                default -> "logi";
            };
            sb.append(' ').append(type).append(' ');
            int n = v.length();
            int[] dim = v.dim();
            if (dim != null) {
                sb.append('[');
                for (int k = 0; k < dim.length; k++) {
                    sb.append(k > 0 ? ", " : "").append("1:").append(dim[k]);
                }
                sb.append("] ");
            } else if (n != 1) {
                sb.append("[1:").append(n).append("] ");
            }
            int shown = Math.min(n, 10);
            String[] items;
            if (v instanceof RDouble d) {
                double[] head = java.util.Arrays.copyOf(d.data(), shown);
                items = RFormat.formatDoubles(head, 3, 0);
                for (int i = 0; i < items.length; i++) {
                    items[i] = items[i].strip();
                }
            } else {
                items = new String[shown];
                for (int i = 0; i < shown; i++) {
                    String s = Coerce.stringAt(v, i);
                    items[i] = s == null ? "NA" : v.type() == org.torchglot.lang.r.runtime.RType.CHARACTER ? org.torchglot.lang.r.runtime.Deparse.quote(s) : s;
                }
            }
            sb.append(String.join(" ", items));
            if (n > shown) {
                sb.append(" ...");
            }
            sb.append('\n');
        } else if (x instanceof RFunction) {
            sb.append("function ()  \n");
        } else {
            sb.append(' ').append(RValues.classOf(x).get(0)).append('\n');
        }
    }

    static boolean isTrue(Object v) {
        return v instanceof RLogical l && l.length() == 1 && l.get(0) == 1;
    }
}
