package app.nianbao.parse;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How alike two Chinese characters look: both drawn in a CJK font and their ink compared
 * (intersection over union of the pixels, after a slight blur of one pixel). OCR confuses
 * characters that look alike (沐/沭, 己/已), which is what an official name's one differing
 * character should be. Without a font that draws both, nothing looks alike and nothing is corrected.
 */
final class Glyphs {

    /** At least this alike to be taken for a misreading. */
    static final double LOOKALIKE = 0.6;
    /** And this much more alike than the next candidate. */
    static final double MARGIN = 0.1;

    private static final int SIZE = 40;
    private static final Font FONT = font();
    private static final Map<Character, boolean[]> INK = new ConcurrentHashMap<>();

    private Glyphs() {
    }

    private static Font font() {
        for (String name : new String[] {"Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC",
                "Microsoft YaHei", "PingFang SC", "SimSun", Font.SANS_SERIF}) {
            Font f = new Font(name, Font.PLAIN, SIZE - 4);
            if (f.canDisplay('沭') && f.canDisplay('阳')) {
                return f;
            }
        }
        return null;
    }

    static double similarity(char a, char b) {
        if (a == b) {
            return 1;
        }
        if (FONT == null || !FONT.canDisplay(a) || !FONT.canDisplay(b)) {
            return 0;
        }
        boolean[] x = INK.computeIfAbsent(a, Glyphs::ink);
        boolean[] y = INK.computeIfAbsent(b, Glyphs::ink);
        int both = 0;
        int either = 0;
        for (int i = 0; i < x.length; i++) {
            both += x[i] && y[i] ? 1 : 0;
            either += x[i] || y[i] ? 1 : 0;
        }
        return either == 0 ? 0 : (double) both / either;
    }

    /** The character's pixels, each widened by one pixel so that a stroke drawn a pixel aside still meets. */
    private static boolean[] ink(char c) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(FONT);
        g.drawString(String.valueOf(c), 2, SIZE - 6);
        g.dispose();
        boolean[] ink = new boolean[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if ((image.getRaster().getSample(x, y, 0) & 0xff) > 127) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < SIZE && ny < SIZE) {
                                ink[ny * SIZE + nx] = true;
                            }
                        }
                    }
                }
            }
        }
        return ink;
    }
}
