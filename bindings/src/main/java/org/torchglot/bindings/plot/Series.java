package org.torchglot.bindings.plot;

import java.awt.Color;

/** One thing drawn in an {@link Axes}: a line or scatter (points) or bars, with its legend label. */
sealed interface Series {

    /** The legend text, or null when the series has no legend entry. */
    String label();

    Color color();

    /** Points joined by a line and/or marked: {@code plot} and {@code scatter}. */
    record Points(double[] x, double[] y, String label, Color color, String lineStyle, double lineWidth,
            Character marker, double markerSize) implements Series {
    }

    /** Bars from {@code left[i]} to {@code right[i]} of height {@code height[i]}: {@code hist} and {@code bar}. */
    record Bars(double[] left, double[] right, double[] height, String label, Color color) implements Series {
    }
}
