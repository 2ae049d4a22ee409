package app.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.security.Role;

/** Versions of a report: an older one made current again is a new version that copies it, recorded with who and why. */
@WithMockUser(username = "test.analyst", roles = "ANALYST")
class ReportVersionsTest extends SpringTestBase {

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    @Autowired
    DSLContext dsl;

    @Test
    void restoring_version_one_stores_a_third_version_that_copies_it_and_the_read_model_follows() {
        String v1 = Samples.text(Samples.SEED).replace("2022 年政府信息", "2041 年政府信息");
        String v2 = v1.replace("\n行政许可\t0\t", "\n行政许可\t4\t");
        ReadOptions options = new ReadOptions("版本恢复测试局", null, null);
        imports.importBytes("v1.txt", v1.getBytes(StandardCharsets.UTF_8), options);
        imports.importBytes("v2.txt", v2.getBytes(StandardCharsets.UTF_8), options);
        long agency = ((Number) dsl.fetchValue("select id from agency where name = '版本恢复测试局'")).longValue();
        long first = ((Number) dsl.fetchValue("select id from report where agency_id = ? and year = 2041 and version = 1", agency)).longValue();
        assertThat(((Number) dsl.fetchValue("select t2__licensing__decisions from current_cells where agency_id = ?", agency)).intValue())
                .isEqualTo(4);

        int[] version = new int[1];
        as("wang.analyst", Role.ANALYST, () -> version[0] = reports.restore(first, "第 2 版有误", "wang.analyst"));

        assertThat(version[0]).isEqualTo(3);
        long third = ((Number) dsl.fetchValue("select id from report where agency_id = ? and year = 2041 and version = 3", agency)).longValue();
        assertThat(dsl.fetch("select tbl, row_code, col_code, value, kind from figure where report_id = ? order by 1, 2, 3", third))
                .isEqualTo(dsl.fetch("select tbl, row_code, col_code, value, kind from figure where report_id = ? order by 1, 2, 3", first));
        assertThat(dsl.fetch("select rule, severity, tbl, row_code, col_code from finding where report_id = ? order by 1, 3, 4, 5", third))
                .isEqualTo(dsl.fetch("select rule, severity, tbl, row_code, col_code from finding where report_id = ? order by 1, 3, 4, 5", first));
        assertThat(((Number) dsl.fetchValue("select t2__licensing__decisions from current_cells where agency_id = ?", agency)).intValue())
                .isZero();
        assertThat(dsl.fetchValue("select reason from report_restore where report_id = ? and restored_from = ?", third, first))
                .isEqualTo("第 2 版有误");
        assertThat(reports.versions(agency, 2041).get(0).restored()).satisfies(r -> {
            assertThat(r.fromVersion()).isEqualTo(1);
            assertThat(r.by()).isEqualTo("wang.analyst");
        });
    }

    @Test
    void a_restore_needs_a_reason_and_an_analyst() {
        long any = ((Number) dsl.fetchValue("select min(id) from report")).longValue();
        int reports = ((Number) dsl.fetchValue("select count(*) from report")).intValue();

        as("wang.analyst", Role.ANALYST, () -> assertThatThrownBy(() -> this.reports.restore(any, " ", "wang.analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("须写明理由"));
        as("reader", Role.VIEWER, () -> assertThatThrownBy(() -> this.reports.restore(any, "why", "reader"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class));
        assertThat(((Number) dsl.fetchValue("select count(*) from report")).intValue()).isEqualTo(reports);
    }
}
