package org.torchglot.bindings.coverage;

import java.util.List;
import java.util.Optional;

/**
 * Whether an op's parameter names fit the real overloads: one overload takes our positional names in our order, and
 * every other name of ours is known there or in a sibling overload (one op of ours may join PyTorch's
 * {@code std(dim, unbiased)} and {@code std(dim, *, correction)}).
 */
final class SignatureMatch {
    private SignatureMatch() {
    }

    /**
     * Why {@code ours} (parameter names as users type them) fits no overload, or empty when one accepts them all
     * as keywords, takes our positional ones in our order, and does not make our keyword-only ones positional.
     */
    static Optional<String> problem(List<String> ours, List<String> ourKeywordOnly, List<List<RealApi.Param>> overloads) {
        // NOTE: PyTorch's (*args) form (einsum) takes no keywords at all, so ours may name them as they like.
        if (overloads.stream().anyMatch(o -> o.size() == 1 && o.get(0).varPositional())) {
            return Optional.empty();
        }
        List<String> siblingNames = overloads.stream().flatMap(List::stream).map(RealApi.Param::name).toList();
        String best = null;
        for (List<RealApi.Param> overload : overloads) {
            String why = mismatch(ours, ourKeywordOnly, overload, siblingNames);
            if (why == null) {
                return Optional.empty();
            }
            best = best == null || why.length() < best.length() ? why : best;
        }
        return Optional.ofNullable(best);
    }

    private static String mismatch(List<String> ours, List<String> ourKeywordOnly, List<RealApi.Param> overload,
            List<String> siblingNames) {
        boolean anyKeyword = overload.stream().anyMatch(RealApi.Param::varKeyword);
        List<String> unknown = ours.stream().filter(n -> indexOf(overload, n) < 0 && !siblingNames.contains(n)).toList();
        if (!unknown.isEmpty() && !anyKeyword) {
            return "unknown " + unknown;
        }
        int last = -1;
        for (String name : ours) {
            int at = indexOf(overload, name);
            if (at < 0 || ourKeywordOnly.contains(name) || overload.get(at).keywordOnly()) {
                continue;
            }
            if (at < last) {
                return "order differs at " + name;
            }
            last = at;
        }
        for (String name : ourKeywordOnly) {
            int at = indexOf(overload, name);
            if (at >= 0 && !overload.get(at).keywordOnly() && !overload.get(at).varPositional()) {
                return name + " is positional in PyTorch";
            }
        }
        return null;
    }

    private static int indexOf(List<RealApi.Param> overload, String name) {
        for (int i = 0; i < overload.size(); i++) {
            if (overload.get(i).name().equals(name) && !overload.get(i).varKeyword()) {
                return i;
            }
        }
        return -1;
    }
}
