package app.nianbao.dossier;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.InputStream;

/**
 * The fonts a dossier prints with, kept in the jar: DejaVu Sans for Latin letters and digits,
 * Droid Sans Fallback for 汉字 (which has no Latin letters). A character takes the first that has it.
 */
final class PrintFonts {

    static final String LATIN = "fonts/DejaVuSans.ttf";
    static final String LATIN_BOLD = "fonts/DejaVuSans-Bold.ttf";
    static final String CJK = "fonts/DroidSansFallbackFull.ttf";

    private static final Font LATIN_FONT = load(LATIN);
    private static final Font LATIN_BOLD_FONT = load(LATIN_BOLD);
    private static final Font CJK_FONT = load(CJK);

    private PrintFonts() {
    }

    static InputStream open(String resource) {
        InputStream in = PrintFonts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        return in;
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the dossier font " + resource + " cannot be read", e);
        }
    }

    /** How wide the text is drawn at this size. */
    static int width(Graphics2D g, String text, float size, boolean bold) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int end = runEnd(text, i);
            width += g.getFontMetrics(font(text.codePointAt(i), size, bold)).stringWidth(text.substring(i, end));
            i = end;
        }
        return width;
    }

    /** Draws the text with its baseline at y, each run of characters in the first font that has them. */
    static void draw(Graphics2D g, String text, int x, int y, float size, boolean bold) {
        for (int i = 0; i < text.length(); ) {
            int end = runEnd(text, i);
            Font font = font(text.codePointAt(i), size, bold);
            g.setFont(font);
            String run = text.substring(i, end);
            g.drawString(run, x, y);
            x += g.getFontMetrics(font).stringWidth(run);
            i = end;
        }
    }

    private static int runEnd(String text, int start) {
        boolean latin = LATIN_FONT.canDisplay(text.codePointAt(start));
        int i = start;
        while (i < text.length() && LATIN_FONT.canDisplay(text.codePointAt(i)) == latin) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static Font font(int codePoint, float size, boolean bold) {
        if (LATIN_FONT.canDisplay(codePoint)) {
            return (bold ? LATIN_BOLD_FONT : LATIN_FONT).deriveFont(size);
        }
        return CJK_FONT.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }
}
