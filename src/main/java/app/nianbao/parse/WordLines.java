package app.nianbao.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx) as the lines the table reader takes: each paragraph a text line, each
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
