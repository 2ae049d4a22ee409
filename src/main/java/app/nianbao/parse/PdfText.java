package app.nianbao.parse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
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
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            java.util.Calendar creation = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getCreationDate();
            String created = creation == null ? null : "%tF".formatted(creation);
            if (countCjk(text) >= 20) {
                return new Extracted(text, title, null, created);
            }
            if (!ScanText.available() || doc.getNumberOfPages() > MAX_SCANNED_PAGES) {
                throw new UnreadableReportException("PDF 没有文字层（可能是扫描件），%s".formatted(ScanText.available()
                                ? "超过 %d 页，不做文字识别".formatted(MAX_SCANNED_PAGES) : "本机未安装文字识别（tesseract-ocr-chi-sim）"),
                        "the PDF has no text layer (a scan?) and %s".formatted(ScanText.available()
                                ? "has more than %d pages to recognise".formatted(MAX_SCANNED_PAGES) : "no OCR is installed here"));
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                // the size Tesseract reads best whatever size the scanner declared: an A4 page 2,480 pixels wide (300 dpi)
                float dpi = ScanText.PAGE_WIDTH_PIXELS / (doc.getPage(i).getMediaBox().getWidth() / 72f);
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY));
            }
            ScanText.Scan scan = ScanText.read(pages);
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
