package app.nianbao.store;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;

class StoreTest extends SpringTestBase {

    @Autowired
    DSLContext dsl;

    @Test
    void the_migrated_duckdb_store_round_trips_an_agency_a_report_and_its_figures() {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            long agency = db.insertInto(AGENCY, AGENCY.NAME, AGENCY.NORMALIZED_NAME, AGENCY.LEVEL)
                    .values("测试县人民政府", "测试县人民政府-roundtrip", "COUNTY").returning(AGENCY.ID).fetchOne(AGENCY.ID);
            long report = db.insertInto(REPORT, REPORT.AGENCY_ID, REPORT.YEAR, REPORT.TEMPLATE, REPORT.SOURCE_NAME,
                            REPORT.FORMAT, REPORT.SHA256, REPORT.IMPORTED_AT, REPORT.PARSER_VERSION, REPORT.VERSION, REPORT.SOURCE_TEXT)
                    .values(agency, 2030, "2021", "t.txt", "text", "roundtrip", LocalDateTime.now(), "1", 1, "")
                    .returning(REPORT.ID).fetchOne(REPORT.ID);
            db.insertInto(FIGURE, FIGURE.REPORT_ID, FIGURE.TBL, FIGURE.ROW_CODE, FIGURE.COL_CODE, FIGURE.VALUE, FIGURE.KIND)
                    .values(report, "t2", "fees", "amount_10k_yuan", new BigDecimal("24252.311082"), "number").execute();

            assertThat(db.select(AGENCY.LEVEL).from(AGENCY).where(AGENCY.ID.eq(agency)).fetchOne(AGENCY.LEVEL)).isEqualTo("COUNTY");
            assertThat(db.select(FIGURE.VALUE).from(FIGURE).where(FIGURE.REPORT_ID.eq(report)).fetchOne(FIGURE.VALUE))
                    .isEqualByComparingTo("24252.311082");
            db.deleteFrom(FIGURE).where(FIGURE.REPORT_ID.eq(report)).execute();
            db.deleteFrom(REPORT).where(REPORT.ID.eq(report)).execute();
            db.deleteFrom(AGENCY).where(AGENCY.ID.eq(agency)).execute();
        });
    }

    @Test
    void the_bundled_sample_reports_are_imported_into_a_fresh_store() {
        assertThat(dsl.fetchCount(REPORT)).isGreaterThanOrEqualTo(6);
        assertThat(dsl.select(AGENCY.NAME).from(AGENCY).fetch(AGENCY.NAME))
                .contains("淮安市人民政府", "平潭综合实验区", "上海市人民政府办公厅");
    }
}
