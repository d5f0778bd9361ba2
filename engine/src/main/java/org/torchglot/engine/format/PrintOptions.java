package org.torchglot.engine.format;

/**
 * PyTorch's print options ({@code torch.set_printoptions}): precision, summarisation threshold, edge items, line
 * width and the forced scientific mode. Mutable; {@link PyTorchFormatter#options()} holds the process-wide instance
 * that {@code torch.set_printoptions} changes.
 */
public final class PrintOptions {

    private int precision;
    private double threshold;
    private int edgeItems;
    private int lineWidth;
    private Boolean sciMode;

    /** The defaults: precision 4, threshold 1000, edge items 3, line width 80, automatic sci mode. */
    public PrintOptions() {
        applyProfile("default");
    }

    /**
     * {@code torch.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)}: null leaves a
     * setting unchanged, except {@code sciMode}, which PyTorch always assigns (null means automatic). The profile
     * ({@code "default"}, {@code "short"} or {@code "full"}) is applied first.
     */
    public void set(Integer precision, Double threshold, Integer edgeItems, Integer lineWidth, String profile,
            Boolean sciMode) {
        if (profile != null) {
            applyProfile(profile);
        }
        if (precision != null) {
            this.precision = precision;
        }
        if (threshold != null) {
            this.threshold = threshold;
        }
        if (edgeItems != null) {
            this.edgeItems = edgeItems;
        }
        if (lineWidth != null) {
            this.lineWidth = lineWidth;
        }
        // NOTE: torch 1.13 assigns sci_mode unconditionally, so set_printoptions(precision=2) resets it to automatic.
        this.sciMode = sciMode;
    }

    private void applyProfile(String profile) {
        switch (profile) {
            case "default" -> setAll(4, 1000, 3, 80);
            case "short" -> setAll(2, 1000, 2, 80);
            case "full" -> setAll(4, Double.POSITIVE_INFINITY, 3, 80);
            default -> throw new IllegalArgumentException("unknown print profile: " + profile);
        }
    }

    private void setAll(int precision, double threshold, int edgeItems, int lineWidth) {
        this.precision = precision;
        this.threshold = threshold;
        this.edgeItems = edgeItems;
        this.lineWidth = lineWidth;
    }

    /** A copy, for printing with options other than the process-wide ones. */
    public PrintOptions copy() {
        PrintOptions c = new PrintOptions();
        c.set(precision, threshold, edgeItems, lineWidth, null, sciMode);
        return c;
    }

    public int precision() {
        return precision;
    }

    public double threshold() {
        return threshold;
    }

    public int edgeItems() {
        return edgeItems;
    }

    public int lineWidth() {
        return lineWidth;
    }

    /** True or false when forced, null when chosen from the values. */
    public Boolean sciMode() {
        return sciMode;
    }
}
