package app.nianbao.dossier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import app.nianbao.export.Dossier;

/**
 * A dossier as a Word file (.docx, through POI), to be edited before it is handed over: the
 * same headings, charts, tables, findings, notes and sources as the PDF, in the same order.
 */
public final class DossierDocx {

    private static final int PICTURE_WIDTH_CM = 16;

    private DossierDocx() {
    }

    public static byte[] render(Dossier d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            boolean en = d.english();
            text(doc, d.title(), 18, true);
            text(doc, d.covers(), 10, false);
            text(doc, Words.MADE.in(en, d.made().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))), 10, false);
            heading(doc, Words.CHARTS.in(en));
            for (Dossier.Picture p : d.charts()) {
                text(doc, p.title(), 11, true);
                XWPFRun run = doc.createParagraph().createRun();
                int width = Units.toEMU(PICTURE_WIDTH_CM / 2.54 * 72);
                run.addPicture(new ByteArrayInputStream(p.png()), Document.PICTURE_TYPE_PNG, p.title() + ".png", width,
                        (int) ((long) width * p.height() / p.width()));
            }
            text(doc, Words.AXIS_FROM_ZERO.in(en), 9, false);
            heading(doc, Words.NOTES.in(en));
            if (d.notes().isEmpty()) {
                text(doc, Words.NO_NOTES.in(en), 10, false);
            }
            d.notes().forEach(n -> text(doc, n, 10, false));
            heading(doc, Words.TABLES.in(en));
            for (Dossier.Table t : d.tables()) {
                text(doc, t.title(), 11, true);
                if (!t.rows().isEmpty()) {
                    table(doc, t.header(), t.rows());
                }
            }
            heading(doc, Words.FINDINGS.in(en));
            if (d.findings().isEmpty()) {
                text(doc, Words.NO_FINDINGS.in(en), 10, false);
            } else {
                table(doc, List.of(Words.REPORT.in(en), Words.RULE.in(en), Words.SEVERITY.in(en), Words.TEXT.in(en), Words.REVIEW.in(en)),
                        d.findings().stream().map(f -> List.of(f.report(), f.rule(), f.severity(), f.text(), f.review())).toList());
            }
            heading(doc, Words.SOURCES.in(en));
            table(doc, List.of(Words.REPORT.in(en), Words.FILE.in(en), Words.VERSION.in(en), Words.IMPORTED.in(en), "SHA-256"),
                    d.sources().stream().map(s -> List.of(s.report(), s.file(), String.valueOf(s.version()),
                            s.importedAt().toString().replace('T', ' '), s.sha256())).toList());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("a chart picture was refused", e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void text(XWPFDocument doc, String text, int size, boolean bold) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    /** A table with a bold header row (when there is one) and the first column as row labels. */
    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        int columns = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(1));
        XWPFTable table = doc.createTable(rows.size() + (header.isEmpty() ? 0 : 1), columns);
        table.setWidth("100%");
        int r = 0;
        if (!header.isEmpty()) {
            fill(table.getRow(r++), header, true);
        }
        for (List<String> row : rows) {
            fill(table.getRow(r++), row, false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
        for (int c = 0; c < values.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            if (c > 0 && values.get(c).matches("-?[0-9][0-9.,]*")) {
                p.setAlignment(ParagraphAlignment.RIGHT);
            }
            XWPFRun run = p.createRun();
            run.setFontSize(8);
            run.setBold(bold || c == 0);
            run.setText(values.get(c));
        }
    }
}
