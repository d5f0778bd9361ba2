package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;
import static org.torchglot.bindings.PolyglotFixture.WORKING_DIRECTORY;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** matplotlib.pyplot renders real PNGs: checked by decoding them and looking for the curves' pixels. */
class MatplotlibTest {

    private static final IntPredicate RED = rgb -> red(rgb) > 200 && green(rgb) < 80 && blue(rgb) < 80;
    private static final IntPredicate BLUE = rgb -> blue(rgb) > 200 && red(rgb) < 80 && green(rgb) < 80;
    private static final IntPredicate GREEN = rgb -> green(rgb) > 100 && red(rgb) < 60 && blue(rgb) < 60;

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import numpy as np\nimport torch\nimport matplotlib.pyplot as plt\n" + code);
        return PolyglotFixture.takeOutput();
    }

    @Test
    void aLineYEqualsXIsDrawnAlongThePlotDiagonal() throws IOException {
        python("""
                plt.figure()
                plt.plot([0, 1], [0, 1], 'r-')
                plt.xlim(0, 1)
                plt.ylim(0, 1)
                plt.savefig('diagonal.png')
                plt.close()
                """);
        BufferedImage image = read("diagonal.png");
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        List<int[]> red = pixels(image, RED);
        assertTrue(red.size() > 400, "the line is drawn: " + red.size() + " red pixels");
        int[] box = bounds(red);
        assertTrue(box[2] - box[0] > 0.6 * 640 && box[3] - box[1] > 0.6 * 480, "the line spans the plot area");
        assertTrue(box[0] > 10 && box[1] > 5 && box[2] < 635 && box[3] < 475, "axes margins are left free");
        for (int[] p : red) {
            double expectedRow = box[3] - (p[0] - box[0]) * (double) (box[3] - box[1]) / (box[2] - box[0]);
            assertTrue(Math.abs(p[1] - expectedRow) < 4, "pixel " + p[0] + "," + p[1] + " lies on the diagonal");
        }
    }

    @Test
    void higherValuesAreDrawnHigherAndDefaultColoursFollowTheCycle() throws IOException {
        python("""
                fig, ax = plt.subplots(figsize=(4, 3))
                ax.plot(np.array([0.0, 1.0]), np.array([0.75, 0.75]), color='blue', label='high')
                ax.plot(torch.tensor([0.0, 1.0]), torch.tensor([0.25, 0.25]), color='green', label='low')
                ax.set_ylim(0, 1)
                ax.legend(loc='upper left')
                ax.set_title('levels')
                fig.savefig('levels.png')
                plt.close(fig)
                """);
        BufferedImage image = read("levels.png");
        int high = busiestRow(pixels(image, BLUE));
        int low = busiestRow(pixels(image, GREEN));
        assertTrue(low - high > 60, "y=0.75 (row " + high + ") is half the plot height above y=0.25 (row " + low + ")");
    }

    @Test
    void figsizeAndDpiGiveThePixelSize() throws IOException {
        python("""
                plt.figure(figsize=(4, 3), dpi=80)
                plt.plot([1, 2, 3], [3, 1, 2])
                plt.savefig('small.png', dpi=50)
                plt.savefig('native.png')
                plt.close()
                """);
        BufferedImage small = read("small.png");
        assertEquals(200, small.getWidth());
        assertEquals(150, small.getHeight());
        BufferedImage nativeSize = read("native.png");
        assertEquals(320, nativeSize.getWidth());
        assertEquals(240, nativeSize.getHeight());
    }

    @Test
    void subplotsDrawIntoTheirOwnCells() throws IOException {
        python("""
                fig, axes = plt.subplots(1, 2, figsize=(6, 3))
                axes[0].plot([0, 1], [0, 1], 'r')
                axes[1].plot([0, 1], [1, 0], 'b--')
                axes[1].set_xlabel('x')
                fig.savefig('cells.png')
                plt.close('all')
                """);
        BufferedImage image = read("cells.png");
        int[] red = bounds(pixels(image, RED));
        int[] blue = bounds(pixels(image, BLUE));
        assertTrue(red[2] < image.getWidth() / 2, "the first axes is the left half");
        assertTrue(blue[0] > image.getWidth() / 2, "the second axes is the right half");
    }

    @Test
    void showWritesTheNextFreeFigureFileAndClosesTheFigures() throws IOException {
        Files.deleteIfExists(WORKING_DIRECTORY.resolve("figure_1.png"));
        Files.deleteIfExists(WORKING_DIRECTORY.resolve("figure_2.png"));
        Files.deleteIfExists(WORKING_DIRECTORY.resolve("figure_3.png"));
        Files.write(WORKING_DIRECTORY.resolve("figure_1.png"), new byte[] {1});
        String out = python("""
                plt.close('all')
                plt.figure(figsize=(2, 2))
                plt.plot([1, 2])
                plt.figure(figsize=(3, 2))
                plt.scatter([1, 2], [2, 1], label='points')
                plt.legend()
                plt.show()
                print(plt.get_fignums())
                """);
        assertEquals("Saved figure to figure_2.png\nSaved figure to figure_3.png\n[]\n", out);
        assertEquals(200, read("figure_2.png").getWidth());
        assertEquals(300, read("figure_3.png").getWidth());
        assertEquals(1, Files.size(WORKING_DIRECTORY.resolve("figure_1.png")), "an existing file is not overwritten");
    }

    @Test
    void theRegressionTutorialsPlotCallsWork() throws IOException {
        String out = python("""
                x = np.linspace(0, 5, 100)
                y = np.cos(1.5 * np.pi * x) + x
                prediction = torch.from_numpy(x).float().unsqueeze(1) * 0.5
                plt.plot(x, y, label="Truth")
                plt.plot(x, prediction.detach().numpy(), label="Prediction")
                plt.legend(loc='lower right', fontsize=15)
                plt.xlim((0, 5))
                plt.ylim((-1, 5))
                plt.grid()
                plt.title('regression')
                plt.xlabel('x')
                plt.ylabel('y')
                plt.savefig('regression.png')
                plt.close()
                print('ok')
                """);
        assertEquals("ok\n", out);
        BufferedImage image = read("regression.png");
        IntPredicate tabBlue = rgb -> Math.abs(red(rgb) - 0x1f) < 30 && Math.abs(green(rgb) - 0x77) < 30
                && Math.abs(blue(rgb) - 0xb4) < 30;
        IntPredicate tabOrange = rgb -> red(rgb) > 230 && Math.abs(green(rgb) - 0x7f) < 30 && blue(rgb) < 60;
        assertTrue(pixels(image, tabBlue).size() > 300, "the first line has the cycle's first colour");
        assertTrue(pixels(image, tabOrange).size() > 300, "the second line has the cycle's second colour");
    }

    @Test
    void histCountsLikeNumpyAndBarAndScatterDraw() throws IOException {
        String out = python("""
                counts, edges, _ = plt.hist(np.array([0.0, 0.5, 1.0, 1.5, 2.0, 2.0]), bins=4, color='red')
                print(counts, edges)
                plt.close()
                plt.bar([1, 2, 3], [3, 1, 2], color='blue')
                plt.scatter(np.arange(3), np.arange(3), c='green')
                plt.savefig('bars.png')
                plt.close()
                """);
        assertEquals("[1. 1. 1. 3.] [0.  0.5 1.  1.5 2. ]\n", out);
        BufferedImage image = read("bars.png");
        assertTrue(pixels(image, BLUE).size() > 2000, "bars are filled");
        assertFalse(pixels(image, GREEN).isEmpty(), "scatter points are drawn");
    }

    @Test
    void badStyleArgumentsRaiseValueError() {
        assertEquals("ValueError 'notacolour' is not a valid color value.\nValueError\n", python("""
                for call in (lambda: plt.plot([1, 2], color='notacolour'), lambda: plt.plot([1, 2], 'q')):
                    try:
                        call()
                    except ValueError as e:
                        print('ValueError', *([e] if 'colour' in str(e) else []))
                plt.close('all')
                """));
    }

    @Test
    void savefigCannotWriteOutsideTheWorkingDirectory() throws IOException {
        Path outside = Files.createTempFile("outside", ".png");
        Files.delete(outside);
        String out = python("plt.plot([1, 2])\ntry:\n    plt.savefig(" + pythonString(outside.toString())
                + ")\nexcept OSError as e:\n    print('refused')\nplt.close()\n");
        assertEquals("refused\n", out);
        assertFalse(Files.exists(outside));
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static BufferedImage read(String name) throws IOException {
        BufferedImage image = ImageIO.read(WORKING_DIRECTORY.resolve(name).toFile());
        assertTrue(image != null, name + " is a PNG");
        return image;
    }

    private static List<int[]> pixels(BufferedImage image, IntPredicate colour) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (colour.test(image.getRGB(x, y))) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /** The image row holding most of the pixels: where a horizontal line is drawn (legend swatches are short). */
    private static int busiestRow(List<int[]> pixels) {
        java.util.Map<Integer, Long> perRow = pixels.stream()
                .collect(java.util.stream.Collectors.groupingBy(p -> p[1], java.util.stream.Collectors.counting()));
        return perRow.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** {minX, minY, maxX, maxY} of some pixels. */
    private static int[] bounds(List<int[]> pixels) {
        assertFalse(pixels.isEmpty(), "the colour appears in the image");
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int[] p : pixels) {
            box[0] = Math.min(box[0], p[0]);
            box[1] = Math.min(box[1], p[1]);
            box[2] = Math.max(box[2], p[0]);
            box[3] = Math.max(box[3], p[1]);
        }
        return box;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
