package app.nianbao.parse;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF, through PDFBox, and its Title metadata. */
final class PdfText {

    record Extracted(String text, String title) {
    }

    private PdfText() {
    }

    static Extracted read(byte[] bytes) throws UnreadableReportException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            if (countCjk(text) < 20) {
                throw new UnreadableReportException("PDF 没有文字层（可能是扫描件），无法读取数字",
                        "the PDF has no text layer (a scan?), so no figures can be read");
            }
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            return new Extracted(text, title);
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
