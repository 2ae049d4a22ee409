package app.nianbao.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx, or the legacy binary .doc that WPS Office also writes) as the lines the table reader takes: each paragraph a text line, each
 * table row its cells, in document order. Cells merged across columns (gridSpan) are one cell
 * and the continuations of cells merged down (vMerge) are left out, as a web page's colspan and
 * rowspan give them, so the reader sees a Word table as it sees the same table on the web.
 */
final class WordLines {

    private WordLines() {
    }

    /** Whether these bytes are an Office Open XML word-processing document. */
    static boolean isWordDocument(byte[] bytes) {
        return ZipEntries.names(bytes).map(names -> names.contains("word/document.xml")).orElse(false);
    }

    /**
     * Whether these bytes are a Word 97–2003 binary document: an OLE2 container with a
     * WordDocument stream. WPS Office's .wps is this format too; Excel and PowerPoint files are not.
     */
    static boolean isLegacyWordDocument(byte[] bytes) {
        if (bytes.length < 8 || (bytes[0] & 0xff) != 0xD0 || (bytes[1] & 0xff) != 0xCF) {
            return false;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntryCaseInsensitive("WordDocument");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A .doc or .wps: paragraphs as text lines and table rows as their cells, merges as in {@link #read}. */
    static HtmlLines.Page readLegacy(byte[] bytes) throws UnreadableReportException {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < range.numParagraphs();) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table table = range.getTable(p);
                    legacyTable(table, lines);
                    i += Math.max(1, table.numParagraphs());
                } else {
                    paragraph(plain(p.text()), lines);
                    i++;
                }
            }
            List<String> titles = new ArrayList<>();
            String title = doc.getSummaryInformation() == null ? null : doc.getSummaryInformation().getTitle();
            if (title != null && !title.isBlank()) {
                titles.add(title);
            }
            return new HtmlLines.Page(lines, titles, null);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableReportException("Word 文档设有打开密码，无法读取", "the Word document needs a password to open");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableReportException("Word 文档已损坏或无法读取：" + e.getMessage(),
                    "the Word document is damaged or cannot be read: " + e.getMessage());
        }
    }

    private static void legacyTable(Table table, List<Line> lines) {
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()
                        || cell.isMerged() && !cell.isFirstMerged();
                if (!continuation) {
                    cells.add(Lines.compact(plain(cell.text()).replace('\u00A0', ' ')));
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(String.join("\t", cells), cells, "line " + (lines.size() + 1), true));
            }
        }
    }

    /** A binary document's text without its field codes and its paragraph, cell and row marks. */
    private static String plain(String text) {
        return Range.stripFields(text).replaceAll("[\\r\\n\\u0007\\u000B\\f]", " ");
    }

    static HtmlLines.Page read(byte[] bytes) throws UnreadableReportException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Line> lines = new ArrayList<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    paragraph(p.getText(), lines);
                } else if (element instanceof XWPFTable t) {
                    table(t, lines);
                }
            }
            List<String> titles = new ArrayList<>();
            String title = doc.getProperties().getCoreProperties().getTitle();
            if (title != null && !title.isBlank()) {
                titles.add(title);
            }
            return new HtmlLines.Page(lines, titles, null);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableReportException("Word 文档已损坏或无法读取：" + e.getMessage(),
                    "the Word document is damaged or cannot be read: " + e.getMessage());
        }
    }

    private static void paragraph(String text, List<Line> lines) {
        String s = text.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
        if (!s.isEmpty()) {
            lines.add(new Line(s, List.of(s.split(" ")), "line " + (lines.size() + 1), false));
        }
    }

    private static void table(XWPFTable table, List<Line> lines) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                if (!continuesMergeDown(cell)) {
                    cells.add(Lines.compact(cell.getText().replace('\u00A0', ' ')));
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(String.join("\t", cells), cells, "line " + (lines.size() + 1), true));
            }
        }
    }

    /** A cell under the first of a vertical merge: Word keeps it, empty; a web page has no cell there. */
    private static boolean continuesMergeDown(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        return properties != null && properties.isSetVMerge()
                && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
    }
}
