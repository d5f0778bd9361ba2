package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.List;


/** R's argument matching: exact names, then unique partial names (before {@code ...}), then positions, then {@code ...}. */
public final class ArgMatcher {
    private ArgMatcher() {
    }

    /**
     * Returns one entry per formal: the supplied value, null when unmatched, and for {@code ...} an {@link RDots}.
     * Supplied values may be promises or {@link RMissing} (an empty argument).
     */
    public static Object[] match(String[] formals, Object[] values, String[] names) {
        int n = formals.length;
        Object[] matched = new Object[n];
        boolean[] used = new boolean[values.length];
        int dots = -1;
        for (int i = 0; i < n; i++) {
            if (formals[i].equals("...")) {
                dots = i;
            }
        }
        for (int j = 0; j < values.length; j++) {
            String nm = names[j];
            if (nm == null || nm.isEmpty()) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (i != dots && formals[i].equals(nm)) {
                    if (matched[i] != null) {
                        throw new RErrorSignal("formal argument \"" + nm + "\" matched by multiple actual arguments");
                    }
                    matched[i] = values[j];
                    used[j] = true;
                    break;
                }
            }
        }
        for (int j = 0; j < values.length; j++) {
            String nm = names[j];
            if (used[j] || nm == null || nm.isEmpty()) {
                continue;
            }
            int found = -1;
            int limit = dots < 0 ? n : dots;
            for (int i = 0; i < limit; i++) {
                if (matched[i] == null && formals[i].startsWith(nm)) {
                    if (found >= 0) {
                        throw new RErrorSignal("argument " + (j + 1) + " matches multiple formal arguments");
                    }
                    found = i;
                }
            }
            if (found >= 0) {
                matched[found] = values[j];
                used[j] = true;
            }
        }
        int j = 0;
        for (int i = 0; i < n && i != dots; i++) {
            if (matched[i] != null) {
                continue;
            }
            while (j < values.length && (used[j] || names[j] != null && !names[j].isEmpty())) {
                j++;
            }
            if (j >= values.length) {
                break;
            }
            matched[i] = values[j];
            used[j] = true;
        }
        List<Object> restValues = new ArrayList<>();
        List<String> restNames = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            if (!used[k]) {
                restValues.add(values[k]);
                restNames.add(names[k]);
            }
        }
        if (dots >= 0) {
            matched[dots] = restValues.isEmpty() ? RDots.EMPTY : new RDots(restValues.toArray(), restNames.toArray(new String[0]));
        } else if (!restValues.isEmpty()) {
            StringBuilder sb = new StringBuilder(restValues.size() == 1 ? "unused argument (" : "unused arguments (");
            for (int k = 0; k < restValues.size(); k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                if (restNames.get(k) != null) {
                    sb.append(restNames.get(k)).append(" = ");
                }
                Object v = restValues.get(k);
                sb.append(v instanceof RPromise p && p.expr() != null ? p.expr().deparse() : RDeparser.deparse(RPromise.forceValue(v)));
            }
            throw new RErrorSignal(sb.append(')').toString());
        }
        return matched;
    }
}
