package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.torchglot.lang.r.print.CFormat;
import org.torchglot.lang.r.runtime.RFormat;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Strings: paste, sprintf, format, formatC, nchar, case, substr, strsplit, regex functions, trimws. */
final class StringBuiltins {
    private StringBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("paste", "..., sep, collapse", (c, a) -> paste(Arg.dots(a[0]), Arg.str(a[1], " "), a[2]));
        t.add("paste0", "..., collapse", (c, a) -> paste(Arg.dots(a[0]), "", a[1]));
        t.add("sprintf", "fmt, ...", (c, a) -> sprintf(Arg.vec(a[0]), Arg.dots(a[1])));
        t.add("format", "x, trim, digits, nsmall, justify, width, big.mark, ...", (c, a) -> format(a));
        t.add("formatC", "x, width, digits, format, flag, mode, big.mark", (c, a) -> formatC(a));
        t.add("prettyNum", "x, big.mark, ...", (c, a) -> {
            RString s = (RString) Coerce.cast(Arg.vec(a[0]), RType.CHARACTER, false);
            String mark = Arg.str(a[1], "");
            return mapStrings(s, x -> bigMark(x, mark));
        });
        t.add("nchar", "x, type", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                String s = Coerce.stringAt(v, i);
                r[i] = s == null ? (v instanceof RString ? 2 : 2) : s.codePointCount(0, s.length());
            }
            RInt res = new RInt(r);
            res.setAttr("names", v.names());
            return res;
        });
        t.add("toupper", "x", (c, a) -> mapStrings(strings(a[0]), String::toUpperCase));
        t.add("tolower", "x", (c, a) -> mapStrings(strings(a[0]), String::toLowerCase));
        t.add("trimws", "x, which", (c, a) -> {
            String which = Arg.str(a[1], "both");
            return mapStrings(strings(a[0]), s -> which.equals("left") ? s.stripLeading() : which.equals("right") ? s.stripTrailing() : s.strip());
        });
        t.add("substr", "x, start, stop", (c, a) -> {
            int start = RValues.asInt(a[1]);
            int stop = RValues.asInt(a[2]);
            return mapStrings(strings(a[0]), s -> substr(s, start, stop));
        });
        t.add("substring", "text, first, last", (c, a) -> {
            RString s = strings(a[0]);
            RVector first = Arg.vec(a[1]);
            RVector last = Arg.missing(a[2]) ? RInt.of(1000000) : Arg.vec(a[2]);
            int n = Math.max(s.length(), Math.max(first.length(), last.length()));
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                String x = s.get(i % s.length());
                r[i] = x == null ? null : substr(x, Coerce.intAt(first, i % first.length()), Coerce.intAt(last, i % last.length()));
            }
            return new RString(r);
        });
        t.add("strsplit", "x, split, fixed, perl", (c, a) -> {
            RString s = strings(a[0]);
            String split = RValues.asString(a[1]);
            boolean fixed = Arg.flag(a[2], false);
            Object[] r = new Object[s.length()];
            for (int i = 0; i < r.length; i++) {
                String x = s.get(i);
                if (split.isEmpty()) {
                    r[i] = new RString(x.codePoints().mapToObj(Character::toString).toArray(String[]::new));
                } else {
                    String[] parts = x.split(fixed ? Pattern.quote(split) : regex(split), -1);
                    List<String> out = new ArrayList<>(List.of(parts));
                    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                        out.remove(out.size() - 1);
                    }
                    r[i] = new RString(out.toArray(new String[0]));
                }
            }
            RList l = new RList(r);
            l.setAttr("names", s.names());
            return l;
        });
        t.add("gsub", "pattern, replacement, x, ignore.case, perl, fixed", (c, a) -> substitute(a, true));
        t.add("sub", "pattern, replacement, x, ignore.case, perl, fixed", (c, a) -> substitute(a, false));
        t.add("grepl", "pattern, x, ignore.case, perl, fixed", (c, a) -> {
            Pattern p = compile(RValues.asString(a[0]), Arg.flag(a[4], false), Arg.flag(a[2], false));
            RString s = strings(a[1]);
            int[] r = new int[s.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = s.get(i) != null && p.matcher(s.get(i)).find() ? 1 : 0;
            }
            return new RLogical(r);
        });
        t.add("grep", "pattern, x, ignore.case, perl, value, fixed", (c, a) -> {
            Pattern p = compile(RValues.asString(a[0]), Arg.flag(a[5], false), Arg.flag(a[2], false));
            RString s = strings(a[1]);
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                if (s.get(i) != null && p.matcher(s.get(i)).find()) {
                    hits.add(i);
                }
            }
            if (Arg.flag(a[4], false)) {
                return new RString(hits.stream().map(s::get).toArray(String[]::new));
            }
            return new RInt(hits.stream().mapToInt(i -> i + 1).toArray());
        });
        t.add("startsWith", "x, prefix", (c, a) -> {
            String p = RValues.asString(a[1]);
            return logicals(strings(a[0]), s -> s.startsWith(p));
        });
        t.add("endsWith", "x, suffix", (c, a) -> {
            String p = RValues.asString(a[1]);
            return logicals(strings(a[0]), s -> s.endsWith(p));
        });
        t.add("toString", "x, collapse", (c, a) -> paste(new RList(new Object[]{a[0]}), "", RString.of(Arg.str(a[1], ", "))));
        t.add("sQuote", "x, q", (c, a) -> mapStrings(strings(a[0]), s -> "\u2018" + s + "\u2019"));
        t.add("dQuote", "x, q", (c, a) -> mapStrings(strings(a[0]), s -> "\u201C" + s + "\u201D"));
        t.add("shQuote", "string, type", (c, a) -> mapStrings(strings(a[0]), s -> "'" + s + "'"));
        t.add("strtoi", "x, base", (c, a) -> {
            RString s = strings(a[0]);
            int base = Arg.integer(a[1], 10);
            int[] r = new int[s.length()];
            for (int i = 0; i < r.length; i++) {
                try {
                    r[i] = Integer.parseInt(s.get(i), base);
                } catch (NumberFormatException e) {
                    r[i] = RNA.INT;
                }
            }
            return new RInt(r);
        });
        t.add("strrep", "x, times", (c, a) -> {
            int n = RValues.asInt(a[1]);
            return mapStrings(strings(a[0]), s -> s.repeat(n));
        });
    }

    private static RString strings(Object x) {
        if (x == RNull.INSTANCE) {
            return new RString(new String[0]);
        }
        return (RString) Coerce.cast(Arg.vec(x), RType.CHARACTER, true);
    }

    private static RString mapStrings(RString s, UnaryOperator<String> f) {
        String[] r = new String[s.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = s.get(i) == null ? null : f.apply(s.get(i));
        }
        RString res = new RString(r);
        res.setAttr("names", s.names());
        res.setAttr("dim", s.getAttr("dim"));
        return res;
    }

    private static RLogical logicals(RString s, java.util.function.Predicate<String> f) {
        int[] r = new int[s.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = s.get(i) == null ? RNA.INT : f.test(s.get(i)) ? 1 : 0;
        }
        return new RLogical(r);
    }

    private static String substr(String s, int start, int stop) {
        int from = Math.max(1, start) - 1;
        int to = Math.min(stop, s.length());
        return from >= to ? "" : s.substring(from, to);
    }

    /** R's (extended, POSIX-class) regular expressions mapped to Java's. */
    private static String regex(String p) {
        return p.replace("[[:space:]]", "\\s").replace("[:space:]", "\\s").replace("[[:digit:]]", "\\d").replace("[:digit:]", "\\d")
                        .replace("[[:alpha:]]", "\\p{Alpha}").replace("[:alpha:]", "\\p{Alpha}").replace("[[:punct:]]", "\\p{Punct}")
                        .replace("[:punct:]", "\\p{Punct}").replace("[[:alnum:]]", "\\p{Alnum}").replace("[:alnum:]", "\\p{Alnum}")
                        .replace("[[:upper:]]", "\\p{Upper}").replace("[[:lower:]]", "\\p{Lower}");
    }

    private static Pattern compile(String pattern, boolean fixed, boolean ignoreCase) {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return fixed ? Pattern.compile(Pattern.quote(pattern), flags) : Pattern.compile(regex(pattern), flags);
    }

    private static Object substitute(Object[] a, boolean all) {
        boolean fixed = Arg.flag(a[5], false);
        Pattern p = compile(RValues.asString(a[0]), fixed, Arg.flag(a[3], false));
        String rep = RValues.asString(a[1]);
        String javaRep;
        if (fixed) {
            javaRep = Matcher.quoteReplacement(rep);
        } else {
            // NOTE: R writes back-references as \\1; Java wants $1, and a literal $ must be escaped.
            javaRep = rep.replace("\\", "\u0000").replace("$", "\\$");
            javaRep = javaRep.replaceAll("\u0000(\\d)", "\\$$1").replace("\u0000", "\\\\");
        }
        String jr = javaRep;
        return mapStrings(strings(a[2]), s -> all ? p.matcher(s).replaceAll(jr) : p.matcher(s).replaceFirst(jr));
    }

    /** paste: as.character of each argument, recycled; NULL and zero-length arguments are dropped. */
    static Object paste(RList parts, String sep, Object collapse) {
        List<RString> vs = new ArrayList<>();
        int n = 0;
        for (Object p : parts.data()) {
            RString s = p instanceof RList l ? listStrings(l) : strings(p);
            if (s.length() > 0) {
                vs.add(s);
                n = Math.max(n, s.length());
            }
        }
        String[] r = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < vs.size(); k++) {
                if (k > 0) {
                    sb.append(sep);
                }
                String x = vs.get(k).get(i % vs.get(k).length());
                sb.append(x == null ? "NA" : x);
            }
            r[i] = sb.toString();
        }
        if (!Arg.absent(collapse)) {
            return RString.of(String.join(RValues.asString(collapse), r));
        }
        return new RString(r);
    }

    private static RString listStrings(RList l) {
        String[] r = new String[l.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = Coerce.stringAt(l, i);
        }
        return new RString(r);
    }

    private static final Pattern SPEC = Pattern.compile("%(?:(\\d+)\\$)?([-+ 0#]*)(\\*|\\d+)?(?:\\.(\\d+))?([dioxXfeEgGs%])");

    static RString sprintf(RVector fmt, RList args) {
        int n = fmt.length();
        for (Object o : args.data()) {
            int len = Arg.vec(o).length();
            if (len == 0) {
                return new RString(new String[0]);
            }
            n = Math.max(n, len);
        }
        String[] r = new String[n];
        for (int i = 0; i < n; i++) {
            String f = Coerce.stringAt(fmt, i % fmt.length());
            Matcher m = SPEC.matcher(f);
            StringBuilder sb = new StringBuilder();
            int argIndex = 0;
            int last = 0;
            while (m.find()) {
                sb.append(f, last, m.start());
                last = m.end();
                char conv = m.group(5).charAt(0);
                if (conv == '%') {
                    sb.append('%');
                    continue;
                }
                int ai = m.group(1) != null ? Integer.parseInt(m.group(1)) - 1 : argIndex++;
                String flags = m.group(2);
                int width = 0;
                if ("*".equals(m.group(3))) {
                    width = RValues.asInt(args.get(ai));
                    ai = argIndex++;
                } else if (m.group(3) != null) {
                    width = Integer.parseInt(m.group(3));
                }
                int prec = m.group(4) == null ? -1 : Integer.parseInt(m.group(4));
                if (ai >= args.length()) {
                    throw new RErrorSignal("too few arguments");
                }
                RVector v = Arg.vec(args.get(ai));
                sb.append(formatOne(v, i % v.length(), conv, flags, width, prec));
            }
            sb.append(f.substring(last));
            r[i] = sb.toString();
        }
        return new RString(r);
    }

    private static String formatOne(RVector v, int i, char conv, String flags, int width, int prec) {
        if (conv == 's') {
            String s = v instanceof RDouble d ? RFormat.formatDouble(d.get(i), 15) : Coerce.stringAt(v, i);
            if (s == null) {
                s = "NA";
            }
            if (prec >= 0 && s.length() > prec) {
                s = s.substring(0, prec);
            }
            return CFormat.pad("", s, flags.replace("0", ""), width);
        }
        if (v instanceof RString) {
            throw new RErrorSignal("invalid format '%" + conv + "'; use format %s for character objects");
        }
        double x = Coerce.doubleAt(v, i);
        if ((conv == 'd' || conv == 'i') && v instanceof RDouble && x != Math.rint(x) && !Double.isNaN(x)) {
            throw new RErrorSignal("invalid format '%" + conv + "'; use format %f, %e, %g or %a for numeric objects");
        }
        if (RNA.isNA(x) || v.isNA(i)) {
            return CFormat.pad("", "NA", flags.replace("0", ""), width);
        }
        return CFormat.number(x, conv, flags, width, prec);
    }

    private static String bigMark(String s, String mark) {
        if (mark.isEmpty()) {
            return s;
        }
        int start = s.startsWith("-") ? 1 : 0;
        int dot = s.indexOf('.');
        int end = dot < 0 ? s.length() : dot;
        StringBuilder intPart = new StringBuilder(s.substring(start, end));
        for (int k = intPart.length() - 3; k > 0; k -= 3) {
            intPart.insert(k, mark);
        }
        return s.substring(0, start) + intPart + s.substring(end);
    }

    /** format(): a common format for the whole vector, padded to a common width; names and dim kept. */
    private static Object format(Object[] a) {
        Object x = a[0];
        if (x == RNull.INSTANCE) {
            return new RString(new String[0]);
        }
        if (x instanceof RList l) {
            String[] r = new String[l.length()];
            for (int i = 0; i < r.length; i++) {
                Object e = l.get(i);
                Object f = format(new Object[]{e, a[1], a[2], a[3], a[4], a[5], a[6], a[7]});
                r[i] = f instanceof RString s ? String.join(", ", s.data()) : "";
            }
            RString res = new RString(r);
            res.setAttr("names", l.names());
            return res;
        }
        RVector v = Arg.vec(x);
        boolean trim = Arg.flag(a[1], false);
        int digits = Arg.absent(a[2]) ? 7 : RValues.asInt(a[2]);
        int nsmall = Arg.integer(a[3], 0);
        int width = Arg.absent(a[5]) ? 0 : RValues.asInt(a[5]);
        String mark = Arg.str(a[6], "");
        String[] r = new String[v.length()];
        if (v instanceof RDouble d) {
            RFormat.Fmt f = RFormat.formatReal(d.data(), digits, nsmall);
            for (int i = 0; i < r.length; i++) {
                r[i] = bigMark(RFormat.encodeReal(d.get(i), new RFormat.Fmt(0, f.decimals(), f.expDigits())).strip(), mark);
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                String s = Coerce.stringAt(v, i);
                r[i] = s == null ? "NA" : v instanceof RInt ? bigMark(s, mark) : s;
            }
        }
        int w = width;
        for (String s : r) {
            w = Math.max(w, s.length());
        }
        String justify = Arg.str(a[4], "left");
        for (int i = 0; i < r.length && !trim; i++) {
            if (v instanceof RString) {
                r[i] = justify.equals("right") ? RFormat.pad(r[i], w) : justify.equals("centre") ? center(r[i], w) : RFormat.padRight(r[i], w);
            } else {
                r[i] = RFormat.pad(r[i], w);
            }
        }
        RString res = new RString(r);
        res.setAttr("names", v.names());
        res.setAttr("dim", v.getAttr("dim"));
        res.setAttr("dimnames", v.getAttr("dimnames"));
        return res;
    }

    private static String center(String s, int w) {
        int total = w - s.length();
        int left = total / 2;
        return " ".repeat(Math.max(0, left)) + s + " ".repeat(Math.max(0, total - left));
    }

    private static Object formatC(Object[] a) {
        RVector v = Arg.vec(a[0]);
        int width = Arg.integer(a[1], 0);
        int digits = Arg.absent(a[2]) ? -1 : RValues.asInt(a[2]);
        String fmt = Arg.str(a[3], v instanceof RInt || v instanceof RLogical ? "d" : v instanceof RString ? "s" : "g");
        String flag = Arg.str(a[4], "");
        String mark = Arg.str(a[6], "");
        String[] r = new String[v.length()];
        for (int i = 0; i < r.length; i++) {
            if (fmt.equals("s")) {
                r[i] = CFormat.pad("", Coerce.stringAt(v, i), flag, width);
            } else {
                String s = CFormat.number(Coerce.doubleAt(v, i), fmt.charAt(0), flag.replace("0", ""), 0, digits);
                s = bigMark(s, mark);
                r[i] = CFormat.pad("", s, flag, width);
            }
        }
        RString res = new RString(r);
        res.setAttr("names", v.names());
        return res;
    }
}
