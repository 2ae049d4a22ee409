package app.nianbao.cli;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import app.nianbao.analytics.AnalyticsService;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.check.FindingQueries;
import app.nianbao.report.ReportService;

/**
 * The queries behind each dashboard chart, timed on a store: every chart of a view counts as
 * one query set, run as the view runs it. Medians and p95 over repeated runs, after warm-up.
 */
final class QueryBench {

    private record Query(String chart, Runnable run) {
    }

    private final List<Query> queries = new ArrayList<>();

    QueryBench(DSLContext dsl) {
        AnalyticsService analytics = new AnalyticsService(dsl);
        ReportService reports = StoreServices.over(dsl).reports();
        FindingQueries findings = new FindingQueries(dsl, reports);
        var years = analytics.reportingYears();
        int from = years.first();
        int to = years.last();
        int year = to;
        Scope all = new Scope.All();
        Long province = dsl.select(AGENCY.ID).from(AGENCY).where(AGENCY.LEVEL.eq("PROVINCE")).orderBy(AGENCY.ID).limit(1)
                .fetchOne(AGENCY.ID);
        Long busiest = dsl.select(CURRENT_CELLS.AGENCY_ID).from(CURRENT_CELLS).where(CURRENT_CELLS.YEAR.eq(year))
                .orderBy(CURRENT_CELLS.T3__NEW_RECEIVED__TOTAL.desc().nullsLast()).limit(1).fetchOne(CURRENT_CELLS.AGENCY_ID);
        queries.add(new Query("总览 overview: 5 KPI series, latest change", () -> analytics.latestChange(List.of(Metric.NEW_APPLICATIONS,
                Metric.DISCLOSURE_RATE, Metric.REVIEWS, Metric.LAWSUITS, Metric.CORRECTION_RATE), all, from, to)));
        series("申请量 volumes: new applications", analytics, all, Metric.NEW_APPLICATIONS);
        queries.add(new Query("申请量 volumes: by applicant type (one set of reports)",
                () -> analytics.mix(Metric.BY_APPLICANT, Metric.NEW_APPLICATIONS, all, from, to)));
        queries.add(new Query("申请量 volumes: who joined or left", () -> analytics.coverage(all, from, to)));
        queries.add(new Query("办理结果 outcomes: mix (one set of reports)", () -> analytics.mix(List.of(Metric.GRANTED, Metric.PARTIAL,
                Metric.REFUSED, Metric.UNABLE, Metric.NOT_PROCESSED, Metric.OTHER), Metric.PROCESSED, all, from, to)));
        levels("办理结果 outcomes: rates", analytics, all, Metric.DISCLOSURE_RATE, Metric.GRANTED_RATE);
        queries.add(new Query("复议诉讼 review: counts, marked", () -> analytics.marked(List.of(Metric.REVIEWS, Metric.LAWSUITS), all, from, to)));
        levels("复议诉讼 review: correction rates", analytics, all, Metric.REVIEW_CORRECTION_RATE,
                Metric.LITIGATION_CORRECTION_RATE, Metric.CORRECTION_RATE);
        levels("复议诉讼 review: disputes per 100", analytics, all, Metric.DISPUTES_PER_100);
        queries.add(new Query("变化来源 changes: largest 50 contributions, " + year,
                () -> analytics.contributions(Metric.NEW_APPLICATIONS, all, year, 0, 50)));
        series("scope level:COUNTY, new applications", analytics, new Scope.Level(AgencyLevel.COUNTY),
                Metric.NEW_APPLICATIONS);
        if (province != null) {
            series("scope parent:province subtree, disclosure rate", analytics, new Scope.Subtree(province), Metric.DISCLOSURE_RATE);
        }
        if (busiest != null) {
            Scope one = new Scope.Agencies(List.of(busiest));
            queries.add(new Query("scope one agency, 5 KPI series, latest change", () -> analytics.latestChange(List.of(
                    Metric.NEW_APPLICATIONS, Metric.DISCLOSURE_RATE, Metric.REVIEWS, Metric.LAWSUITS, Metric.CORRECTION_RATE), one, from, to)));
        }
        queries.add(new Query("机构对比 compare: every agency in the country, " + year,
                () -> analytics.compare(Metric.DISCLOSURE_RATE, all, year, 30)));
        if (province != null) {
            Scope peers = new Scope.Subtree(province);
            queries.add(new Query("机构对比 compare: one province's agencies, " + year,
                    () -> analytics.compare(Metric.DISCLOSURE_RATE, peers, year, 30)));
        }
        FindingQueries.Filter any = new FindingQueries.Filter(null, null, null, null);
        queries.add(new Query("数据质量 quality: findings by rule", () -> findings.countsByRule(any)));
        queries.add(new Query("数据质量 quality: first 500 findings", () -> findings.findings(any, 500)));
        queries.add(new Query("报告 reports: one page of 50", () -> reports.page("", 0, 50)));
        queries.add(new Query("报告 reports: count for the pager", () -> reports.countCurrent("")));
        queries.add(new Query("数据质量 quality: score distribution", findings::scoreDistribution));
    }

    /** A chart that shows like-for-like changes: levels and panel changes. */
    private void series(String chart, AnalyticsService analytics, Scope scope, Metric... metrics) {
        var years = analytics.reportingYears();
        queries.add(new Query(chart, () -> analytics.series(List.of(metrics), scope, years.first(), years.last())));
    }

    /** A chart that draws levels only. */
    private void levels(String chart, AnalyticsService analytics, Scope scope, Metric... metrics) {
        var years = analytics.reportingYears();
        queries.add(new Query(chart, () -> analytics.levels(List.of(metrics), scope, years.first(), years.last())));
    }

    /** One row per chart: median and p95 in milliseconds. */
    List<Map<String, Object>> run(int runs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Query query : queries) {
            for (int i = 0; i < 3; i++) {
                query.run().run();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                query.run().run();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("chart", query.chart());
            row.put("median_ms", Math.round(millis[runs / 2] * 10) / 10.0);
            row.put("p95_ms", LoadBench.percentile(millis, 0.95));
            rows.add(row);
        }
        return rows;
    }
}
