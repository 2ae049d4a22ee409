package app.nianbao.parse;

import java.util.List;
import java.util.Map;

import app.nianbao.catalog.CellCode;

/**
 * What a scan looked like to the reader: its pages as straightened (the boxes' coordinates are
 * those of these images) and, for each cell read off them, where on which page and how sure OCR
 * was of the number, so the report page can show the cell on its page.
 */
public record ScanImage(List<Page> pages, Map<CellCode, Box> boxes) {

    /** A page as a greyscale JPEG, reduced for the screen. */
    public record Page(int width, int height, byte[] jpeg) {
    }

    /**
     * A cell's place on its page (1-based) as fractions of the page's width and height; its
     * row's band when the cell cannot be told apart within it. {@code confidence} (0–100) and
     * {@code readAs} are what the digits-only OCR made of a number cell, whether or not it was kept.
     */
    public record Box(int page, double x, double y, double width, double height, Integer confidence, String readAs) {
    }
}
