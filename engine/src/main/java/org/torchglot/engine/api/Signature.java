package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed op signature such as
 * {@code sum(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor}.
 * A type ending in {@code ...} gathers the remaining positional arguments ({@code zeros(int... size)}).
 * The return type {@code IndexTensor} marks results holding positions, which R reports 1-based.
 * A parameter may carry the name PyTorch's function form gives it after a bar: in
 * {@code split(Tensor self|tensor, int split_size|split_size_or_sections, dim dim=0)} the method
 * {@code x.split(split_size=2)} and R use the first names, {@code torch.split(tensor=x, split_size_or_sections=2)}
 * the second; a first {@code self} without one is {@code input} in the function form, as in PyTorch.
 * Where R torch names a parameter otherwise, its name follows an at sign: {@code bool as_tuple@as_list=False}.
 * Every spelling is accepted as a keyword in every language.
 */
public record Signature(String name, List<Param> params, String returns, Map<String, String> functionNames,
        Map<String, String> rNames) {

    /** One declared parameter. */
    public record Param(String name, ParamType type, boolean optional, boolean variadic, boolean keywordOnly,
            String defaultText) {
        public boolean hasDefault() {
            return defaultText != null;
        }

        @Override
        public String toString() {
            return type.spelling() + (variadic ? "..." : "") + (optional ? "?" : "") + " " + name
                    + (defaultText != null ? "=" + defaultText : "");
        }
    }

    public static Signature parse(String text) {
        int open = text.indexOf('(');
        int close = text.indexOf(')', open);
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("bad signature: " + text);
        }
        String name = text.substring(0, open).trim();
        String arrow = text.substring(close + 1).trim();
        String returns = arrow.startsWith("->") ? arrow.substring(2).trim() : "Tensor";
        List<Param> params = new ArrayList<>();
        Map<String, String> functionNames = new LinkedHashMap<>();
        Map<String, String> rNames = new LinkedHashMap<>();
        boolean keywordOnly = false;
        String inside = text.substring(open + 1, close).trim();
        if (!inside.isEmpty()) {
            for (String part : splitTopLevel(inside)) {
                String p = part.trim();
                if (p.equals("*")) {
                    keywordOnly = true;
                    continue;
                }
                String defaultText = null;
                int eq = p.indexOf('=');
                if (eq >= 0) {
                    defaultText = p.substring(eq + 1).trim();
                    p = p.substring(0, eq).trim();
                }
                int space = p.lastIndexOf(' ');
                String type = p.substring(0, space).trim();
                String pname = p.substring(space + 1).trim();
                int at = pname.indexOf('@');
                String rName = at >= 0 ? pname.substring(at + 1) : null;
                pname = at >= 0 ? pname.substring(0, at) : pname;
                int bar = pname.indexOf('|');
                if (bar >= 0) {
                    functionNames.put(pname.substring(0, bar), pname.substring(bar + 1));
                    pname = pname.substring(0, bar);
                }
                if (rName != null) {
                    rNames.put(pname, rName);
                }
                boolean optional = type.endsWith("?");
                if (optional) {
                    type = type.substring(0, type.length() - 1);
                }
                boolean variadic = type.endsWith("...");
                if (variadic) {
                    type = type.substring(0, type.length() - 3);
                }
                params.add(new Param(pname, ParamType.parse(type), optional, variadic, keywordOnly, defaultText));
            }
        }
        if (!params.isEmpty() && params.get(0).name().equals("self")) {
            functionNames.putIfAbsent("self", "input");
        }
        return new Signature(name, List.copyOf(params), returns, Map.copyOf(functionNames), Map.copyOf(rNames));
    }

    /** The name PyTorch's function form ({@code torch.split}) gives a parameter: {@code input} for {@code self}. */
    public String functionName(Param param) {
        return functionNames.getOrDefault(param.name(), param.name());
    }

    /** The name R torch gives a parameter ({@code as_list} for {@code nonzero}'s {@code as_tuple}). */
    public String rName(Param param) {
        return rNames.getOrDefault(param.name(), param.name());
    }

    /** The position of the parameter a keyword names, by its own, its function-form or its R name, or -1. */
    public int indexOfKeyword(String keyword) {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.name().equals(keyword) || keyword.equals(functionNames.get(p.name()))
                    || keyword.equals(rNames.get(p.name()))) {
                return i;
            }
        }
        return -1;
    }

    /** This signature as PyTorch's function form spells it ({@code matmul(Tensor input, Tensor other) -> Tensor}). */
    public String toFunctionString() {
        String text = toString();
        for (Map.Entry<String, String> e : functionNames.entrySet()) {
            text = text.replaceFirst("(?<=[ (])" + java.util.regex.Pattern.quote(e.getKey()) + "(?=[,)=])", e.getValue());
        }
        return text;
    }

    /** Splits on commas outside brackets, so a default such as {@code dims=[0, 1]} stays whole. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '[' || ch == '(') {
                depth++;
            } else if (ch == ']' || ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The position of {@code self}, the tensor a method is called on ({@code x.sum()}, and second in
     * {@code polygamma(int n, Tensor self)}), or -1: an op with a {@code self} parameter is a tensor method.
     */
    public int selfIndex() {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals("self")) {
                return i;
            }
        }
        return -1;
    }

    /** True when results are positions (argmax, max's indices), which R shows 1-based. */
    public boolean returnsIndices() {
        return returns.contains("IndexTensor");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        boolean star = false;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (p.keywordOnly() && !star) {
                sb.append("*, ");
                star = true;
            }
            sb.append(p);
        }
        return sb.append(") -> ").append(returns).toString();
    }
}
