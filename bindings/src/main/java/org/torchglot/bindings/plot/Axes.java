package org.torchglot.bindings.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * One plot area of a {@link Figure}, as matplotlib's {@code Axes}: its series, title, axis labels
 * and limits, grid and legend. Data arrive as engine tensors (any shape, read flat).
 */
public final class Axes {
    private static final int MAX_BINS = 1_000_000;

    private final List<Series> series = new ArrayList<>();
    private int nextColor;
    private String title;
    private String xLabel;
    private String yLabel;
    private double[] xLimits;
    private double[] yLimits;
    private boolean grid;
    private Legend legend;

    /** Where and how large the legend is drawn. */
    record Legend(String location, double fontSize) {
    }

    Axes() {
    }

    /**
     * {@code plot(x, y, fmt, label=, color=, linestyle=, marker=, linewidth=, markersize=)}; explicit
     * keywords override the format string. Null or NaN means "not given".
     */
    public void plot(Tensor x, Tensor y, String fmt, String label, String color, String lineStyle, String marker,
            double lineWidth, double markerSize) {
        Styles.LineFormat format = Styles.parseFormat(fmt);
        Color c = color != null ? Styles.color(color) : format.color();
        String style = lineStyle != null ? Styles.lineStyle(lineStyle) : format.lineStyle();
        Character m = marker != null ? Styles.marker(marker) : format.marker();
        if (lineStyle == null && marker != null && fmt == null) {
            style = "-";
        }
        double[] xs = values(x);
        double[] ys = values(y);
        requireSameLength(xs, ys, "x and y must have same first dimension, but have shapes (" + xs.length
                + ",) and (" + ys.length + ",)");
        series.add(new Series.Points(xs, ys, label, colorOrNext(c), style == null ? "" : style,
                Double.isNaN(lineWidth) ? 1.5 : lineWidth, m, Double.isNaN(markerSize) ? 6 : markerSize));
    }

    /** {@code scatter(x, y, s=, c=, marker=, label=)}; {@code s} is the marker area in points squared. */
    public void scatter(Tensor x, Tensor y, double area, String color, String marker, String label) {
        double[] xs = values(x);
        double[] ys = values(y);
        requireSameLength(xs, ys, "x and y must be the same size");
        Character m = marker != null ? Styles.marker(marker) : Character.valueOf('o');
        double size = Math.sqrt(Double.isNaN(area) ? 36 : area);
        series.add(new Series.Points(xs, ys, label, colorOrNext(Styles.color(color)), "", 0, m, size));
    }

    /**
     * {@code hist(x, bins=, range=, density=)}: counts of the values in {@code bins} equal-width bins
     * between the minimum and maximum (or {@code lo}, {@code hi} when not NaN); the last bin includes
     * its right edge, as numpy's histogram. Returns {@code [counts, edges]} as float64 tensors.
     */
    public Tensor[] hist(Tensor data, int bins, double lo, double hi, boolean density, String color, String label) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("`bins` must be between 1 and " + MAX_BINS + ", got " + bins);
        }
        double[] v = values(data);
        double min = lo;
        double max = hi;
        if (Double.isNaN(min) || Double.isNaN(max)) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            if (v.length == 0) {
                min = 0;
                max = 1;
            }
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        double[] counts = new double[bins];
        for (double d : v) {
            if (d < min || d > max) {
                continue;
            }
            int b = (int) ((d - min) / (max - min) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        if (density) {
            for (int i = 0; i < bins; i++) {
                counts[i] /= v.length * (edges[i + 1] - edges[i]);
            }
        }
        double[] left = new double[bins];
        double[] right = new double[bins];
        System.arraycopy(edges, 0, left, 0, bins);
        System.arraycopy(edges, 1, right, 0, bins);
        series.add(new Series.Bars(left, right, counts.clone(), label, colorOrNext(Styles.color(color))));
        return new Tensor[] {float64(counts), float64(edges)};
    }

    /** {@code bar(x, height, width=)}: bars centred on x. */
    public void bar(Tensor x, Tensor height, double width, String color, String label) {
        double[] xs = values(x);
        double[] hs = values(height);
        requireSameLength(xs, hs, "shape mismatch: objects cannot be broadcast to a single shape");
        double w = Double.isNaN(width) ? 0.8 : width;
        double[] left = new double[xs.length];
        double[] right = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            left[i] = xs[i] - w / 2;
            right[i] = xs[i] + w / 2;
        }
        series.add(new Series.Bars(left, right, hs, label, colorOrNext(Styles.color(color))));
    }

    public void setTitle(String text) {
        title = text;
    }

    public void setXLabel(String text) {
        xLabel = text;
    }

    public void setYLabel(String text) {
        yLabel = text;
    }

    /** Fixes the x range; a NaN bound stays automatic. */
    public void setXLim(double left, double right) {
        xLimits = new double[] {left, right};
    }

    public void setYLim(double bottom, double top) {
        yLimits = new double[] {bottom, top};
    }

    public void grid(boolean visible) {
        grid = visible;
    }

    /** Shows a legend of the labelled series at a matplotlib location ({@code 'best'}, {@code 'lower right'}, ...). */
    public void legend(String location, double fontSize) {
        legend = new Legend(location == null ? "best" : location, Double.isNaN(fontSize) ? 10 : fontSize);
    }

    /** Whether any series has a legend label (matplotlib warns when legend() has none). */
    public boolean hasLabels() {
        return series.stream().anyMatch(s -> isLegendLabel(s.label()));
    }

    static boolean isLegendLabel(String label) {
        return label != null && !label.startsWith("_");
    }

    List<Series> series() {
        return series;
    }

    String title() {
        return title;
    }

    String xLabel() {
        return xLabel;
    }

    String yLabel() {
        return yLabel;
    }

    double[] xLimits() {
        return xLimits;
    }

    double[] yLimits() {
        return yLimits;
    }

    boolean gridVisible() {
        return grid;
    }

    Legend legendSettings() {
        return legend;
    }

    private Color colorOrNext(Color c) {
        if (c != null) {
            return c;
        }
        return Styles.CYCLE[nextColor++ % Styles.CYCLE.length];
    }

    private static double[] values(Tensor t) {
        return t.dtype() == DType.FLOAT64 ? t.toDoubleArray() : t.to(DType.FLOAT64).toDoubleArray();
    }

    private static void requireSameLength(double[] a, double[] b, String message) {
        if (a.length != b.length) {
            throw TorchException.value(message);
        }
    }

    private static Tensor float64(double[] values) {
        return Tensor.of(org.torchglot.engine.tensor.Storage.wrap(values), values.length);
    }
}
