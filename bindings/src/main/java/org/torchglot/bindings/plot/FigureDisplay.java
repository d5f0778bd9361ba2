package org.torchglot.bindings.plot;

import java.util.function.Consumer;

/**
 * Where {@code plt.show()} puts figures: a front end that shows images (the Jupyter kernel) installs a sink
 * that receives each figure as base64 PNG; without one, {@code show()} saves {@code figure_N.png} files.
 */
public final class FigureDisplay {

    private static volatile Consumer<String> sink;

    private FigureDisplay() {
    }

    /** Installs the sink of base64 PNG images, or removes it with {@code null}. */
    public static void install(Consumer<String> pngBase64Sink) {
        sink = pngBase64Sink;
    }

    /** Whether figures are shown inline rather than saved. */
    public static boolean isInline() {
        return sink != null;
    }

    /** Renders the figure at its own resolution and hands it to the sink; ignored without one. */
    public static void show(Figure figure) {
        Consumer<String> current = sink;
        if (current != null) {
            current.accept(figure.renderPngBase64(Double.NaN));
        }
    }
}
