package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;

@WithMockUser(username = "test.analyst", roles = "ANALYST")
class AnalyticsServiceTest extends SpringTestBase {

    @Autowired
    AnalyticsService analytics;

    @Autowired
    AgencyService agencies;

    private long agency(String name) {
        return agencies.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    private Double newApplications2019(Scope scope) {
        return analytics.series(Metric.NEW_APPLICATIONS, scope, 2019, 2019).points().get(0).value();
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(roles = "ANALYST")
    void a_parent_scope_sums_the_parent_and_everything_below_it_and_a_level_scope_its_level() {
        long shanghai = agency("上海市人民政府办公厅");
        long pingtan = agency("平潭综合实验区");
        agencies.describe(pingtan, AgencyLevel.COUNTY, null, null, shanghai);
        agencies.describe(shanghai, AgencyLevel.PROVINCE, null, null, null);
        try {
            double both = newApplications2019(new Scope.Agencies(List.of(shanghai, pingtan)));
            assertThat(newApplications2019(new Scope.Subtree(shanghai))).isEqualTo(both);
            assertThat(newApplications2019(new Scope.Subtree(pingtan)))
                    .isEqualTo(newApplications2019(new Scope.Agencies(List.of(pingtan))));
            assertThat(newApplications2019(new Scope.Level(AgencyLevel.COUNTY)))
                    .isEqualTo(newApplications2019(new Scope.Agencies(List.of(pingtan))));
        } finally {
            agencies.describe(pingtan, null, null, null, null);
            agencies.describe(shanghai, null, null, null, null);
        }
    }

    @Test
    void several_metrics_in_one_pass_equal_each_metric_alone() {
        List<Metric> metrics = List.of(Metric.NEW_APPLICATIONS, Metric.DISCLOSURE_RATE, Metric.CORRECTION_RATE, Metric.OTHER);
        List<AnalyticsService.Series> together = analytics.series(metrics, new Scope.All(), 2019, 2025);
        for (int i = 0; i < metrics.size(); i++) {
            assertThat(together.get(i)).isEqualTo(analytics.series(metrics.get(i), new Scope.All(), 2019, 2025));
        }
    }

    @Test
    void table_2_figures_take_the_cell_each_template_prints_and_say_when_the_templates_differ() {
        Scope pingtan = new Scope.Agencies(List.of(agency("平潭综合实验区")));
        var docs = analytics.series(Metric.NORMATIVE_DOCS_ISSUED, pingtan, 2019, 2023);
        var byYear = docs.points().stream().filter(p -> p.reports() > 0).collect(java.util.stream.Collectors.toMap(AnalyticsService.Point::year,
                AnalyticsService.Point::value));
        assertThat(byYear).containsEntry(2019, expectedT2("2019_pingtan.html", "normative_docs", "new_made"))
                .containsEntry(2021, expectedT2("2021_pingtan.html", "normative_docs", "issued"))
                .containsEntry(2023, expectedT2("2023_pingtan.html", "normative_docs", "issued"));
        assertThat(docs.crossesTemplates()).isTrue();
        assertThat(Metric.NORMATIVE_DOCS_ISSUED.comparableAcrossTemplates()).isFalse();

        var licensing = analytics.series(Metric.LICENSING_DECISIONS, pingtan, 2019, 2023);
        assertThat(licensing.points()).filteredOn(p -> p.reports() > 0).extracting(AnalyticsService.Point::value)
                .containsExactly(expectedT2("2019_pingtan.html", "licensing", "decisions"),
                        expectedT2("2021_pingtan.html", "licensing", "decisions"), expectedT2("2023_pingtan.html", "licensing", "decisions"));
        assertThat(Metric.LICENSING_DECISIONS.comparableAcrossTemplates()).isTrue();

        // fees exist only in the 2021 template: 2019 has no value rather than a zero
        var fees = analytics.series(Metric.FEES_COLLECTED, pingtan, 2019, 2023);
        assertThat(fees.points().get(0).value()).isNull();
        assertThat(fees.valueIn(2021)).isCloseTo(expectedT2("2021_pingtan.html", "fees", "amount_10k_yuan"),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    private static double expectedT2(String sample, String row, String col) {
        return app.nianbao.Samples.expected(sample).get("t2").get(row).get(col).asDouble();
    }

    @Autowired
    app.nianbao.imports.ImportService imports;

    @Autowired
    org.jooq.DSLContext dsl;

    @Test
    void an_identical_question_is_answered_from_the_first_answer_until_a_write_outdates_it() {
        Scope all = new Scope.All();
        AnalyticsService.Series before = analytics.series(Metric.NEW_APPLICATIONS, all, 2063, 2063);
        assertThat(analytics.series(Metric.NEW_APPLICATIONS, all, 2063, 2063)).as("asked again").isSameAs(before);

        String report = app.nianbao.Samples.text(app.nianbao.Samples.SEED).replace("2022 年政府信息", "2063 年政府信息");
        imports.importBytes("cache.txt", report.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new app.nianbao.parse.ReadOptions("缓存测试办公室", null, null));
        AnalyticsService.Series after = analytics.series(Metric.NEW_APPLICATIONS, all, 2063, 2063);

        // counted by the store: the year now holds the one report just imported, and the answer says so at once
        int stored = dsl.fetchCount(dsl.selectFrom(app.nianbao.store.jooq.Tables.REPORT).where(app.nianbao.store.jooq.Tables.REPORT.YEAR.eq(2063)));
        assertThat(stored).isEqualTo(1);
        assertThat(before.points()).allSatisfy(p -> assertThat(p.reports()).isZero());
        assertThat(after.points()).singleElement().satisfies(p -> assertThat(p.reports()).isEqualTo(stored));
    }
}
