package app.nianbao.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import app.nianbao.export.Dossier;

/**
 * A dossier as a PDF: laid out from XHTML by openhtmltopdf on PDFBox, A4 pages numbered, the
 * CJK font embedded (subset) so Chinese prints on any machine. The XHTML is built as a jsoup
 * tree, so no text can break the markup.
 */
public final class DossierPdf {

    private static final String LATIN = "Nianbao Latin";
    private static final String CJK = "Nianbao CJK";

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
                    @bottom-center { content: counter(page) " / " counter(pages); font-family: '%1$s', '%2$s'; font-size: 8pt; color: #555; } }
            * { font-family: '%1$s', '%2$s'; }
            body { font-size: 9pt; color: #1a1a1a; }
            h1 { font-size: 16pt; margin: 0 0 4pt 0; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; page-break-after: avoid; }
            h3 { font-size: 10pt; margin: 10pt 0 3pt 0; page-break-after: avoid; }
            p.covers, p.made { margin: 0 0 3pt 0; color: #333; }
            table { border-collapse: collapse; width: 100%%; margin-bottom: 6pt; -fs-table-paginate: paginate; }
            table.grid { table-layout: fixed; }
            table.grid tr > :first-child { width: 24%%; }
            th, td { border: 1px solid #bbb; padding: 2pt 3pt; vertical-align: top; }
            th { background: #f0f0f0; font-weight: bold; }
            td.n { text-align: right; }
            td.blank { text-align: right; color: #b00020; }
            img { width: 100%%; margin: 2pt 0 8pt 0; }
            p.note { margin: 1pt 0; color: #92400e; }
            td.sha { font-size: 7pt; word-wrap: break-word; }
            """.formatted(LATIN, CJK);

    private DossierPdf() {
    }

    public static byte[] render(Dossier dossier) {
        Document html = DossierHtml.of(dossier, CSS);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // every weight is registered: nothing may fall back to a font the PDF does not embed
            var normal = BaseRendererBuilder.FontStyle.NORMAL;
            builder.useFont(() -> PrintFonts.open(PrintFonts.LATIN), LATIN, 400, normal, true);
            builder.useFont(() -> PrintFonts.open(PrintFonts.LATIN_BOLD), LATIN, 700, normal, true);
            builder.useFont(() -> PrintFonts.open(PrintFonts.CJK), CJK, 400, normal, true);
            builder.useFont(() -> PrintFonts.open(PrintFonts.CJK), CJK, 700, normal, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XHTML both a PDF and (one day) a browser print from. */
    static final class DossierHtml {

        private DossierHtml() {
        }

        static Document of(Dossier d, String css) {
            Document doc = Document.createShell("");
            doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml);
            doc.selectFirst("html").attr("lang", d.english() ? "en" : "zh-CN");
            doc.head().appendElement("meta").attr("charset", "UTF-8");
            doc.head().appendElement("title").text(d.title());
            doc.head().appendElement("style").text(css);
            Element body = doc.body();
            body.appendElement("h1").text(d.title());
            body.appendElement("p").addClass("covers").text(d.covers());
            body.appendElement("p").addClass("made").text(Words.MADE.in(d.english(),
                    d.made().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
            body.appendElement("h2").text(Words.CHARTS.in(d.english()));
            for (Dossier.Picture p : d.charts()) {
                body.appendElement("h3").text(p.title());
                body.appendElement("img").attr("alt", p.title())
                        .attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(p.png()));
            }
            body.appendElement("p").text(Words.AXIS_FROM_ZERO.in(d.english()));
            body.appendElement("h2").text(Words.NOTES.in(d.english()));
            if (d.notes().isEmpty()) {
                body.appendElement("p").text(Words.NO_NOTES.in(d.english()));
            }
            d.notes().forEach(n -> body.appendElement("p").addClass("note").text(n));
            body.appendElement("h2").text(Words.TABLES.in(d.english()));
            d.tables().forEach(t -> table(body, t, d.english()));
            body.appendElement("h2").text(Words.FINDINGS.in(d.english()));
            if (d.findings().isEmpty()) {
                body.appendElement("p").text(Words.NO_FINDINGS.in(d.english()));
            } else {
                rows(body, List.of(Words.REPORT.in(d.english()), Words.RULE.in(d.english()), Words.SEVERITY.in(d.english()),
                        Words.TEXT.in(d.english()), Words.REVIEW.in(d.english())), d.findings().stream()
                        .map(f -> List.of(f.report(), f.rule(), f.severity(), f.text(), f.review())).toList(), d.english());
            }
            body.appendElement("h2").text(Words.SOURCES.in(d.english()));
            Element sources = body.appendElement("table");
            Element head = sources.appendElement("tr");
            for (Words w : List.of(Words.REPORT, Words.FILE, Words.VERSION, Words.IMPORTED)) {
                head.appendElement("th").text(w.in(d.english()));
            }
            head.appendElement("th").text("SHA-256");
            for (Dossier.Source s : d.sources()) {
                Element tr = sources.appendElement("tr");
                tr.appendElement("td").text(s.report());
                tr.appendElement("td").text(s.file());
                tr.appendElement("td").addClass("n").text(String.valueOf(s.version()));
                tr.appendElement("td").text(s.importedAt().toString().replace('T', ' '));
                tr.appendElement("td").addClass("sha").text(s.sha256());
            }
            return doc;
        }

        private static void table(Element body, Dossier.Table t, boolean english) {
            body.appendElement("h3").text(t.title());
            if (!t.rows().isEmpty()) {
                rows(body, t.header(), t.rows(), english);
            }
        }

        private static void rows(Element body, List<String> header, List<List<String>> rows, boolean english) {
            Element table = body.appendElement("table");
            if (header.size() > 3) {
                table.addClass("grid");
            }
            if (!header.isEmpty()) {
                Element tr = table.appendElement("tr");
                header.forEach(h -> tr.appendElement("th").text(h));
            }
            String blank = Words.BLANK.in(english);
            for (List<String> row : rows) {
                Element tr = table.appendElement("tr");
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    Element td = tr.appendElement(c == 0 ? "th" : "td").text(v);
                    if (c > 0 && v.equals(blank)) {
                        td.addClass("blank");
                    } else if (c > 0 && v.matches("-?[0-9][0-9.,]*")) {
                        td.addClass("n");
                    }
                }
            }
        }
    }
}
