package app.nianbao.parse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReportRules;
import app.nianbao.figures.Rule;
import app.nianbao.figures.Severity;
import app.nianbao.figures.ValueBound;

/**
 * Reads one annual report — text, web page or PDF — into the figures of its template, with
 * every repair, inference and gap stated as a finding. The one reader `parse` and every import use.
 */
public final class ReportReader {

    /** Stored with each report so a later reader's improvements can be told apart. */
    public static final String VERSION = "1";

    private ReportReader() {
    }

    public static ParsedReport read(byte[] bytes, String fileName, ReadOptions options) throws UnreadableReportException {
        if (bytes.length == 0) {
            throw new UnreadableReportException("文件是空的", "the file is empty");
        }
        Format format = options.format() != null ? options.format() : Format.sniff(bytes);
        if (format != Format.DOCX && format != Format.DOC && format != Format.SCAN) {
            refuseKnownBinary(bytes);
        }
        List<String> titles = new ArrayList<>();
        String metaDate = null;
        Published.Source metaSource = null;
        List<Line> lines;
        String sourceText;
        ScanText.Scan scan = null;
        switch (format) {
            case PDF -> {
                PdfText.Extracted pdf = PdfText.read(bytes);
                if (pdf.title() != null) {
                    titles.add(pdf.title());
                }
                sourceText = pdf.text();
                lines = Lines.ofText(sourceText);
                metaDate = pdf.created();
                metaSource = Published.Source.PDF_META;
                if (pdf.scanned()) {
                    format = Format.SCAN;
                    scan = pdf.scan();
                }
            }
            case SCAN -> {
                scan = ScanText.read(List.of(image(bytes)));
                sourceText = scan.text();
                lines = Lines.ofText(sourceText);
            }
            case HTML, DOCX, DOC -> {
                HtmlLines.Page page = format == Format.HTML ? HtmlLines.read(decodeText(bytes))
                        : format == Format.DOCX ? WordLines.read(bytes) : WordLines.readLegacy(bytes);
                titles.addAll(page.titles());
                lines = page.lines();
                metaDate = page.publishedMeta();
                metaSource = Published.Source.PAGE_META;
                sourceText = String.join("\n", lines.stream().map(Line::text).toList());
            }
            default -> {
                sourceText = decodeText(bytes);
                // text is decoded once, here: whether it is Markdown is read off its tables, as glued page text below
                if (format == Format.TEXT && options.format() == null && MarkdownLines.hasPipeTables(sourceText)) {
                    format = Format.MARKDOWN;
                }
                lines = format == Format.MARKDOWN ? MarkdownLines.read(sourceText) : Lines.ofText(sourceText);
            }
        }
        // a crawler's flattening of the page glues labels and numbers; its rows are cut apart and their digits split
        boolean glued = format == Format.CRAWLED || format == Format.TEXT && GluedText.looksGlued(sourceText);
        if (glued) {
            format = Format.CRAWLED;
            sourceText = GluedText.cut(sourceText);
            lines = Lines.ofText(sourceText);
        }
        TableReader.Tables tables = TableReader.read(lines, glued);
        keepHugeValuesAsText(tables.figures());
        TitleReader.Title title = TitleReader.read(titles, lines, fileName);
        String agency = options.agency() != null ? options.agency() : title.agency();
        Integer year = options.year() != null ? options.year() : title.year();
        List<Finding> findings = new ArrayList<>(tables.findings());
        if (options.agency() == null && agency != null && format.isConverted()) {
            // a converter's or OCR's title may misread a character of the place; the official division names say which
            String printed = agency;
            agency = DivisionNames.get().corrected(printed).orElse(printed);
            if (!agency.equals(printed)) {
                findings.add(Finding.of(Rule.P7.id(), Severity.WARNING, null, null, null,
                        "标题中的机构名称「%s」按行政区划名称更正为「%s」".formatted(printed, agency)));
            }
        }
        if (agency == null || year == null) {
            findings.add(Finding.of(Rule.P6.id(), Severity.WARNING, null, null, null,
                    "标题中未能读出%s，请在导入时指定".formatted(agency == null && year == null ? "机构名称和年度"
                            : agency == null ? "机构名称" : "年度")));
        }
        findings.addAll(0, ReportRules.check(tables.figures()));
        Published published = Published.ofMeta(metaDate, metaSource, year).orElse(null);
        if (published == null) {
            published = Published.ofSignOff(SourceText.lines(sourceText), year).orElse(null);
        }
        ScanImage image = scan == null ? null : ScanBoxes.image(scan, lines, tables.figures());
        return new ParsedReport(agency, year, format, tables.figures(), findings, sourceText, published, image);
    }

    /**
     * A value beyond any real count (see {@link ValueBound}) has held its place in its row while
     * the tables were read; now it becomes text, kept as printed, so that no sum sees it and the
     * checks flag it (R7).
     */
    private static void keepHugeValuesAsText(Figures figures) {
        for (Cell cell : List.copyOf(figures.cells())) {
            if (cell.value() != null && ValueBound.exceeds(cell.value())) {
                String printed = cell.raw() != null ? cell.raw() : cell.value().toPlainString();
                figures.put(new Cell(cell.code(), null, CellKind.TEXT, printed, cell.source()));
            }
        }
    }

    /** Archives, Office files and images are refused by name, whatever their file name says. */
    private static void refuseKnownBinary(byte[] bytes) throws UnreadableReportException {
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableReportException("文件是压缩包或非 Word 的 Office 文档（如 XLS、PPT），不是年报；请先解压或另存为 PDF/HTML/Word/文本",
                    "the file is an archive or an Office document other than Word (such as XLS or PPT), not a report: unpack it or save it as PDF, HTML, Word or text");
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47) || startsWith(bytes, 0xFF, 0xD8, 0xFF) || startsWith(bytes, 0x47, 0x49, 0x46)) {
            throw new UnreadableReportException("文件是图片，没有可读取的文字", "the file is an image, with no text to read");
        }
    }

    private static BufferedImage image(byte[] bytes) throws UnreadableReportException {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IOException("no image reader for these bytes");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableReportException("图片已损坏或无法读取：" + e.getMessage(), "the image is damaged or cannot be read: " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decodeText(byte[] bytes) throws UnreadableReportException {
        String text = TextDecoding.decode(bytes);
        if (TextDecoding.looksBinary(text)) {
            throw new UnreadableReportException("文件是二进制数据，不是年报文本", "the file is binary, not report text");
        }
        return text;
    }

    /** For callers that hold text already (tests, the generator). */
    public static ParsedReport readText(String text, String fileName) throws UnreadableReportException {
        return read(text.getBytes(StandardCharsets.UTF_8), fileName, new ReadOptions(null, null, Format.TEXT));
    }
}
