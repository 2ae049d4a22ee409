package app.nianbao.parse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.ImageIOHelper;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * The text of scanned pages through Tesseract 5 (Debian's library and its chi_sim and eng
 * traineddata, no download): each page straightened (the turn within ±3° that lines its ink up
 * best), cut into strips at its horizontal ruling lines and each strip into cells at its vertical
 * ones, and every cell read on its own — Chinese by the Chinese model, a number again by a
 * digits-only one — so that a table row comes out as its cells, as from a web page; a strip
 * without ruling lines is prose, read as a block. A number Tesseract is unsure of becomes "?": a
 * value in its place but unknown, which the identities then infer (flagged) or leave blank
 * (flagged), never a guess kept silently. Pages are read in parallel, one engine pair each.
 */
final class ScanText {

    /** Below this word confidence (0–100) a number is not taken as read. */
    static final float MIN_NUMBER_CONFIDENCE = 75;
    /** Width a page is rendered at: an A4 page at 300 dpi, the size at which Tesseract reads a report's print best. */
    static final int PAGE_WIDTH_PIXELS = 2480;
    /** Resolution that width stands for, to scale the lengths below. */
    static final int DPI = 300;

    private static final Path TESSDATA = tessdata();

    static {
        oneOpenMpThreadPerPage();
    }

    private ScanText() {
    }

    private static Path tessdata() {
        String configured = System.getenv("TESSDATA_PREFIX");
        for (String dir : new String[] {configured, "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tessdata"}) {
            if (dir != null && Files.isReadable(Path.of(dir, "chi_sim.traineddata")) && Files.isReadable(Path.of(dir, "eng.traineddata"))) {
                return Path.of(dir);
            }
        }
        return null;
    }

    /** Whether OCR can run here: Tesseract's Chinese and English traineddata are installed. */
    static boolean available() {
        return TESSDATA != null;
    }

    /** A line of the scan's text, where it lies on its page (0-based), and the boxes of its table cells, if it is a table row. */
    record ScanLine(String text, int page, int top, int bottom, int pageWidth, int pageHeight, List<Token> tokens) {
    }

    /** A non-empty table cell: one whitespace-free piece of its line's text, in order. */
    record Token(int left, int right, Integer confidence, String readAs) {
    }

    /** The scan read: its lines in order (line n of the text is {@code lines.get(n - 1)}) and its straightened pages. */
    record Scan(List<ScanLine> lines, List<BufferedImage> pages) {

        String text() {
            return String.join("\n", lines.stream().map(ScanLine::text).toList());
        }
    }

    /** The pages' text, page after page, with where each line and cell lies. */
    static Scan read(List<BufferedImage> pages) throws UnreadableReportException {
        if (!available()) {
            throw new UnreadableReportException("扫描件需要 OCR：请安装 tesseract-ocr 与 tesseract-ocr-chi-sim",
                    "a scan needs OCR: install tesseract-ocr and tesseract-ocr-chi-sim");
        }
        try {
            List<PageRead> read = IntStream.range(0, pages.size()).parallel().mapToObj(i -> page(i, pages.get(i))).toList();
            List<ScanLine> lines = new ArrayList<>();
            read.forEach(p -> lines.addAll(p.lines()));
            return new Scan(lines, read.stream().map(PageRead::image).toList());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new UnreadableReportException("OCR 失败：" + e.getMessage(), "OCR failed: " + e.getMessage());
        }
    }

    private record PageRead(BufferedImage image, List<ScanLine> lines) {
    }

    /** One Tesseract engine, kept for a page's many small images: starting one costs more than reading a cell. */
    private static final class Engine implements AutoCloseable {
        /** Bound function by function when first called: Debian's library lacks some that tess4j's direct mapping names. */
        private static final TessAPI API = LoadLibs.getTessAPIInstance();

        private final TessBaseAPI handle = API.TessBaseAPICreate();

        Engine(String language, String whitelist) {
            if (API.TessBaseAPIInit3(handle, TESSDATA.toString(), language) != 0) {
                throw new IllegalStateException("Tesseract cannot load " + language + " from " + TESSDATA);
            }
            API.TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
            if (whitelist != null) {
                API.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist);
            }
        }

        /** The image's text in this page-segmentation mode, and Tesseract's mean confidence in it (0–100). */
        Read read(BufferedImage image, int mode) {
            API.TessBaseAPISetPageSegMode(handle, mode);
            API.TessBaseAPISetImage(handle, ImageIOHelper.convertImageData(image), image.getWidth(), image.getHeight(), 1,
                    image.getWidth());
            Pointer text = API.TessBaseAPIGetUTF8Text(handle);
            try {
                return new Read(text == null ? "" : text.getString(0, "UTF-8").strip(), API.TessBaseAPIMeanTextConf(handle));
            } finally {
                if (text != null) {
                    API.TessDeleteText(text);
                }
            }
        }

        @Override
        public void close() {
            API.TessBaseAPIEnd(handle);
            API.TessBaseAPIDelete(handle);
        }
    }

    private record Read(String text, int confidence) {
    }

    private static final int SINGLE_BLOCK = 6;
    private static final int SINGLE_LINE = 7;

    /**
     * Debian's Tesseract runs OpenMP threads inside each call, with thread counts of its own that
     * only OpenMP's thread limit caps; pages are already read on every core, and the two together
     * oversubscribe them (the Huai'an scan: 17 s with OpenMP's threads, 8 s with one). The limit is
     * read from the environment when OpenMP loads with Tesseract, so it is set before that, unless
     * the user set one.
     */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private static void oneOpenMpThreadPerPage() {
        try {
            Native.load("c", LibC.class).setenv("OMP_THREAD_LIMIT", "1", 0);
        } catch (UnsatisfiedLinkError e) {
            // no C library to ask: Tesseract runs with its own threads, only slower
        }
    }

    private static PageRead page(int index, BufferedImage scan) {
        try (Engine chinese = new Engine("chi_sim", null); Engine digits = new Engine("eng", "0123456789.")) {
            BufferedImage page = straighten(gray(scan));
            boolean[][] dark = binarize(page);
            boolean[][] ink = lines(page);
            int w = page.getWidth();
            int h = page.getHeight();
            List<ScanLine> lines = new ArrayList<>();
            for (int[] strip : strips(ink)) {
                List<int[]> cells = cells(ink, strip[0], strip[1]);
                if (cells.size() < 2) {
                    String prose = chinese.read(crop(page, 0, strip[0], w, strip[1]), SINGLE_BLOCK).text();
                    for (String line : SourceText.lines(prose)) {
                        lines.add(new ScanLine(line.strip(), index, strip[0], strip[1], w, h, List.of()));
                    }
                    continue;
                }
                List<String> row = new ArrayList<>();
                List<Token> tokens = new ArrayList<>();
                for (int[] cell : cells) {
                    CellRead read = cell(chinese, digits, page, dark, cell[0], strip[0], cell[1], strip[1]);
                    row.add(read.text());
                    if (!read.text().isEmpty()) {
                        tokens.add(new Token(cell[0], cell[1], read.confidence(), read.readAs()));
                    }
                }
                lines.add(new ScanLine(String.join("\t", row), index, strip[0], strip[1], w, h, tokens));
            }
            return new PageRead(page, lines);
        }
    }

    /** A cell's text as the reader takes it; for a number, what the digits-only engine read and how sure it was. */
    private record CellRead(String text, Integer confidence, String readAs) {

        static CellRead text(String text) {
            return new CellRead(text, null, null);
        }
    }

    /**
     * A table cell's text: Chinese as read; a number read again with the digits-only engine and
     * kept only when it is sure of it — else "?", a cell not read, which the identities may infer.
     */
    private static CellRead cell(Engine chinese, Engine digits, BufferedImage page, boolean[][] dark, int left, int top, int right, int bottom) {
        int inset = 4;
        int x0 = left + inset;
        int y0 = top + inset;
        int x1 = right - inset;
        int y1 = bottom - inset;
        if (x1 - x0 < 8 || y1 - y0 < 8 || inkIn(dark, x0, y0, x1, y1) < 12) {
            return CellRead.text("");
        }
        BufferedImage image = crop(page, x0, y0, x1, y1);
        String text = chinese.read(image, SINGLE_BLOCK).text().replaceAll("\\s+", "");
        // the Chinese model reads a lone digit as a character (4 as 全, 0 as 册): short or number-like cells are read as digits too
        long digitsRead = text.chars().filter(Character::isDigit).count();
        boolean maybeNumber = text.length() <= 2 || digitsRead * 2 >= text.length();
        if (!maybeNumber) {
            return CellRead.text(text);
        }
        Read number = digits.read(image, SINGLE_LINE);
        String value = number.text().replaceAll("\\s+", "");
        if (value.matches("\\d+(\\.\\d+)?")) {
            return new CellRead(number.confidence() >= MIN_NUMBER_CONFIDENCE ? value : ValueToken.UNREAD, number.confidence(), value);
        }
        return digitsRead > 0 || text.length() == 1 ? new CellRead(ValueToken.UNREAD, number.confidence(), value.isEmpty() ? text : value)
                : CellRead.text(text);
    }

    private static int inkIn(boolean[][] dark, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += dark[y][x] ? 1 : 0;
            }
        }
        return n;
    }

    /** A part of the page, on white, with a margin: Tesseract reads a glyph that touches the edge poorly. */
    private static BufferedImage crop(BufferedImage page, int x0, int y0, int x1, int y1) {
        int margin = 10;
        BufferedImage out = new BufferedImage(x1 - x0 + 2 * margin, y1 - y0 + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(page.getSubimage(x0, y0, x1 - x0, y1 - y0), margin, margin, null);
        g.dispose();
        return out;
    }

    /** Pixels dark enough to be a ruling line: scanned lines are thin and grey, lighter than text. */
    private static boolean[][] lines(BufferedImage page) {
        boolean[][] ink = new boolean[page.getHeight()][page.getWidth()];
        var raster = page.getRaster();
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                ink[y][x] = raster.getSample(x, y, 0) < RULE_GREY;
            }
        }
        return ink;
    }

    /** Darker than this (0–255) is a ruling line's pixel. */
    private static final int RULE_GREY = 215;

    /** The cells of a strip between its vertical ruling lines, each [left, right); none when the strip has no such lines. */
    private static List<int[]> cells(boolean[][] ink, int top, int bottom) {
        int w = ink[0].length;
        List<Integer> rules = new ArrayList<>();
        for (int x = 0; x < w; x++) {
            int count = 0;
            for (int y = top; y < bottom; y++) {
                count += ink[y][x] || x > 0 && ink[y][x - 1] || x + 1 < w && ink[y][x + 1] ? 1 : 0;
            }
            if (bottom > top && count >= (bottom - top) * 0.8) {
                if (rules.isEmpty() || x - rules.get(rules.size() - 1) > 1) {
                    rules.add(x);
                } else {
                    rules.set(rules.size() - 1, x);
                }
            }
        }
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i + 1 < rules.size(); i++) {
            if (rules.get(i + 1) - rules.get(i) > 12) {
                cells.add(new int[] {rules.get(i) + 2, rules.get(i + 1) - 1});
            }
        }
        return cells;
    }

    private static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(image, 0, 0, Color.WHITE, null);
        g.dispose();
        return gray;
    }

    /** Pixels darker than the page's Otsu threshold. */
    private static boolean[][] binarize(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] histogram = new int[256];
        var raster = page.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                histogram[raster.getSample(x, y, 0)]++;
            }
        }
        int threshold = otsu(histogram, w * h);
        boolean[][] dark = new boolean[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dark[y][x] = raster.getSample(x, y, 0) < threshold;
            }
        }
        return dark;
    }

    private static int otsu(int[] histogram, int total) {
        long sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (long) i * histogram[i];
        }
        long sumBackground = 0;
        int background = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            background += histogram[t];
            if (background == 0) {
                continue;
            }
            int foreground = total - background;
            if (foreground == 0) {
                break;
            }
            sumBackground += (long) t * histogram[t];
            double meanB = (double) sumBackground / background;
            double meanF = (double) (sum - sumBackground) / foreground;
            double between = (double) background * foreground * (meanB - meanF) * (meanB - meanF);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /**
     * The page turned by the small angle (within ±3°) at which its dark pixels line up best into
     * rows — the angle that makes the row profile sharpest — so that ruling lines run level.
     */
    private static BufferedImage straighten(BufferedImage page) {
        boolean[][] dark = binarize(page);
        List<int[]> points = new ArrayList<>();
        // every row, every fourth column: sampling rows too would quantise the profile and favour no turn at all
        for (int y = 0; y < dark.length; y++) {
            for (int x = 0; x < dark[y].length; x += 4) {
                if (dark[y][x]) {
                    points.add(new int[] {x, y});
                }
            }
        }
        double bestAngle = 0;
        double bestScore = -1;
        for (int step = -60; step <= 60; step++) {
            double angle = Math.toRadians(step / 20.0);
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            int[] profile = new int[dark.length * 2 + 1];
            for (int[] p : points) {
                int y = (int) Math.round(p[1] * cos - p[0] * sin) + dark.length / 2;
                if (y >= 0 && y < profile.length) {
                    profile[y]++;
                }
            }
            double score = 0;
            for (int v : profile) {
                score += (double) v * v;
            }
            if (score > bestScore) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        if (bestAngle == 0) {
            return page;
        }
        BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(-bestAngle, page.getWidth() / 2.0, page.getHeight() / 2.0), null);
        g.dispose();
        return turned;
    }

    /** The page cut at its horizontal ruling lines: the bands between them, each [top, bottom). */
    private static List<int[]> strips(boolean[][] dark) {
        int h = dark.length;
        int w = dark[0].length;
        boolean[] rule = new boolean[h];
        for (int y = 1; y + 1 < h; y++) {
            // a ruling line broken by the scan's noise runs on over gaps of two pixels; text never runs that long
            int run = 0;
            int gap = 0;
            int longest = 0;
            for (int x = 0; x < w; x++) {
                if (dark[y][x]) {
                    run += 1 + gap;
                    gap = 0;
                } else if (run > 0 && ++gap > 2) {
                    run = 0;
                    gap = 0;
                }
                longest = Math.max(longest, run);
            }
            rule[y] = longest >= w / 5;
        }
        List<int[]> strips = new ArrayList<>();
        int top = 0;
        for (int y = 0; y <= h; y++) {
            if (y == h || rule[y]) {
                if (y - top >= DPI / 15) {
                    strips.add(new int[] {top, y});
                }
                top = y + 1;
            }
        }
        return strips;
    }
}
