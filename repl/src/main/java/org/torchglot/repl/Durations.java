package org.torchglot.repl;

import java.util.Locale;

/** Elapsed times as people read them: {@code 850 ms}, {@code 2.31 s}, {@code 1 min 5 s}. */
final class Durations {

    private Durations() {
    }

    static String format(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        long whole = Math.round(seconds);
        return (whole / 60) + " min " + (whole % 60) + " s";
    }
}
