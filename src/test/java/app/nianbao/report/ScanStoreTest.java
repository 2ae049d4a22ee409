package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.CELL_BOX;
import static app.nianbao.store.jooq.Tables.CURRENT_REPORT;
import static app.nianbao.store.jooq.Tables.REPORT;
import static app.nianbao.store.jooq.Tables.SCAN_PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.SpringTestBase;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ScanImage;

@WithMockUser(username = "test.analyst", roles = "ANALYST")
class ScanStoreTest extends SpringTestBase {

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    @Autowired
    DSLContext dsl;

    @Test
    void a_scan_is_stored_with_its_page_images_and_the_boxes_of_its_cells() {
        ParsedReport scan = ScanFixture.scan("扫描件存储测试办公室", 2039);

        ImportOutcome outcome = imports.store("scan.pdf", "scan-store-test", scan, true);

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        long id = reportId("扫描件存储测试办公室", 2039);
        // read back with plain SQL, not through the service that wrote them
        var pages = dsl.resultQuery("select page, width, height, image from scan_page where report_id = ? order by page", id).fetch();
        assertThat(pages).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Record page = pages.get(i);
            ScanImage.Page written = scan.scan().pages().get(i);
            assertThat(page.get("page", Integer.class)).isEqualTo(i + 1);
            assertThat(page.get("width", Integer.class)).isEqualTo(written.width());
            assertThat(page.get("height", Integer.class)).isEqualTo(written.height());
            assertThat(page.get("image", byte[].class)).isEqualTo(written.jpeg());
        }
        Record total = dsl.resultQuery("select page, x, y, w, h, confidence, read_as from cell_box"
                + " where report_id = ? and tbl = 't3' and row_code = 'new_received' and col_code = 'total'", id).fetchOne();
        assertThat(total.get("page", Integer.class)).isEqualTo(2);
        assertThat(total.get("x", Double.class)).isEqualTo(0.80);
        assertThat(total.get("w", Double.class)).isEqualTo(0.06);
        assertThat(total.get("confidence", Integer.class)).isEqualTo(61);
        assertThat(total.get("read_as", String.class)).isEqualTo("74");
        assertThat(dsl.fetchCount(CELL_BOX, CELL_BOX.REPORT_ID.eq(id))).isEqualTo(3);

        ReportService.ScanLayout layout = reports.scanLayout(id);
        assertThat(layout.pages()).extracting(ReportService.ScanPageSize::page).containsExactly(1, 2);
        assertThat(layout.boxes()).containsEntry(ScanFixture.TOTAL, ScanFixture.TOTAL_BOX)
                .containsEntry(ScanFixture.GRANTED, ScanFixture.GRANTED_BOX);
        assertThat(reports.scanPageImage(id, 2)).contains(scan.scan().pages().get(1).jpeg());
        assertThat(reports.scanPageImage(id, 3)).isEmpty();
    }

    @Test
    void a_report_that_is_not_a_scan_has_no_pages_and_a_failed_scan_leaves_none_behind() {
        long sample = dsl.select(CURRENT_REPORT.ID).from(CURRENT_REPORT).where(CURRENT_REPORT.FORMAT.eq("html")).limit(1)
                .fetchOne(CURRENT_REPORT.ID);
        assertThat(reports.scanLayout(sample).isEmpty()).isTrue();
        int pages = dsl.fetchCount(SCAN_PAGE);
        ParsedReport scan = ScanFixture.scan("扫描件回退测试办公室", 2039);
        java.util.List<app.nianbao.figures.Finding> broken = new java.util.ArrayList<>(scan.findings());
        // a finding without a message, which the store refuses: the whole file must leave nothing
        broken.add(new app.nianbao.figures.Finding("P9", app.nianbao.figures.Severity.INFO, null, null, null, null, null, null));
        ParsedReport refused = new ParsedReport(scan.agency(), scan.year(), scan.format(), scan.figures(), broken,
                scan.sourceText(), scan.published(), scan.scan());

        ImportOutcome outcome = imports.store("scan.pdf", "scan-store-refused", refused, true);

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(dsl.fetchCount(SCAN_PAGE)).isEqualTo(pages);
        assertThat(dsl.fetchCount(REPORT, REPORT.SHA256.eq("scan-store-refused"))).isZero();
    }

    private long reportId(String agency, int year) {
        return dsl.select(CURRENT_REPORT.ID).from(CURRENT_REPORT)
                .where(CURRENT_REPORT.YEAR.eq(year), CURRENT_REPORT.AGENCY_ID.in(
                        DSL.select(DSL.field("id", Long.class)).from(DSL.table("agency")).where(DSL.field("name").eq(agency))))
                .fetchOne(CURRENT_REPORT.ID);
    }
}
