package app.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.report.ReportService.ReportQuery;
import app.nianbao.report.ReportService.ReportSummary;

/**
 * The report list in its default order (latest year first, then by name), cut into pages of
 * every size and offset, against the same order written in plain SQL; the pager's count too.
 */
@WithMockUser(username = "test.analyst", roles = "ANALYST")
class ReportListTest extends SpringTestBase {

    @Autowired
    ReportService reports;

    @Autowired
    AgencyService agencies;

    @Autowired
    DSLContext dsl;

    @Test
    void pages_across_year_boundaries_follow_the_plain_sql_order_and_the_count_matches_with_and_without_filters() {
        long pingtan = ((Number) dsl.fetchValue("select id from agency where name = '平潭综合实验区'")).longValue();
        agencies.describe(pingtan, AgencyLevel.COUNTY, null, null, null);
        assertSameList(new ReportQuery("", null, null, null, false), "true");
        assertSameList(new ReportQuery(null, "COUNTY", null, null, false), "a.level = 'COUNTY'");
        assertSameList(new ReportQuery("", null, 2021, null, false), "c.year = 2021");
        assertSameList(new ReportQuery("平潭", null, null, null, false), "a.name like '%平潭%'");
        assertSameList(new ReportQuery("2019", null, null, null, false), "(c.year = 2019 or a.name like '%2019%')");
    }

    private void assertSameList(ReportQuery query, String where) {
        List<Long> expected = dsl.fetch("select c.report_id as id from current_cells c join agency a on a.id = c.agency_id where "
                + where + " order by c.year desc, a.name, c.report_id").getValues("id", Long.class);
        assertThat(expected).as(where).isNotEmpty();
        assertThat(reports.countCurrent(query)).as(where).isEqualTo(expected.size());
        for (int size = 1; size <= expected.size() + 1; size++) {
            for (int offset = 0; offset <= expected.size(); offset++) {
                List<Long> page = reports.page(query, offset, size).stream().map(ReportSummary::reportId).toList();
                assertThat(page).as("%s, offset %d, size %d", where, offset, size)
                        .isEqualTo(expected.subList(offset, Math.min(expected.size(), offset + size)));
            }
        }
    }
}
