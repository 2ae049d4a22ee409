package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.nianbao.SpringTestBase;
import app.nianbao.analytics.PublicationRegister.Status;
import app.nianbao.analytics.PublicationRegister.YearSummary;
import app.nianbao.catalog.Scope;

/**
 * The register against hand-written reports in years (2036–2039) no sample uses; every status
 * below is worked out by hand from the deadlines of the Regulations, art. 49.
 *
 * <pre>
 *                         2036         2037               2038             2039
 * 登记测试县人民政府 (gov)  2037-03-31   2038-04-10         —                no date
 *                         on time      late 10 days       missing          no date
 * 登记测试县教育局 (dept)   —            2038-02-01         2039-01-31       —
 *                         not expected late 1 day         on time          missing
 * </pre>
 */
class PublicationRegisterTest extends SpringTestBase {

    private static final LocalDate LATER = LocalDate.of(2041, 6, 1);

    @Autowired
    PublicationRegister register;

    @Autowired
    DataSource dataSource;

    private JdbcTemplate sql;
    private long government;
    private long department;
    private long reportId = 9_500_000;

    @BeforeEach
    void writeReports() {
        sql = new JdbcTemplate(dataSource);
        government = agency("登记测试县人民政府", "COUNTY");
        department = agency("登记测试县教育局", "DEPARTMENT");
        report(government, 2036, "2037-03-31");
        report(government, 2037, "2038-04-10");
        report(government, 2039, null);
        report(department, 2037, "2038-02-01");
        report(department, 2038, "2039-01-31");
    }

    private long agency(String name, String level) {
        long id = sql.queryForObject("select max(id) from agency", Long.class) + 1000;
        sql.update("insert into agency (id, name, normalized_name, level) values (?, ?, ?, ?)", id, name, name, level);
        return id;
    }

    private void report(long agency, int year, String publishedOn) {
        long id = reportId++;
        sql.update("insert into report (id, agency_id, year, template, source_name, format, sha256, imported_at, parser_version, version,"
                + " source_text, published_on, date_source) values (?, ?, ?, '2021', 'test', 'html', ?, current_timestamp, '1', 1, '', ?, ?)",
                id, agency, year, "register-test-" + id, publishedOn == null ? null : java.sql.Date.valueOf(publishedOn),
                publishedOn == null ? null : "page-meta");
        sql.update("insert into current_cells (report_id, agency_id, year, template, blank_cells, adjusted_cells) values (?, ?, ?, '2021', 0, 0)",
                id, agency, year);
    }

    @AfterEach
    void removeReports() {
        for (long agency : List.of(government, department)) {
            sql.update("delete from current_cells where agency_id = ?", agency);
            sql.update("delete from report where agency_id = ?", agency);
            sql.update("delete from agency where id = ?", agency);
        }
    }

    private Scope both() {
        return new Scope.Agencies(List.of(government, department));
    }

    private Map<Long, PublicationRegister.Entry> year(int year, LocalDate today) {
        return register.entries(both(), year, today).stream()
                .collect(java.util.stream.Collectors.toMap(PublicationRegister.Entry::agencyId, e -> e));
    }

    @Test
    void a_national_year_paged_in_the_query_gives_every_expected_agency_once_by_name_with_the_count_of_all() {
        List<String> expected = sql.queryForList("select a.name from agency a left join (select agency_id, min(year) as f from current_cells"
                + " group by agency_id) c on c.agency_id = a.id where least(coalesce(c.f, a.first_expected), coalesce(a.first_expected, c.f)) <= 2037"
                + " and (a.last_expected is null or a.last_expected >= 2037) order by a.name", String.class);
        assertThat(expected).hasSizeGreaterThan(2).contains("登记测试县人民政府", "登记测试县教育局");
        List<PublicationRegister.Entry> walked = new java.util.ArrayList<>();
        for (int offset = 0; offset <= expected.size(); offset += 2) {
            var page = register.page(new Scope.All(), 2037, LATER, offset, 2);
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
            walked.addAll(page.entries());
        }
        assertThat(walked).extracting(PublicationRegister.Entry::agency).isEqualTo(expected);
        assertThat(walked).filteredOn(e -> e.agencyId() == government).singleElement()
                .satisfies(e -> assertThat(e.daysLate()).isEqualTo(10));
        assertThat(walked).filteredOn(e -> e.agencyId() == department).singleElement()
                .satisfies(e -> assertThat(e.daysLate()).isEqualTo(1));
    }

    @Test
    void each_expected_agency_gets_one_status_against_the_deadline_of_its_kind() {
        assertThat(year(2036, LATER)).containsOnlyKeys(government);
        assertThat(year(2036, LATER).get(government).status()).isEqualTo(Status.ON_TIME);
        assertThat(year(2036, LATER).get(government).deadline()).isEqualTo(LocalDate.of(2037, 3, 31));

        var y2037 = year(2037, LATER);
        assertThat(y2037.get(government).status()).isEqualTo(Status.LATE);
        assertThat(y2037.get(government).daysLate()).isEqualTo(10);
        assertThat(y2037.get(department).status()).isEqualTo(Status.LATE);
        assertThat(y2037.get(department).daysLate()).isEqualTo(1);
        assertThat(y2037.get(department).deadline()).isEqualTo(LocalDate.of(2038, 1, 31));

        var y2038 = year(2038, LATER);
        assertThat(y2038.get(government).status()).as("a gap year is missing").isEqualTo(Status.MISSING);
        assertThat(y2038.get(department).status()).isEqualTo(Status.ON_TIME);

        var y2039 = year(2039, LATER);
        assertThat(y2039.get(government).status()).isEqualTo(Status.NO_DATE);
        assertThat(y2039.get(department).status()).isEqualTo(Status.MISSING);
    }

    @Test
    void a_report_not_yet_due_is_not_missing() {
        var y2038 = year(2038, LocalDate.of(2039, 2, 15));

        assertThat(y2038.get(government).status()).isEqualTo(Status.NOT_DUE);
        assertThat(y2038.get(department).status()).as("its deadline, 31 January, has passed").isEqualTo(Status.ON_TIME);
    }

    @Test
    void the_on_time_rate_counts_only_what_can_be_judged() {
        List<YearSummary> years = register.summary(both(), 2036, 2039, LATER);

        assertThat(years).extracting(YearSummary::year).containsExactly(2036, 2037, 2038, 2039);
        assertThat(years.get(0).expected()).isEqualTo(1);
        assertThat(years.get(0).onTimeRate()).isEqualTo(1.0);
        assertThat(years.get(1).onTimeRate()).isEqualTo(0.0);
        assertThat(years.get(2).onTimeRate()).isEqualTo(0.5);
        // 2039: one without a date (not judged), one missing
        assertThat(years.get(3).noDate()).isEqualTo(1);
        assertThat(years.get(3).onTimeRate()).isEqualTo(0.0);
    }
}
