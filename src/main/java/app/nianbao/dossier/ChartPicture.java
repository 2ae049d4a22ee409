package app.nianbao.dossier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

import app.nianbao.export.Palette;

/**
 * A chart drawn on the server for print, with the product's rules: the value axis starts at
 * zero, a year without a value is a gap (no line is drawn across it), series take the palette's
 * colours, and a year an analyst wrote a note on carries the note's number on a flag.
 */
final class ChartPicture {

    /** One line or one set of bars: its name and a value per year (null: none). */
    record Series(String name, List<Double> values) {
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 70;
    private static final int BOTTOM = 44;
    private static final Color NOTE = new Color(0xb4, 0x53, 0x09);

    private ChartPicture() {
    }

    /**
     * Draws the series over the years as lines (bars when {@code bars}), with the note numbers
     * at the years they are on (year → numbers), as a PNG.
     */
    static byte[] draw(List<Integer> years, List<Series> series, boolean bars, Map<Integer, List<Integer>> notes) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double max = niceMax(series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int slots = Math.max(1, years.size());
        double slot = (double) plotWidth / slots;
        axes(g, years, max, slot, plotHeight);
        legend(g, series);
        for (int s = 0; s < series.size(); s++) {
            g.setColor(Color.decode(Palette.series(s)));
            List<Double> values = series.get(s).values();
            if (bars) {
                double width = slot * 0.8 / series.size();
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        int h = (int) Math.round(values.get(i) / max * plotHeight);
                        g.fillRect((int) Math.round(LEFT + i * slot + slot * 0.1 + s * width), TOP + plotHeight - h, (int) Math.ceil(width), h);
                    }
                }
            } else {
                g.setStroke(new BasicStroke(2.5f));
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) == null) {
                        continue;
                    }
                    int x = (int) Math.round(LEFT + (i + 0.5) * slot);
                    int y = TOP + plotHeight - (int) Math.round(values.get(i) / max * plotHeight);
                    g.fillOval(x - 4, y - 4, 8, 8);
                    // a line joins two years only when both have a value: a gap year stays a gap
                    if (i + 1 < values.size() && values.get(i + 1) != null) {
                        g.drawLine(x, y, (int) Math.round(LEFT + (i + 1.5) * slot),
                                TOP + plotHeight - (int) Math.round(values.get(i + 1) / max * plotHeight));
                    }
                }
            }
        }
        flags(g, years, notes, slot, plotHeight);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void axes(Graphics2D g, List<Integer> years, double max, double slot, int plotHeight) {
        for (int tick = 0; tick <= 5; tick++) {
            int y = TOP + plotHeight - (int) Math.round(plotHeight * tick / 5.0);
            g.setColor(new Color(0xe0, 0xe0, 0xe0));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = plain(max * tick / 5);
            PrintFonts.draw(g, label, LEFT - 8 - PrintFonts.width(g, label, 15f, false), y + 5, 15f, false);
        }
        g.setColor(Color.GRAY);
        g.drawLine(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < years.size(); i++) {
            String label = String.valueOf(years.get(i));
            int x = (int) Math.round(LEFT + (i + 0.5) * slot) - PrintFonts.width(g, label, 15f, false) / 2;
            PrintFonts.draw(g, label, x, TOP + plotHeight + 26, 15f, false);
        }
    }

    private static void legend(Graphics2D g, List<Series> series) {
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(Color.decode(Palette.series(s)));
            g.fillRect(x, 16, 22, 12);
            g.setColor(Color.DARK_GRAY);
            PrintFonts.draw(g, series.get(s).name(), x + 28, 28, 15f, false);
            x += 40 + PrintFonts.width(g, series.get(s).name(), 15f, false);
        }
    }

    private static void flags(Graphics2D g, List<Integer> years, Map<Integer, List<Integer>> notes, double slot, int plotHeight) {
        notes.forEach((year, numbers) -> {
            int i = years.indexOf(year);
            if (i < 0) {
                return;
            }
            int x = (int) Math.round(LEFT + (i + 0.5) * slot);
            g.setColor(NOTE);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            String text = String.join(",", numbers.stream().map(String::valueOf).toList());
            int w = PrintFonts.width(g, text, 13f, true) + 10;
            g.fillRect(x - w / 2, TOP - 20, w, 18);
            g.setColor(Color.WHITE);
            PrintFonts.draw(g, text, x - w / 2 + 5, TOP - 6, 13f, true);
        });
    }

    /** The axis' top: the largest value rounded up to 1, 2 or 5 times a power of ten (1 when there is none). */
    static double niceMax(double largest) {
        if (largest <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(largest)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= largest) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
