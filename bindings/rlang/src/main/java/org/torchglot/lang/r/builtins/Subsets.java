package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RVector;
import org.torchglot.lang.r.runtime.Extract;

/** Small slicing helpers shared by builtins (head, tail, append, rev). */
final class Subsets {
    private Subsets() {
    }

    /** Elements {@code [from, to)} with their names. */
    static RVector range(RVector x, int from, int to) {
        from = Math.max(0, Math.min(from, x.length()));
        to = Math.max(from, Math.min(to, x.length()));
        int[] pos = new int[to - from];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = from + i;
        }
        return positions(x, pos);
    }

    static RVector positions(RVector x, int[] pos) {
        RVector r = Extract.gather(x, pos);
        RString names = x.names();
        if (names != null) {
            r.setAttr("names", Extract.gather(names, pos));
        }
        return r;
    }
}
