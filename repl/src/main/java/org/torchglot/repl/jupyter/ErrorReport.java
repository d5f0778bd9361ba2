package org.torchglot.repl.jupyter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.torchglot.repl.CellSession;

/**
 * A failed cell as Jupyter shows it: {@code ename}, {@code evalue} and the traceback's lines, taken from the
 * text the REPL would print (a CPython traceback, a Node-style stack, an R error), so users read their own terms.
 */
record ErrorReport(String ename, String evalue, List<String> traceback) {

    /** R's first line: {@code Error in f(x) : message} or {@code Error: message}. */
    private static final Pattern R_ERROR = Pattern.compile("Error(?: in .*? :(?: |$)|: )(.*)");

    /** The report of a cell that ended with {@code outcome}, whose failure printed {@code printed}. */
    static ErrorReport of(CellSession.Outcome outcome, String printed) {
        List<String> lines = printed.stripTrailing().lines().toList();
        return switch (outcome) {
            case INTERRUPTED -> new ErrorReport("KeyboardInterrupt", "", lines.isEmpty() ? List.of("KeyboardInterrupt") : lines);
            case RESET -> new ErrorReport("SessionReset", "the evaluation did not stop, so the session was reset", lines);
            default -> {
                Matcher r = R_ERROR.matcher(lines.isEmpty() ? "" : lines.getFirst());
                if (r.matches()) {
                    // NOTE: R puts a long message on the line after "Error in call : ".
                    String message = r.group(1).isBlank() && lines.size() > 1 ? lines.get(1).strip() : r.group(1).strip();
                    yield new ErrorReport("Error", message, lines);
                }
                String summary = summary(lines);
                int colon = summary.indexOf(": ");
                boolean named = colon > 0 && summary.substring(0, colon).matches("[\\w.]+( [\\w.]+)?");
                yield named ? new ErrorReport(summary.substring(0, colon), summary.substring(colon + 2), lines)
                        : new ErrorReport("Error", summary, lines);
            }
        };
    }

    /** The {@code error} message's content; an {@code execute_reply} carries the same fields. */
    Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("ename", ename);
        content.put("evalue", evalue);
        content.put("traceback", traceback);
        return content;
    }

    /**
     * The line naming the error: a CPython traceback ends with it ({@code ValueError: ...}), a JavaScript stack
     * or an R error starts with it.
     */
    private static String summary(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        boolean python = lines.getFirst().startsWith("Traceback (most recent call last)") || lines.getFirst().startsWith("  File ");
        if (python) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank() && !Character.isWhitespace(lines.get(i).charAt(0))) {
                    return lines.get(i);
                }
            }
        }
        return lines.getFirst();
    }
}
