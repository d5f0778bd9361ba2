package org.torchglot.lang.r.builtins;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.torchglot.lang.r.runtime.RFormat;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/** Printing and subtraction of the base time classes that tutorials meet: {@code Sys.time()} and its differences. */
final class TimeClasses {
    private TimeClasses() {
    }

    static void install(BuiltinTable t) {
        t.add("-.POSIXct", "e1, e2", (c, a) -> {
            double d = RValues.asDouble(a[0]) - RValues.asDouble(a[1]);
            if (RValues.inherits(a[1], "POSIXct")) {
                return difference(d);
            }
            RDouble r = RDouble.of(d);
            r.setAttr("class", RString.of("POSIXct", "POSIXt"));
            return r;
        });
        t.add("difftime", "time1, time2, tz, units", (c, a) -> {
            double d = RValues.asDouble(a[0]) - RValues.asDouble(a[1]);
            String units = Arg.str(a[3], "auto");
            if (units.equals("auto")) {
                return difference(d);
            }
            double scale = switch (units) {
                case "mins" -> 60;
                case "hours" -> 3600;
                case "days" -> 86400;
                default -> 1;
            };
            RDouble r = RDouble.of(d / scale);
            r.setAttr("class", RString.of("difftime"));
            r.setAttr("units", RString.of(units));
            return r;
        });
    }

    /** The printed form of a POSIXct or difftime value, or null for anything else. */
    static String print(Object x) {
        if (x instanceof RDouble d && d.length() == 1 && RValues.inherits(d, "POSIXct")) {
            Instant t = Instant.ofEpochMilli((long) (d.get(0) * 1000));
            return "[1] \"" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault()).format(t) + "\"\n";
        }
        if (x instanceof RDouble d && d.length() == 1 && RValues.inherits(d, "difftime")) {
            Object u = d.getAttr("units");
            String units = u instanceof RString s ? s.get(0) : "secs";
            return "Time difference of " + RFormat.formatDouble(d.get(0), 7) + " " + units + "\n";
        }
        return null;
    }

    /** {@code t1 - t0} for POSIXct values: a difftime in the largest unit below the difference, as R chooses. */
    static RDouble difference(double seconds) {
        double abs = Math.abs(seconds);
        String units;
        double value;
        if (abs < 60) {
            units = "secs";
            value = seconds;
        } else if (abs < 3600) {
            units = "mins";
            value = seconds / 60;
        } else if (abs < 86400) {
            units = "hours";
            value = seconds / 3600;
        } else {
            units = "days";
            value = seconds / 86400;
        }
        RDouble r = RDouble.of(value);
        r.setAttr("class", RString.of("difftime"));
        r.setAttr("units", RString.of(units));
        return r;
    }
}
