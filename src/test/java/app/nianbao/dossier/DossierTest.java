package app.nianbao.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;
import app.nianbao.export.Dossier;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.report.ReportService;
import app.nianbao.security.Role;

/**
 * The dossiers read back as a reader of the files would: the PDF's text through PDFBox (with its
 * fonts embedded), the Word file's through POI; the expected figures come from the samples'
 * expected JSON and the store, never from the dossier code.
 */
class DossierTest extends SpringTestBase {

    @Autowired
    DossierService dossiers;

    @Autowired
    ReportService reports;

    @Autowired
    DSLContext dsl;

    private long agency(String name) {
        return ((Number) dsl.fetchValue("select id from agency where name = ?", name)).longValue();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void an_agencys_pdf_prints_its_name_its_figures_a_reviewed_finding_its_notes_and_its_files_hash_in_chinese() throws Exception {
        long shanghai = agency("上海市人民政府办公厅");
        long reportId = ((Number) dsl.fetchValue("select id from current_report where agency_id = ? and year = 2019", shanghai)).longValue();
        long finding = ((Number) dsl.fetchValue("select min(id) from finding where report_id = ? and rule = 'R8'", reportId)).longValue();
        String message = (String) dsl.fetchValue("select message from finding where id = ?", finding);
        String sha = (String) dsl.fetchValue("select sha256 from report where id = ?", reportId);
        as("li.analyst", Role.ANALYST, () -> reports.review(finding, ReviewStatus.CONFIRMED, "原表确为空白", "li.analyst"));
        dsl.execute("insert into chart_note (subject, subject_label, metric, year, body, created_by, created_at) values "
                + "(?, '上海市人民政府办公厅', null, 2019, '首次按新模板发布', 'li.analyst', timestamp '2026-12-07 10:00:00')", "agency:" + shanghai);
        try {
            Dossier dossier = dossiers.agency(shanghai, false);
            byte[] pdf = DossierPdf.render(dossier);
            Files.write(Path.of(System.getProperty("java.io.tmpdir"), "dossier-test.pdf"), pdf);

            String text = pdfText(pdf).replaceAll("\\s+", "");
            // 2019_shanghai.expected.json: 本年新收 自然人 821, 总计 859; 规章 现行有效 524
            assertThat(text).contains("上海市人民政府办公厅政府信息公开年度报告档案").contains("表三").contains("821").contains("859")
                    .contains("524")
                    .contains(message.replaceAll("\\s+", "")).contains("已确认（机构填报错误）").contains("原表确为空白")
                    .contains("首次按新模板发布").contains(sha);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(1);
                // every font of every page is embedded: a reader without 汉字 fonts prints the same
                for (var page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    }
                }
            }
        } finally {
            dsl.execute("delete from chart_note where subject = ?", "agency:" + shanghai);
        }
    }

    @Test
    void the_english_dossier_and_the_word_file_say_the_same_in_english() throws Exception {
        long pingtan = agency("平潭综合实验区");
        Dossier dossier = dossiers.agency(pingtan, true);

        byte[] docx = DossierDocx.render(dossier);
        String pdf = pdfText(DossierPdf.render(dossier));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            String text = words.getText();
            // 2023_pingtan.expected.json: table 2 licensing decisions 2629
            assertThat(text).contains("平潭综合实验区: government information disclosure reports, dossier").contains("2629")
                    .contains("2023, table 3: applications received and handled").contains("Sources");
            assertThat(doc.getAllPictures()).hasSize(dossier.charts().size());
            assertThat(doc.getTables()).isNotEmpty();
        }
        assertThat(pdf).contains("Main charts").contains("2629").doesNotContain("报告表格");
        assertThat(dossier.fileName()).isEqualTo("dossier_平潭综合实验区_2019-2023");
    }

    @Test
    void a_comparison_dossier_covers_two_to_twelve_agencies_and_an_agency_without_reports_is_refused() throws Exception {
        long pingtan = agency("平潭综合实验区");
        long huaian = agency("淮安市人民政府");

        String text = pdfText(DossierPdf.render(dossiers.comparison(java.util.List.of(pingtan, huaian), false)));

        // the years between the two agencies' reports that one of them lacks are gaps, said in words
        assertThat(text).contains("机构对比档案").contains("平潭综合实验区").contains("淮安市人民政府").contains("无报告");
        // 上海 2019 leaves 予以公开's total blank (2019_shanghai.expected.json): a blank, not a gap year
        long shanghai = agency("上海市人民政府办公厅");
        String withShanghai = pdfText(DossierPdf.render(dossiers.comparison(java.util.List.of(pingtan, shanghai), false)));
        assertThat(withShanghai.lines().filter(l -> l.startsWith("2019 859")).findFirst().orElseThrow()).contains("空白")
                .doesNotContain("无报告");
        assertThatThrownBy(() -> dossiers.comparison(java.util.List.of(pingtan), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dossiers.agency(-1, false)).isInstanceOf(java.util.NoSuchElementException.class);
    }
}
