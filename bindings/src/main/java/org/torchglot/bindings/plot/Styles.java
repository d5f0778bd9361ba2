package org.torchglot.bindings.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * matplotlib's style vocabulary: colour specs ({@code 'r'}, {@code 'red'}, {@code '#1f77b4'},
 * {@code 'C1'}, {@code 'tab:orange'}), format strings ({@code 'r--'}, {@code 'bo'}, {@code 'g^-'}),
 * line styles and markers, and the default colour cycle.
 */
final class Styles {

    /** matplotlib's default property cycle (the tab10 palette). */
    static final Color[] CYCLE = {
        hex("#1f77b4"), hex("#ff7f0e"), hex("#2ca02c"), hex("#d62728"), hex("#9467bd"),
        hex("#8c564b"), hex("#e377c2"), hex("#7f7f7f"), hex("#bcbd22"), hex("#17becf"),
    };

    private static final Map<String, Color> LETTERS = Map.of(
            "b", hex("#0000ff"), "g", hex("#008000"), "r", hex("#ff0000"), "c", hex("#00bfbf"),
            "m", hex("#bf00bf"), "y", hex("#bfbf00"), "k", hex("#000000"), "w", hex("#ffffff"));

    private static final Map<String, Color> NAMES = Map.ofEntries(
            Map.entry("blue", hex("#0000ff")), Map.entry("green", hex("#008000")), Map.entry("red", hex("#ff0000")),
            Map.entry("cyan", hex("#00ffff")), Map.entry("magenta", hex("#ff00ff")),
            Map.entry("yellow", hex("#ffff00")), Map.entry("black", hex("#000000")),
            Map.entry("white", hex("#ffffff")), Map.entry("orange", hex("#ffa500")),
            Map.entry("purple", hex("#800080")), Map.entry("gray", hex("#808080")),
            Map.entry("grey", hex("#808080")), Map.entry("brown", hex("#a52a2a")), Map.entry("pink", hex("#ffc0cb")),
            Map.entry("navy", hex("#000080")), Map.entry("olive", hex("#808000")),
            Map.entry("tab:blue", CYCLE[0]), Map.entry("tab:orange", CYCLE[1]), Map.entry("tab:green", CYCLE[2]),
            Map.entry("tab:red", CYCLE[3]), Map.entry("tab:purple", CYCLE[4]), Map.entry("tab:brown", CYCLE[5]),
            Map.entry("tab:pink", CYCLE[6]), Map.entry("tab:gray", CYCLE[7]), Map.entry("tab:olive", CYCLE[8]),
            Map.entry("tab:cyan", CYCLE[9]));

    private static final String MARKERS = ".,ov^<>sp*hH+xDd|_";
    private static final String[] LINE_STYLES = {"--", "-.", "-", ":"};

    private Styles() {
    }

    /** A line's look: colour (null: next in the cycle), line style (null: no line), marker (null: none). */
    record LineFormat(Color color, String lineStyle, Character marker) {
    }

    /**
     * Parses a matplotlib format string such as {@code 'r--'}, {@code 'bo'} or {@code 'k'}: a line
     * style is drawn when given, or when no marker is given.
     */
    static LineFormat parseFormat(String fmt) {
        if (fmt == null || fmt.isEmpty()) {
            return new LineFormat(null, "-", null);
        }
        Color color = null;
        String lineStyle = null;
        Character marker = null;
        int i = 0;
        while (i < fmt.length()) {
            String rest = fmt.substring(i);
            String style = startingLineStyle(rest);
            if (style != null) {
                lineStyle = style;
                i += style.length();
            } else if (rest.startsWith("C") && rest.length() > 1 && Character.isDigit(rest.charAt(1))) {
                color = CYCLE[(rest.charAt(1) - '0') % CYCLE.length];
                i += 2;
            } else if (LETTERS.containsKey(rest.substring(0, 1))) {
                color = LETTERS.get(rest.substring(0, 1));
                i++;
            } else if (MARKERS.indexOf(rest.charAt(0)) >= 0) {
                marker = rest.charAt(0);
                i++;
            } else {
                throw TorchException.value("Unrecognized character " + rest.charAt(0) + " in format string '"
                        + fmt + "'");
            }
        }
        if (lineStyle == null && marker == null) {
            lineStyle = "-";
        }
        return new LineFormat(color, lineStyle, marker);
    }

    private static String startingLineStyle(String text) {
        for (String style : LINE_STYLES) {
            if (text.startsWith(style)) {
                return style;
            }
        }
        return null;
    }

    /** A colour spec as a colour; null stays null (the caller picks the next cycle colour). */
    static Color color(String spec) {
        if (spec == null) {
            return null;
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("#") && (s.length() == 7 || s.length() == 9)) {
            return hex(s.substring(0, 7));
        }
        if (s.length() == 2 && s.charAt(0) == 'c' && Character.isDigit(s.charAt(1))) {
            return CYCLE[(s.charAt(1) - '0') % CYCLE.length];
        }
        Color c = LETTERS.containsKey(s) ? LETTERS.get(s) : NAMES.get(s);
        if (c == null) {
            throw TorchException.value("'" + spec + "' is not a valid color value.");
        }
        return c;
    }

    /** A line style name or symbol ({@code 'dashed'}, {@code '--'}, {@code 'None'}) as its symbol; null if none. */
    static String lineStyle(String spec) {
        if (spec == null) {
            return null;
        }
        return switch (spec) {
            case "-", "solid" -> "-";
            case "--", "dashed" -> "--";
            case "-.", "dashdot" -> "-.";
            case ":", "dotted" -> ":";
            case "", " ", "None", "none" -> "";
            default -> throw TorchException.value("'" + spec + "' is not a valid value for ls");
        };
    }

    /** A marker symbol; null or "None" means none. */
    static Character marker(String spec) {
        if (spec == null || spec.isEmpty() || spec.equals("None") || spec.equals("none")) {
            return null;
        }
        if (spec.length() != 1 || MARKERS.indexOf(spec.charAt(0)) < 0) {
            throw TorchException.value("Unrecognized marker style '" + spec + "'");
        }
        return spec.charAt(0);
    }

    /** The pen for a line style at a width in points (one point is one pixel at 72 dpi; we draw at 100 dpi). */
    static Stroke stroke(String lineStyle, double widthPoints) {
        float w = (float) (widthPoints * 100 / 72);
        float[] dash = switch (lineStyle) {
            case "--" -> new float[] {3.7f * w, 1.6f * w};
            case "-." -> new float[] {6.4f * w, 1.6f * w, 1f * w, 1.6f * w};
            case ":" -> new float[] {1f * w, 1.65f * w};
            default -> null;
        };
        return dash == null ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The outline of a marker of a given diameter in pixels, centred on the origin. */
    static Shape markerShape(char marker, double size) {
        double r = size / 2;
        return switch (marker) {
            case 's' -> new Rectangle2D.Double(-r, -r, size, size);
            case '^' -> polygon(0, -r, r, r, -r, r);
            case 'v' -> polygon(0, r, r, -r, -r, -r);
            case '<' -> polygon(-r, 0, r, -r, r, r);
            case '>' -> polygon(r, 0, -r, -r, -r, r);
            case 'D', 'd' -> polygon(0, -r, r, 0, 0, r, -r, 0);
            case '+' -> cross(r, false);
            case 'x' -> cross(r, true);
            case ',' -> new Rectangle2D.Double(-0.5, -0.5, 1, 1);
            case '.' -> new Ellipse2D.Double(-r / 2, -r / 2, r, r);
            default -> new Ellipse2D.Double(-r, -r, size, size);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static Shape cross(double r, boolean diagonal) {
        double t = Math.max(r / 4, 0.75);
        Path2D.Double p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-r, -t, 2 * r, 2 * t), false);
        p.append(new Rectangle2D.Double(-t, -r, 2 * t, 2 * r), false);
        return diagonal ? java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(p) : p;
    }

    static Color hex(String text) {
        return new Color(Integer.parseInt(text.substring(1, 7), 16));
    }
}
