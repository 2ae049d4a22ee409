package app.nianbao.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import app.nianbao.Samples;
import app.nianbao.catalog.CellCode;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.ScanImage;
import app.nianbao.parse.UnreadableReportException;

/**
 * The seed report under another agency and year with two made-up scanned pages and three cell
 * boxes written by hand, so the store and the report page can be tested without an OCR run.
 */
public final class ScanFixture {

    public static final CellCode NATURAL = new CellCode("t3", "new_received", "natural");
    public static final CellCode TOTAL = new CellCode("t3", "new_received", "total");
    public static final CellCode GRANTED = new CellCode("t3", "granted", "natural");

    public static final ScanImage.Box NATURAL_BOX = new ScanImage.Box(1, 0.40, 0.50, 0.05, 0.03, 96, "71");
    public static final ScanImage.Box TOTAL_BOX = new ScanImage.Box(2, 0.80, 0.10, 0.06, 0.03, 61, "74");
    public static final ScanImage.Box GRANTED_BOX = new ScanImage.Box(2, 0.0, 0.20, 1.0, 0.04, null, null);

    private ScanFixture() {
    }

    public static ParsedReport scan(String agency, int year) {
        try {
            ParsedReport seed = ReportReader.read(Samples.text(Samples.SEED).getBytes(StandardCharsets.UTF_8), "scan.pdf",
                    new ReadOptions(agency, year, null));
            ScanImage scan = new ScanImage(List.of(page(200, 280, Color.LIGHT_GRAY), page(200, 282, Color.GRAY)),
                    Map.of(NATURAL, NATURAL_BOX, TOTAL, TOTAL_BOX, GRANTED, GRANTED_BOX));
            return new ParsedReport(seed.agency(), seed.year(), app.nianbao.parse.Format.SCAN, seed.figures(), seed.findings(),
                    seed.sourceText(), seed.published(), scan);
        } catch (UnreadableReportException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScanImage.Page page(int width, int height, Color ink) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(ink);
        g.fillRect(10, 10, width / 2, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScanImage.Page(width, height, out.toByteArray());
    }
}
