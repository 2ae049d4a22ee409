package app.nianbao.parse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF, through PDFBox, and its Title metadata. */
final class PdfText {

    /** {@code scan}: the text came from OCR of the page images, there being no text layer (else null). */
    record Extracted(String text, String title, ScanText.Scan scan, String created) {

        boolean scanned() {
            return scan != null;
        }
    }

    /** More pages than any annual report has: a scan this long is not OCR'd (minutes of work for nothing). */
    static final int MAX_SCANNED_PAGES = 60;

    private PdfText() {
    }

    static Extracted read(byte[] bytes) throws UnreadableReportException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PageMarks stripper = new PageMarks();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            Calendar creation = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getCreationDate();
            String created = creation == null ? null : "%tF".formatted(creation);
            List<Integer> scanned = scannedPages(doc, text, stripper.ends);
            if (scanned.isEmpty() && countCjk(text) >= 20) {
                return new Extracted(text, title, null, created);
            }
            if (scanned.isEmpty()) {
                // no text and no page image big enough to be a scan: OCR still has the last word
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    scanned.add(i);
                }
            }
            if (!ScanText.available() || scanned.size() > MAX_SCANNED_PAGES) {
                throw new UnreadableReportException("PDF 没有文字层（可能是扫描件），%s".formatted(ScanText.available()
                                ? "超过 %d 页，不做文字识别".formatted(MAX_SCANNED_PAGES) : "本机未安装文字识别（tesseract-ocr-chi-sim）"),
                        "the PDF has no text layer (a scan?) and %s".formatted(ScanText.available()
                                ? "has more than %d pages to recognise".formatted(MAX_SCANNED_PAGES) : "no OCR is installed here"));
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i : scanned) {
                // the size Tesseract reads best whatever size the scanner declared: an A4 page 2,480 pixels wide (300 dpi)
                float dpi = ScanText.PAGE_WIDTH_PIXELS / (doc.getPage(i).getMediaBox().getWidth() / 72f);
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY));
            }
            ScanText.Scan scan = withTextPages(ScanText.read(pages), scanned, text, stripper.ends);
            String recognised = scan.text();
            if (countCjk(recognised) < 20) {
                throw new UnreadableReportException("PDF 没有文字层，文字识别也没有读出文字", "the PDF has no text layer and OCR found no text in it");
            }
            return new Extracted(recognised, title, scan, created);
        } catch (InvalidPasswordException e) {
            throw new UnreadableReportException("PDF 已加密，无法读取", "the PDF is encrypted");
        } catch (IOException e) {
            throw new UnreadableReportException("PDF 文件已损坏或不是有效的 PDF：" + e.getMessage(),
                    "the PDF is damaged or not a PDF: " + e.getMessage());
        }
    }

    /** A text stripper that notes where in its text each page ends. */
    private static final class PageMarks extends PDFTextStripper {

        final List<Integer> ends = new ArrayList<>();

        PageMarks() throws IOException {
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            output.flush();
            ends.add(((StringWriter) output).getBuffer().length());
        }
    }

    /** Page i's part (0-based) of the text, given where each page's text ends. */
    private static String pageText(String text, List<Integer> ends, int i) {
        return text.substring(i == 0 ? 0 : ends.get(i - 1), ends.get(i));
    }

    /** A page image at least this many pixels on its longer side is taken for a scanned page, not a logo or a seal. */
    private static final int SCANNED_IMAGE_PIXELS = 1000;

    /**
     * The pages (0-based) that are scans in a PDF that may mix them with pages of text: a page
     * whose text layer has fewer than 20 汉字 and that holds a page-sized image.
     */
    private static List<Integer> scannedPages(PDDocument doc, String text, List<Integer> ends) throws IOException {
        List<Integer> scanned = new ArrayList<>();
        for (int i = 0; i < doc.getNumberOfPages() && i < ends.size(); i++) {
            if (countCjk(pageText(text, ends, i)) < 20 && holdsPageImage(doc.getPage(i).getResources())) {
                scanned.add(i);
            }
        }
        return scanned;
    }

    private static boolean holdsPageImage(PDResources resources) throws IOException {
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image
                    && Math.max(image.getWidth(), image.getHeight()) >= SCANNED_IMAGE_PIXELS
                    || object instanceof PDFormXObject form && holdsPageImage(form.getResources())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The OCR of the scanned pages with the text layer of the other pages in their places: a text
     * page's lines have no page image (page -1) and no cells to show on one.
     */
    private static ScanText.Scan withTextPages(ScanText.Scan ocr, List<Integer> scanned, String text, List<Integer> ends) {
        if (scanned.size() == ends.size()) {
            return ocr;
        }
        List<ScanText.ScanLine> lines = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            int at = scanned.indexOf(i);
            if (at >= 0) {
                ocr.lines().stream().filter(l -> l.page() == at).forEach(lines::add);
            } else {
                for (String line : pageText(text, ends, i).split("\\R")) {
                    lines.add(new ScanText.ScanLine(line, -1, 0, 0, 0, 0, List.of()));
                }
            }
        }
        return new ScanText.Scan(lines, ocr.pages());
    }

    private static int countCjk(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
                n++;
            }
        }
        return n;
    }
}
