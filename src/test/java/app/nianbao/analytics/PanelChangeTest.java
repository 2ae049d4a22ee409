package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.nianbao.SpringTestBase;
import app.nianbao.analytics.AnalyticsService.Change;
import app.nianbao.analytics.AnalyticsService.Contribution;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.analytics.AnalyticsService.Presence;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;

/**
 * Changes between years compare the same agencies. The figures are written here by hand straight
 * into the read model, in years (2041–2044) no sample uses, and every expectation is worked out
 * by hand from them or by plain SQL — never by the service under test.
 *
 * <pre>
 * new applications   2041   2042   2043   2044
 *   A                 100    110     —     130    (no 2043 report: a gap)
 *   B                  —      50     60     —     (enters 2042)
 *   C                  40     —      —      —     (leaves 2042)
 *   D               blank     30     —      —     (counts from 2042 only)
 * </pre>
 */
class PanelChangeTest extends SpringTestBase {

    @Autowired
    AnalyticsService analytics;

    @Autowired
    DataSource dataSource;

    private JdbcTemplate sql;
    private final Map<String, Long> ids = new java.util.LinkedHashMap<>();

    @BeforeEach
    void writeFigures() {
        sql = new JdbcTemplate(dataSource);
        for (String name : List.of("A", "B", "C", "D", "E", "F")) {
            long id = sql.queryForObject("select max(id) from agency", Long.class) + 1000;
            sql.update("insert into agency (id, name, normalized_name) values (?, ?, ?)", id, "面板测试" + name, "面板测试" + name);
            ids.put(name, id);
        }
        report("A", 2041, 100.0);
        report("A", 2042, 110.0);
        report("A", 2044, 130.0);
        report("B", 2042, 50.0);
        report("B", 2043, 60.0);
        report("C", 2041, 40.0);
        report("D", 2041, null);
        report("D", 2042, 30.0);
    }

    private long reportId = 9_000_000;

    private void report(String agency, int year, Double newApplications) {
        sql.update("insert into current_cells (report_id, agency_id, year, template, blank_cells, adjusted_cells, t3__new_received__total)"
                + " values (?, ?, ?, '2021', 0, 0, ?)", reportId++, ids.get(agency), year, newApplications);
    }

    @AfterEach
    void removeFigures() {
        String in = ids.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        sql.update("delete from current_cells where agency_id in (" + in + ")");
        sql.update("delete from agency where id in (" + in + ")");
    }

    private Scope scope(String... agencies) {
        return new Scope.Agencies(java.util.Arrays.stream(agencies).map(ids::get).toList());
    }

    private Point point(Scope scope, int year) {
        return analytics.series(Metric.NEW_APPLICATIONS, scope, 2041, 2044).points().stream().filter(p -> p.year() == year)
                .findFirst().orElseThrow();
    }

    @Test
    void an_agency_entering_and_one_leaving_do_not_count_as_growth() {
        Point p2042 = point(scope("A", "B", "C", "D"), 2042);
        // the level is over every report of the year: 110 + 50 + 30
        assertThat(p2042.value()).isEqualTo(190.0);
        assertThat(p2042.reports()).isEqualTo(3);
        // the change is over A alone, the one agency that counts in both years: 100 → 110
        Change change = p2042.change();
        assertThat(change.fromYear()).isEqualTo(2041);
        assertThat(change.panelAgencies()).isEqualTo(1);
        assertThat(change.previous()).isEqualTo(100.0);
        assertThat(change.current()).isEqualTo(110.0);
        assertThat(change.ratio()).isCloseTo(0.10, within(1e-12));
        // B is new, D counts for the first time (its 2041 cell was blank), C is gone
        assertThat(change.entered()).isEqualTo(2);
        assertThat(change.left()).isEqualTo(1);
        // the agency set itself: B joined (D and C are in the other year's reports or not, by report)
        assertThat(p2042.agenciesEntered()).isEqualTo(1);
        assertThat(p2042.agenciesLeft()).isEqualTo(1);
        assertThat(p2042.coverageChanged()).isTrue();
    }

    @Test
    void the_panel_change_agrees_with_plain_sql_over_the_same_figures() {
        String in = ids.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        Map<String, Object> expected = sql.queryForMap("select sum(c.t3__new_received__total) as now, sum(p.t3__new_received__total) as before,"
                + " count(*) as panel from current_cells c join current_cells p on p.agency_id = c.agency_id and p.year = c.year - 1"
                + " where c.year = 2043 and c.agency_id in (" + in + ") and c.t3__new_received__total is not null"
                + " and p.t3__new_received__total is not null");
        Change change = point(scope("A", "B", "C", "D"), 2043).change();
        assertThat(change.current()).isEqualTo(((Number) expected.get("now")).doubleValue());
        assertThat(change.previous()).isEqualTo(((Number) expected.get("before")).doubleValue());
        assertThat(change.panelAgencies()).isEqualTo(((Number) expected.get("panel")).intValue());
        assertThat(change.ratio()).isCloseTo(0.2, within(1e-12)); // B: 50 → 60
        assertThat(change.left()).isEqualTo(2); // A and D have no 2043 report
    }

    @Test
    void coverage_names_the_agencies_that_joined_or_left_and_not_the_first_year() {
        var coverage = analytics.coverage(scope("A", "B", "C", "D"), 2041, 2044);
        assertThat(coverage).doesNotContainKey(2041);
        assertThat(coverage.get(2042).enteredNames()).containsExactly("面板测试B");
        assertThat(coverage.get(2042).leftNames()).containsExactly("面板测试C");
        assertThat(coverage.get(2043).entered()).isZero();
        assertThat(coverage.get(2043).leftNames()).containsExactlyInAnyOrder("面板测试A", "面板测试D");
        assertThat(coverage.get(2044).enteredNames()).containsExactly("面板测试A");
        assertThat(coverage.get(2044).leftNames()).containsExactly("面板测试B");
    }

    @Test
    void a_gap_year_is_a_gap_and_no_change_reaches_back_two_years() {
        List<Point> points = analytics.series(Metric.NEW_APPLICATIONS, scope("A"), 2041, 2044).points();
        assertThat(points).extracting(Point::year).containsExactly(2041, 2042, 2043, 2044);
        Point gap = points.get(2);
        assertThat(gap.reports()).isZero();
        assertThat(gap.value()).isNull();
        Change after = points.get(3).change();
        assertThat(after.fromYear()).isEqualTo(2043);
        assertThat(after.fromYearReported()).isFalse();
        assertThat(after.ratio()).isNull();
    }

    @Test
    void agencies_whose_years_do_not_overlap_have_no_change_at_all() {
        Change change = point(scope("B", "C"), 2042).change();
        assertThat(change.panelAgencies()).isZero();
        assertThat(change.ratio()).isNull();
        assertThat(change.entered()).isEqualTo(1);
        assertThat(change.left()).isEqualTo(1);
    }

    @Test
    void a_blank_cell_leaves_the_report_out_of_the_level_and_the_panel() {
        Point p2041 = point(scope("A", "C", "D"), 2041);
        assertThat(p2041.value()).isEqualTo(140.0);
        assertThat(p2041.excludedReports()).isEqualTo(1);
        assertThat(p2041.blankCells()).isEqualTo(1);
    }

    @Test
    void growth_statistics_use_the_agencies_present_in_every_year() {
        // A reports in 2041, 2042 and 2044 but the scope also has 2043 (B): nobody is in all four
        assertThat(analytics.balanced(Metric.NEW_APPLICATIONS, scope("A", "B"), 2041, 2044).agencies()).isZero();
        // 2041–2042: A and C? C left; A is the only one in both years of A, C
        var balanced = analytics.balanced(Metric.NEW_APPLICATIONS, scope("A", "C"), 2041, 2042);
        assertThat(balanced.agencies()).isEqualTo(1);
        assertThat(balanced.years()).containsExactly(2041, 2042);
        assertThat(balanced.values()).containsExactly(100.0, 110.0);
    }

    @Test
    void contributions_list_each_agency_with_both_values_and_its_share_of_the_whole_change() {
        var contributions = analytics.contributions(Metric.NEW_APPLICATIONS, scope("A", "B", "C", "D"), 2042, 0, 10);
        // whole change 140 → 190 = +50: B +50, C −40, D +30, A +10
        assertThat(contributions.totalDelta()).isEqualTo(50.0);
        assertThat(contributions.agencies()).isEqualTo(4);
        assertThat(contributions.rows()).extracting(Contribution::agency)
                .containsExactly("面板测试B", "面板测试C", "面板测试D", "面板测试A");
        assertThat(contributions.rows()).extracting(Contribution::presence)
                .containsExactly(Presence.ENTERED, Presence.LEFT, Presence.ENTERED, Presence.BOTH);
        assertThat(contributions.rows()).extracting(Contribution::delta).containsExactly(50.0, -40.0, 30.0, 10.0);
        assertThat(contributions.rows()).extracting(Contribution::share).containsExactly(1.0, -0.8, 0.6, 0.2);
        assertThat(contributions.rows().get(3).previous()).isEqualTo(100.0);
        assertThat(contributions.rows().get(3).current()).isEqualTo(110.0);
    }

    @Test
    void outcome_shares_come_from_one_set_of_reports_and_add_up_to_one() {
        // E answers everything: 6 granted, 2 partly, 2 refused (state secret); F leaves "granted" blank
        List<String> t3 = sql.queryForList("select distinct column_name from information_schema.columns where table_name = 'current_cells'"
                + " and column_name like 't3\\_\\_%' escape '\\'", String.class);
        for (String agency : List.of("E", "F")) {
            sql.update("insert into current_cells (report_id, agency_id, year, template, blank_cells, adjusted_cells) values (?, ?, 2041, '2021', 0, 0)",
                    reportId++, ids.get(agency));
            sql.update("update current_cells set " + String.join(", ", t3.stream().map(c -> c + " = 0").toList()) + " where agency_id = ?",
                    ids.get(agency));
        }
        sql.update("update current_cells set t3__granted__total = 6, t3__partial__total = 2, t3__refused_state_secret__total = 2,"
                + " t3__total_processed__total = 10 where agency_id = ?", ids.get("E"));
        sql.update("update current_cells set t3__granted__total = null, t3__partial__total = 7, t3__total_processed__total = 7"
                + " where agency_id = ?", ids.get("F"));
        List<Metric> parts = List.of(Metric.GRANTED, Metric.PARTIAL, Metric.REFUSED, Metric.UNABLE, Metric.NOT_PROCESSED, Metric.OTHER);
        Mix.Year year = analytics.mix(parts, Metric.PROCESSED, scope("E", "F"), 2041, 2041).years().get(0);
        assertThat(year.reports()).isEqualTo(2);
        assertThat(year.excludedReports()).isEqualTo(1);
        // F's 7 partly granted are not counted: it did not say how many it granted
        assertThat(year.counts()).containsExactly(6.0, 2.0, 2.0, 0.0, 0.0, 0.0);
        assertThat(year.total()).isEqualTo(10.0);
        assertThat(year.shares()).containsExactly(0.6, 0.2, 0.2, 0.0, 0.0, 0.0);
        assertThat(year.shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(year.reported()).isEqualTo(10.0);
    }
}
