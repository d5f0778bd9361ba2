package org.torchglot.lang.r.print;

import java.util.Map;

import org.torchglot.lang.r.runtime.RFormat;
import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RVector;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * {@code print()} as R 4.x lays values out: {@code [1]} index labels with wrapping at 80 columns, named vectors
 * with a names row, lists with {@code [[1]]}/{@code $name} headers, matrices with {@code [1,]}/{@code [,1]} labels.
 */
public final class RPrinter {
    public static final int WIDTH = 80;
    private static final int GAP = 1;

    private final int digits;
    private final boolean quote;

    private RPrinter(int digits, boolean quote) {
        this.digits = digits;
        this.quote = quote;
    }

    /** The printed form of {@code v} (ends with a newline). */
    @TruffleBoundary
    public static String print(Object v, int digits, boolean quote) {
        StringBuilder sb = new StringBuilder();
        new RPrinter(digits, quote).value(sb, v, "");
        return sb.toString();
    }

    public static String print(Object v) {
        return print(v, 7, true);
    }

    /** For interop's toDisplayString: the printed form without the trailing newline. */
    @TruffleBoundary
    public static String toDisplayString(Object v) {
        String s = print(v);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private void value(StringBuilder sb, Object v, String prefix) {
        if (v == RNull.INSTANCE || v == null) {
            sb.append("NULL\n");
        } else if (v instanceof RList l) {
            list(sb, l, prefix);
            attributes(sb, l);
        } else if (v instanceof RVector vec) {
            vector(sb, vec);
            attributes(sb, vec);
        } else if (v instanceof RClosure c) {
            sb.append(c.root().getSourceSection() == null ? "function(...)" : c.root().getSourceSection().getCharacters()).append('\n');
        } else if (v instanceof RBuiltin b) {
            sb.append("function (").append(String.join(", ", b.formals())).append(") .Primitive(\"").append(b.name()).append("\")\n");
        } else if (v instanceof REnvironment e) {
            sb.append(environmentLabel(e)).append('\n');
        } else if (v instanceof RExternal x) {
            sb.append("<pointer: ").append(x.host()).append(">\n");
            attributes(sb, x);
        } else if (v instanceof RError.RCallText t) {
            sb.append(t.text()).append('\n');
        } else {
            sb.append(InteropLibrary.getUncached().toDisplayString(v)).append('\n');
        }
    }

    public static String environmentLabel(REnvironment e) {
        if (e.name() != null) {
            return "<environment: " + e.name() + ">";
        }
        return "<environment: 0x" + Integer.toHexString(System.identityHashCode(e)) + ">";
    }

    private void attributes(StringBuilder sb, org.torchglot.lang.r.runtime.RAttributable a) {
        for (Map.Entry<String, Object> e : a.attributes().entrySet()) {
            String k = e.getKey();
            if (k.equals("names") || k.equals("dim") || k.equals("dimnames") || k.equals("srcref")) {
                continue;
            }
            sb.append("attr(,\"").append(k).append("\")\n");
            value(sb, e.getValue(), "");
        }
    }

    /** The elements of an atomic vector, each formatted to the vector's common width. */
    public String[] formatElements(RVector v, boolean rightJustifyStrings) {
        int n = v.length();
        String[] r = new String[n];
        if (v instanceof RDouble d) {
            return RFormat.formatDoubles(d.data(), digits, 0);
        }
        if (v instanceof RString s) {
            int w = 0;
            for (int i = 0; i < n; i++) {
                r[i] = s.get(i) == null ? (quote ? "NA" : "<NA>") : quote ? Deparse.quote(s.get(i)) : s.get(i);
                w = Math.max(w, r[i].length());
            }
            for (int i = 0; i < n; i++) {
                r[i] = rightJustifyStrings ? RFormat.pad(r[i], w) : RFormat.padRight(r[i], w);
            }
            return r;
        }
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (v instanceof RLogical l) {
                r[i] = l.get(i) == RNA.INT ? "NA" : l.get(i) != 0 ? "TRUE" : "FALSE";
            } else {
                int x = ((RInt) v).get(i);
                r[i] = x == RNA.INT ? "NA" : Integer.toString(x);
            }
            w = Math.max(w, r[i].length());
        }
        for (int i = 0; i < n; i++) {
            r[i] = RFormat.pad(r[i], w);
        }
        return r;
    }

    private void vector(StringBuilder sb, RVector v) {
        int n = v.length();
        int[] dims = v.dim();
        if (dims != null && dims.length == 2) {
            matrix(sb, v, dims, 0);
            return;
        }
        if (dims != null && dims.length > 2) {
            array(sb, v, dims);
            return;
        }
        RString names = v.names();
        if (n == 0) {
            sb.append(names != null ? "named " : "").append(emptyName(v)).append('\n');
            return;
        }
        if (names != null) {
            namedVector(sb, v, names);
            return;
        }
        String[] items = formatElements(v, false);
        int w = items[0].length();
        int labwidth = Integer.toString(n).length() + 2;
        int width = labwidth;
        sb.append(RFormat.pad("[1]", labwidth));
        for (int i = 0; i < n; i++) {
            if (i > 0 && width + w + GAP > WIDTH) {
                sb.append('\n').append(RFormat.pad("[" + (i + 1) + "]", labwidth));
                width = labwidth;
            }
            sb.append(' ').append(items[i]);
            width += w + GAP;
        }
        sb.append('\n');
    }

    private static String emptyName(RVector v) {
        return switch (v.type()) {
            case LOGICAL -> "logical(0)";
            case INTEGER -> "integer(0)";
            case DOUBLE -> "numeric(0)";
            case CHARACTER -> "character(0)";
            default -> "list()";
        };
    }

    private void namedVector(StringBuilder sb, RVector v, RString names) {
        int n = v.length();
        String[] items = formatElements(v, true);
        int w = items[0].length();
        String[] ns = new String[n];
        for (int i = 0; i < n; i++) {
            ns[i] = names.get(i) == null ? "<NA>" : names.get(i);
            w = Math.max(w, ns[i].length());
        }
        int perLine = Math.max(1, WIDTH / (w + GAP));
        for (int start = 0; start < n; start += perLine) {
            int end = Math.min(n, start + perLine);
            for (int i = start; i < end; i++) {
                sb.append(RFormat.pad(ns[i], w)).append(' ');
            }
            sb.append('\n');
            for (int i = start; i < end; i++) {
                sb.append(RFormat.pad(items[i], w)).append(' ');
            }
            sb.append('\n');
        }
    }

    private void list(StringBuilder sb, RList l, String prefix) {
        int n = l.length();
        RString names = l.names();
        if (n == 0) {
            sb.append(names != null ? "named list()" : "list()").append('\n');
            return;
        }
        for (int i = 0; i < n; i++) {
            String tag;
            if (names != null && names.get(i) != null && !names.get(i).isEmpty()) {
                tag = prefix + "$" + Deparse.symbol(names.get(i));
            } else {
                tag = prefix + "[[" + (i + 1) + "]]";
            }
            sb.append(tag).append('\n');
            Object e = l.get(i);
            if (e instanceof RList sub && sub.length() > 0 && sub.classAttr() == null) {
                list(sb, sub, tag);
                attributes(sb, sub);
            } else {
                Object printed = e;
                sb.append(printElement(printed));
            }
            sb.append('\n');
        }
    }

    /** Nested elements go through print dispatch so classed values (tensors) print their way. */
    private String printElement(Object e) {
        if (org.torchglot.lang.r.runtime.Dispatch.isClassed(e)) {
            return org.torchglot.lang.r.builtins.PrintBuiltins.printToString(e, digits);
        }
        StringBuilder sb = new StringBuilder();
        value(sb, e, "");
        return sb.toString();
    }

    private String[] columnStrings(RVector v, int nr, int col) {
        RVector column = v.createEmpty(nr);
        for (int i = 0; i < nr; i++) {
            column.setFrom(i, v, i + col * nr);
        }
        return formatElements(column, false);
    }

    /** A matrix (or one slice of an array, starting at {@code offset}). */
    private void matrix(StringBuilder sb, RVector v, int[] dims, int offset) {
        int nr = dims[0];
        int nc = dims[1];
        RVector slice = v;
        if (offset != 0 || v.length() != nr * nc) {
            slice = v.createEmpty(nr * nc);
            for (int i = 0; i < nr * nc; i++) {
                slice.setFrom(i, v, offset + i);
            }
        }
        RList dimnames = v.getAttr("dimnames") instanceof RList dn ? dn : null;
        RString rowNames = dimnames != null && dimnames.get(0) instanceof RString s ? s : null;
        RString colNames = dimnames != null && dimnames.length() > 1 && dimnames.get(1) instanceof RString s ? s : null;
        if (nr == 0 || nc == 0) {
            sb.append("<").append(nr).append(" x ").append(nc).append(" matrix>\n");
            return;
        }
        boolean leftAlign = v instanceof RString;
        String[] rowLabels = new String[nr];
        int rlabw = 0;
        for (int i = 0; i < nr; i++) {
            rowLabels[i] = rowNames != null ? (rowNames.get(i) == null ? "<NA>" : rowNames.get(i)) : "[" + (i + 1) + ",]";
            rlabw = Math.max(rlabw, rowLabels[i].length());
        }
        String[][] cells = new String[nc][];
        String[] colLabels = new String[nc];
        int[] w = new int[nc];
        for (int j = 0; j < nc; j++) {
            if (v instanceof RList) {
                cells[j] = new String[nr];
                for (int i = 0; i < nr; i++) {
                    cells[j][i] = Coerce.stringAt(slice, i + j * nr);
                }
            } else {
                cells[j] = columnStrings(slice, nr, j);
            }
            colLabels[j] = colNames != null ? (colNames.get(j) == null ? "<NA>" : colNames.get(j)) : "[," + (j + 1) + "]";
            w[j] = colLabels[j].length();
            for (String c : cells[j]) {
                w[j] = Math.max(w[j], c.length());
            }
        }
        int start = 0;
        while (start < nc) {
            int width = rlabw;
            int end = start;
            while (end < nc && (end == start || width + w[end] + GAP < WIDTH)) {
                width += w[end] + GAP;
                end++;
            }
            sb.append(" ".repeat(rlabw));
            for (int j = start; j < end; j++) {
                sb.append(' ').append(leftAlign ? RFormat.padRight(colLabels[j], w[j]) : RFormat.pad(colLabels[j], w[j]));
            }
            sb.append('\n');
            for (int i = 0; i < nr; i++) {
                sb.append(rowNames != null ? RFormat.padRight(rowLabels[i], rlabw) : RFormat.pad(rowLabels[i], rlabw));
                for (int j = start; j < end; j++) {
                    String c = cells[j][i].strip();
                    sb.append(' ').append(leftAlign ? RFormat.padRight(cells[j][i].stripTrailing(), w[j]) : RFormat.pad(c, w[j]));
                }
                sb.append('\n');
            }
            start = end;
        }
    }

    private void array(StringBuilder sb, RVector v, int[] dims) {
        int sliceSize = dims[0] * dims[1];
        int slices = 1;
        for (int k = 2; k < dims.length; k++) {
            slices *= dims[k];
        }
        int[] counter = new int[dims.length - 2];
        for (int s = 0; s < slices; s++) {
            sb.append(", , ");
            for (int k = 0; k < counter.length; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append(counter[k] + 1);
            }
            sb.append("\n\n");
            matrix(sb, v, new int[]{dims[0], dims[1]}, s * sliceSize);
            sb.append('\n');
            for (int k = 0; k < counter.length; k++) {
                if (++counter[k] < dims[k + 2]) {
                    break;
                }
                counter[k] = 0;
            }
        }
    }
}
