package app.nianbao.parse;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;

/**
 * Where each cell of a scan lies on its page. A table row of the scan is one line whose pieces
 * are its non-empty cells in order; when a row's values are as many as the template cells read
 * from that line, the n-th value is the n-th of those cells. Otherwise (a blank cell dropped,
 * a value the identities placed) the cell is shown by its row's band, which does not pretend
 * to a precision the reading does not have.
 */
final class ScanBoxes {

    /** Wide enough to read a cell's digits on screen; a sixth of the full page's pixels. */
    private static final int SHOWN_WIDTH = 1240;

    private ScanBoxes() {
    }

    static ScanImage image(ScanText.Scan scan, List<Line> lines, Figures figures) {
        Map<String, Line> bySource = new HashMap<>();
        lines.forEach(line -> bySource.put(line.source(), line));
        Map<String, List<CellCode>> cellsOfLine = new LinkedHashMap<>();
        for (CellCode code : Codebook.get().cells(figures.template())) {
            Cell cell = figures.cell(code);
            if (cell.source() != null && SourceText.lineNumber(cell.source()) > 0) {
                cellsOfLine.computeIfAbsent(cell.source(), s -> new ArrayList<>()).add(code);
            }
        }
        Map<CellCode, ScanImage.Box> boxes = new LinkedHashMap<>();
        cellsOfLine.forEach((source, codes) -> {
            int n = SourceText.lineNumber(source);
            Line line = bySource.get(source);
            // a line of a PDF's text page (page -1) was not read off an image
            if (line == null || n > scan.lines().size() || scan.lines().get(n - 1).page() < 0) {
                return;
            }
            ScanText.ScanLine at = scan.lines().get(n - 1);
            int values = Row.of(line).values().size();
            boolean oneToOne = values == codes.size() && at.tokens().size() == line.cells().size();
            for (int j = 0; j < codes.size(); j++) {
                boxes.put(codes.get(j), oneToOne ? box(at, at.tokens().get(at.tokens().size() - values + j)) : band(at));
            }
        });
        return new ScanImage(scan.pages().stream().map(ScanBoxes::shown).toList(), boxes);
    }

    private static ScanImage.Box box(ScanText.ScanLine line, ScanText.Token token) {
        return new ScanImage.Box(line.page() + 1, (double) token.left() / line.pageWidth(), (double) line.top() / line.pageHeight(),
                (double) (token.right() - token.left()) / line.pageWidth(), (double) (line.bottom() - line.top()) / line.pageHeight(),
                token.confidence(), token.readAs());
    }

    private static ScanImage.Box band(ScanText.ScanLine line) {
        return new ScanImage.Box(line.page() + 1, 0, (double) line.top() / line.pageHeight(), 1,
                (double) (line.bottom() - line.top()) / line.pageHeight(), null, null);
    }

    /** The straightened page, reduced and saved as a greyscale JPEG. */
    private static ScanImage.Page shown(BufferedImage page) {
        int width = Math.min(SHOWN_WIDTH, page.getWidth());
        int height = Math.max(1, Math.round((float) page.getHeight() * width / page.getWidth()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, width, height, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.7f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(small, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new ScanImage.Page(width, height, out.toByteArray());
    }
}
