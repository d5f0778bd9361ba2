package org.torchglot.bindings.plot;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.torchglot.engine.tensor.TorchException;

/**
 * A matplotlib figure: a size in inches, a resolution, and a grid of {@link Axes}. It renders
 * itself as PNG bytes; the guest (not this class) writes them, so files go through the script's
 * sandboxed file system and working directory.
 */
public final class Figure {

    private final double widthInches;
    private final double heightInches;
    private final double dpi;
    private final List<Placed> axes = new ArrayList<>();
    private String title;

    /** Where an axes sits: cell {@code index} (1-based, row-major) of an {@code nrows} x {@code ncols} grid. */
    record Placed(int rows, int columns, int index, Axes axes) {
    }

    /** A figure of {@code width} x {@code height} inches at {@code dpi} dots per inch (matplotlib: 6.4 x 4.8 at 100). */
    public Figure(double width, double height, double dpi) {
        if (!(width > 0 && height > 0 && dpi > 0)) {
            throw TorchException.value("figure size and dpi must be positive, got " + width + "x" + height + " at "
                    + dpi + " dpi");
        }
        this.widthInches = width;
        this.heightInches = height;
        this.dpi = dpi;
    }

    /** The axes in cell {@code index} of an {@code rows} x {@code columns} grid, created on first use. */
    public Axes subplot(int rows, int columns, int index) {
        if (rows < 1 || columns < 1 || index < 1 || index > rows * columns) {
            throw TorchException.value("num must be an integer with 1 <= num <= " + rows * columns + ", not " + index);
        }
        for (Placed p : axes) {
            if (p.rows() == rows && p.columns() == columns && p.index() == index) {
                return p.axes();
            }
        }
        Axes created = new Axes();
        axes.add(new Placed(rows, columns, index, created));
        return created;
    }

    /** A title above all axes ({@code suptitle}). */
    public void setTitle(String text) {
        title = text;
    }

    public double dpi() {
        return dpi;
    }

    public double width() {
        return widthInches;
    }

    public double height() {
        return heightInches;
    }

    /** The figure as a PNG at {@code dpi} (NaN: the figure's own), Base64-encoded for the guest to decode. */
    public String renderPngBase64(double dpi) {
        double resolution = Double.isNaN(dpi) ? this.dpi : dpi;
        return Base64.getEncoder().encodeToString(FigureRenderer.png(this, resolution));
    }

    List<Placed> placedAxes() {
        return axes;
    }

    String title() {
        return title;
    }
}
