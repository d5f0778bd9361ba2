package org.torchglot.bindings.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link Figure} with JFreeChart in a matplotlib-like style: one {@link XYPlot} per axes,
 * laid out on the subplot grid, white background, the legend inside the plot area.
 */
final class FigureRenderer {

    // NOTE: everything is laid out at matplotlib's 100 dpi and scaled, so a figure looks the same at any dpi.
    private static final double LAYOUT_DPI = 100;
    private static final String FONT = "DejaVu Sans";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureRenderer() {
    }

    /** The figure as PNG bytes at a resolution. */
    static byte[] png(Figure figure, double dpi) {
        int width = (int) Math.round(figure.width() * dpi);
        int height = (int) Math.round(figure.height() * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double scale = dpi / LAYOUT_DPI;
            g.scale(scale, scale);
            draw(figure, g, width / scale, height / scale);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Figure figure, Graphics2D g, double width, double height) {
        double top = 0;
        if (figure.title() != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(FONT, Font.PLAIN, 16));
            int textWidth = g.getFontMetrics().stringWidth(figure.title());
            g.drawString(figure.title(), (float) (width - textWidth) / 2, 22f);
            top = 30;
        }
        for (Figure.Placed placed : figure.placedAxes()) {
            int row = (placed.index() - 1) / placed.columns();
            int column = (placed.index() - 1) % placed.columns();
            double cellWidth = width / placed.columns();
            double cellHeight = (height - top) / placed.rows();
            Rectangle2D cell = new Rectangle2D.Double(column * cellWidth, top + row * cellHeight, cellWidth, cellHeight);
            chart(placed.axes()).draw(g, cell);
        }
    }

    /** One axes as a chart; datasets are numbered in drawing order so later series paint on top. */
    static JFreeChart chart(Axes axes) {
        NumberAxis x = numberAxis(axes.xLabel(), axes.xLimits());
        NumberAxis y = numberAxis(axes.yLabel(), axes.yLimits());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setDomainGridlinesVisible(axes.gridVisible());
        plot.setRangeGridlinesVisible(axes.gridVisible());
        plot.setDomainGridlinePaint(new Color(0xb0b0b0));
        plot.setRangeGridlinePaint(new Color(0xb0b0b0));
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        int index = 0;
        for (Series s : axes.series()) {
            switch (s) {
                case Series.Points p -> addPoints(plot, index, p);
                case Series.Bars b -> addBars(plot, index, b);
            }
            index++;
        }
        JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.PLAIN, 12), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (axes.title() != null) {
            chart.setTitle(new TextTitle(axes.title(), new Font(FONT, Font.PLAIN, 14)));
        }
        if (axes.legendSettings() != null && axes.hasLabels()) {
            plot.addAnnotation(legend(plot, axes.legendSettings()));
        }
        return chart;
    }

    private static NumberAxis numberAxis(String label, double[] limits) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        axis.setAutoRangeIncludesZero(false);
        // NOTE: matplotlib pads automatic limits by 5% of the data range on each side.
        axis.setLowerMargin(0.05);
        axis.setUpperMargin(0.05);
        axis.setAxisLinePaint(Color.BLACK);
        axis.setTickMarkPaint(Color.BLACK);
        if (limits != null) {
            double lo = limits[0];
            double hi = limits[1];
            if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
                axis.setRange(Math.min(lo, hi), Math.max(lo, hi));
                axis.setInverted(lo > hi);
            } else if (!Double.isNaN(lo)) {
                axis.setLowerBound(lo);
            } else if (!Double.isNaN(hi)) {
                axis.setUpperBound(hi);
            }
        }
        return axis;
    }

    private static void addPoints(XYPlot plot, int index, Series.Points p) {
        XYSeries data = new XYSeries(legendKey(p.label(), index), false, true);
        for (int i = 0; i < p.x().length; i++) {
            data.add(p.x()[i], Double.isFinite(p.y()[i]) ? p.y()[i] : Double.NaN);
        }
        boolean line = !p.lineStyle().isEmpty();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(line, p.marker() != null);
        renderer.setSeriesPaint(0, p.color());
        renderer.setSeriesFillPaint(0, p.color());
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(false);
        if (line) {
            renderer.setSeriesStroke(0, Styles.stroke(p.lineStyle(), p.lineWidth()));
        }
        if (p.marker() != null) {
            renderer.setSeriesShape(0, Styles.markerShape(p.marker(), p.markerSize() * LAYOUT_DPI / 72));
        }
        renderer.setSeriesVisibleInLegend(0, Axes.isLegendLabel(p.label()));
        plot.setDataset(index, new XYSeriesCollection(data));
        plot.setRenderer(index, renderer);
    }

    private static void addBars(XYPlot plot, int index, Series.Bars b) {
        XYIntervalSeries data = new XYIntervalSeries(legendKey(b.label(), index));
        for (int i = 0; i < b.height().length; i++) {
            double centre = (b.left()[i] + b.right()[i]) / 2;
            data.add(centre, b.left()[i], b.right()[i], b.height()[i], 0, b.height()[i]);
        }
        XYIntervalSeriesCollection collection = new XYIntervalSeriesCollection();
        collection.addSeries(data);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setUseYInterval(true);
        renderer.setSeriesPaint(0, b.color());
        renderer.setSeriesVisibleInLegend(0, Axes.isLegendLabel(b.label()));
        plot.setDataset(index, collection);
        plot.setRenderer(index, renderer);
    }

    /** Series keys must differ within a chart; unlabelled series get a hidden key of their own. */
    private static String legendKey(String label, int index) {
        return Axes.isLegendLabel(label) ? label : "_series" + index;
    }

    private static XYTitleAnnotation legend(XYPlot plot, Axes.Legend settings) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(new Font(FONT, Font.PLAIN, (int) Math.round(settings.fontSize() * LAYOUT_DPI / 72)));
        legend.setBackgroundPaint(new Color(255, 255, 255, 220));
        legend.setFrame(new BlockBorder(new Color(0xcccccc)));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 6));
        double[] at = anchorPoint(settings.location());
        return new XYTitleAnnotation(at[0], at[1], legend, anchor(settings.location()));
    }

    /** matplotlib's legend location as a point in the plot area, 0..1 from the bottom left. */
    private static double[] anchorPoint(String location) {
        return switch (location) {
            case "lower right" -> new double[] {0.98, 0.02};
            case "lower left" -> new double[] {0.02, 0.02};
            case "upper left" -> new double[] {0.02, 0.98};
            case "center" -> new double[] {0.5, 0.5};
            case "center left" -> new double[] {0.02, 0.5};
            case "center right", "right" -> new double[] {0.98, 0.5};
            case "lower center" -> new double[] {0.5, 0.02};
            case "upper center" -> new double[] {0.5, 0.98};
            default -> new double[] {0.98, 0.98};
        };
    }

    private static RectangleAnchor anchor(String location) {
        return switch (location) {
            case "lower right" -> RectangleAnchor.BOTTOM_RIGHT;
            case "lower left" -> RectangleAnchor.BOTTOM_LEFT;
            case "upper left" -> RectangleAnchor.TOP_LEFT;
            case "center" -> RectangleAnchor.CENTER;
            case "center left" -> RectangleAnchor.LEFT;
            case "center right", "right" -> RectangleAnchor.RIGHT;
            case "lower center" -> RectangleAnchor.BOTTOM;
            case "upper center" -> RectangleAnchor.TOP;
            default -> RectangleAnchor.TOP_RIGHT;
        };
    }
}
