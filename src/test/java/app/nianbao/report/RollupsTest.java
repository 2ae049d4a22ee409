package app.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;

/**
 * The roll-ups follow every writer of current_cells in its transaction: each step below is
 * checked against sums written in plain SQL over current_cells, for the whole country and for
 * every level, never against the roll-up code itself.
 */
@WithMockUser(username = "test.analyst", roles = "ANALYST")
class RollupsTest extends SpringTestBase {

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    @Autowired
    AgencyService agencies;

    @Autowired
    DSLContext dsl;

    @Autowired
    AnalyticsService analytics;

    @Test
    void imports_new_versions_a_level_change_a_restore_and_a_merge_leave_the_roll_ups_equal_to_the_plain_sums() {
        String v1 = Samples.text(Samples.SEED).replace("2022 年政府信息", "2044 年政府信息");
        String v2 = v1.replace("\n行政许可\t0\t", "\n行政许可\t4\t").replace("2044 年政府信息", "2045 年政府信息");
        store("a2044.txt", v1, "汇总测试甲局");
        store("a2045.txt", v2, "汇总测试甲局");
        store("b2045.txt", v2 + "\n乙局", "汇总测试乙局");
        assertRollupsAreThePlainSums();

        long a = id("汇总测试甲局");
        long b = id("汇总测试乙局");
        agencies.describe(a, AgencyLevel.COUNTY, null, null, null);
        agencies.describe(b, AgencyLevel.CITY, null, null, null);
        assertRollupsAreThePlainSums();

        // a second version of 甲 2044 with other figures, then the first made current again
        String changed = v1.replace("一、本年新收政府信息公开申请数量\t\t\t\t0\t0\t0\t0\t0\t0",
                "一、本年新收政府信息公开申请数量\t\t\t\t5\t0\t0\t0\t0\t0\t5");
        assertThat(changed).isNotEqualTo(v1);
        store("a2044-v2.txt", changed, "汇总测试甲局");
        assertThat(rollup("all", "m:new_applications:t3.new_received.total")).containsEntry(2044, 5L);
        long first = ((Number) dsl.fetchValue("select id from report where agency_id = ? and year = 2044 and version = 1", a)).longValue();
        reports.restore(first, "第 2 版有误", "test.analyst");
        assertRollupsAreThePlainSums();

        agencies.describe(a, AgencyLevel.CITY, null, null, null);
        agencies.merge(a, b);
        assertRollupsAreThePlainSums();
        assertThat(rollup("level:CITY", "reports")).containsEntry(2045, 1L);
    }

    @Test
    void every_metric_and_mix_of_the_country_and_of_a_level_reads_from_the_roll_ups_what_the_same_agencies_chosen_one_by_one_give() {
        agencies.describe(id("平潭综合实验区"), AgencyLevel.COUNTY, null, null, null);
        List<Long> all = dsl.fetch("select distinct agency_id as a from current_cells").getValues("a", Long.class);
        List<Long> counties = dsl.fetch("select id as a from agency where level = 'COUNTY'").getValues("a", Long.class);
        // a list of agencies is answered from current_cells: an independent sum of the same reports
        assertSameSeries(new Scope.All(), new Scope.Agencies(all));
        assertSameSeries(new Scope.Level(AgencyLevel.COUNTY), new Scope.Agencies(counties));
        for (Scope[] pair : new Scope[][] {{new Scope.All(), new Scope.Agencies(all)}, {new Scope.Level(AgencyLevel.COUNTY), new Scope.Agencies(counties)}}) {
            assertThat(analytics.mix(Metric.BY_APPLICANT, Metric.NEW_APPLICATIONS, pair[0], 2019, 2025))
                    .isEqualTo(analytics.mix(Metric.BY_APPLICANT, Metric.NEW_APPLICATIONS, pair[1], 2019, 2025));
            assertThat(analytics.mix(Metric.OUTCOMES, Metric.PROCESSED, pair[0], 2019, 2025))
                    .isEqualTo(analytics.mix(Metric.OUTCOMES, Metric.PROCESSED, pair[1], 2019, 2025));
            assertThat(analytics.coverage(pair[0], 2019, 2025)).isEqualTo(analytics.coverage(pair[1], 2019, 2025));
        }
        // the samples have gaps (平潭 2021 and 2023, others alone in their year): agencies do join and leave
        assertThat(analytics.coverage(new Scope.All(), 2019, 2025)).isNotEmpty();
    }

    private void assertSameSeries(Scope rolledUp, Scope listed) {
        List<Metric> metrics = List.of(Metric.values());
        var expected = analytics.series(metrics, listed, 2019, 2025);
        var actual = analytics.series(metrics, rolledUp, 2019, 2025);
        for (int m = 0; m < metrics.size(); m++) {
            assertThat(points(actual.get(m))).as(metrics.get(m).code()).isEqualTo(points(expected.get(m)));
        }
    }

    /** A series' points in words, values to nine decimals: the roll-ups add the same numbers in another order. */
    private static List<String> points(AnalyticsService.Series series) {
        return series.points().stream().map(p -> "%d %s %d %s %d %d %d %d | %s %s %d %d %d".formatted(p.year(), round(p.value()), p.reports(),
                p.templates(), p.blankCells(), p.excludedReports(), p.agenciesEntered(), p.agenciesLeft(), round(p.change().previous()),
                round(p.change().current()), p.change().panelAgencies(), p.change().entered(), p.change().left())).toList();
    }

    private static String round(Double value) {
        return value == null ? "blank" : "%.9f".formatted(value);
    }

    private void store(String file, String text, String agency) {
        var outcome = imports.importBytes(file, text.getBytes(StandardCharsets.UTF_8), new ReadOptions(agency, null, null));
        assertThat(outcome.reason()).as(file).isNull();
        assertThat(outcome.agency()).isEqualTo(agency);
    }

    private long id(String name) {
        return ((Number) dsl.fetchValue("select id from agency where name = ?", name)).longValue();
    }

    /** Reports, new applications (sum and how many gave one) and agencies matched with the year before, per unit and year. */
    private void assertRollupsAreThePlainSums() {
        assertThat(rollup("all", "reports")).isEqualTo(plain("select year as y, count(*) as v from current_cells group by year"));
        assertThat(rollup("all", "m:new_applications:t3.new_received.total")).isEqualTo(plain(
                "select year as y, sum(t3__new_received__total) as v from current_cells where t3__new_received__total is not null group by year"));
        assertThat(rollup("all", "p:matched")).isEqualTo(plain("select c.year as y, count(*) as v from current_cells c join current_cells p "
                + "on p.agency_id = c.agency_id and p.year = c.year - 1 group by c.year"));
        for (AgencyLevel level : AgencyLevel.values()) {
            String unit = "level:" + level.name();
            String joined = " from current_cells c join agency a on a.id = c.agency_id and a.level = '" + level.name() + "'";
            assertThat(rollup(unit, "reports")).as(unit).isEqualTo(plain("select c.year as y, count(*) as v" + joined + " group by c.year"));
            assertThat(rollup(unit, "m:new_applications:t3.new_received.total")).as(unit).isEqualTo(plain(
                    "select c.year as y, sum(c.t3__new_received__total) as v" + joined + " where c.t3__new_received__total is not null group by c.year"));
        }
    }

    /** A roll-up entry per year, as a whole number, leaving out years it holds at zero (every report there taken out again). */
    private Map<Integer, Long> rollup(String unit, String name) {
        Map<Integer, Long> byYear = new TreeMap<>();
        dsl.fetch("select year as y, total as v from rollup where unit = ? and name = ? and n > 0", unit, name)
                .forEach(r -> byYear.put(r.get("y", Integer.class), Math.round(r.get("v", Double.class))));
        return byYear;
    }

    private Map<Integer, Long> plain(String sql) {
        Map<Integer, Long> byYear = new TreeMap<>();
        dsl.fetch(sql).forEach(r -> byYear.put(r.get("y", Integer.class), Math.round(r.get("v", Double.class))));
        return byYear;
    }
}
