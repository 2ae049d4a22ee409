package app.nianbao.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.security.Role;

class ApiControllerTest extends SpringTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyService agencies;

    @Autowired
    app.nianbao.imports.ImportService imports;

    @Autowired
    AnalyticsService analytics;

    /** The API is for signed-in viewers; access for each role is tested in the security package. */
    private ResultActions asViewer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("viewer").roles("VIEWER")));
    }

    private long agency(String name) {
        return agencies.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void a_report_is_served_in_the_shape_parse_prints() throws Exception {
        asViewer(get("/api/v1/reports/{agency}/2024", agency("淮安市人民政府")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value("淮安市人民政府"))
                .andExpect(jsonPath("$.template").value("2021"))
                .andExpect(jsonPath("$.t3.new_received.natural").value(3001))
                .andExpect(jsonPath("$.t4.review.total").value(351))
                .andExpect(jsonPath("$.findings").isArray());
    }

    @Test
    void a_dossier_is_served_as_pdf_or_word_named_after_its_agency_and_an_unknown_agency_is_404() throws Exception {
        long pingtan = agency("平潭综合实验区");

        byte[] pdf = asViewer(get("/api/v1/dossier/{id}.pdf", pingtan).param("lang", "en")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("dossier_")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("平潭综合实验区").contains("Sources");
        }
        asViewer(get("/api/v1/dossier/{id}.docx", pingtan)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")));
        asViewer(get("/api/v1/dossier/{id}.pdf", 987_654_321L)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("no stored report")));
        asViewer(get("/api/v1/dossier/{id}.txt", pingtan)).andExpect(status().isBadRequest());
    }

    @Test
    void the_notes_a_chart_of_a_scope_draws_are_listed_with_author_and_time_and_all_notes_are_searchable() throws Exception {
        dsl.execute("insert into chart_note (subject, subject_label, metric, year, body, created_by, created_at) values "
                + "('region:97', '测试区', null, 2022, '机构改革，两局合并', 'li.analyst', timestamp '2026-12-07 09:30:00'), "
                + "('region:97', '测试区', 'reviews', 2023, '复议集中办理', 'li.analyst', timestamp '2026-12-07 09:31:00')");
        try {
            asViewer(get("/api/v1/notes").param("scope", "region:97").param("metric", "new_applications"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].text").value("机构改革，两局合并"))
                    .andExpect(jsonPath("$[0].metric").doesNotExist())
                    .andExpect(jsonPath("$[0].created_by").value("li.analyst"))
                    .andExpect(jsonPath("$[0].year").value(2022));
            asViewer(get("/api/v1/notes").param("q", "复议"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-Total-Count", "1"))
                    .andExpect(jsonPath("$[0].subject").value("region:97"))
                    .andExpect(jsonPath("$[0].subject_label").value("测试区"));
            asViewer(get("/api/v1/notes").param("scope", "region:97").param("metric", "nonsense")).andExpect(status().isBadRequest());
        } finally {
            dsl.execute("delete from chart_note where subject = 'region:97'");
        }
    }

    @Test
    void any_stored_version_is_served_and_every_version_is_listed() throws Exception {
        String v1 = app.nianbao.Samples.text(app.nianbao.Samples.SEED).replace("2022 年政府信息", "2042 年政府信息");
        var options = new app.nianbao.parse.ReadOptions("接口版本测试局", null, null);
        callAs("test.analyst", Role.ANALYST, () -> imports.importBytes("v1.txt", v1.getBytes(java.nio.charset.StandardCharsets.UTF_8), options));
        callAs("test.analyst", Role.ANALYST, () -> imports.importBytes("v2.txt", v1.replace("\n行政许可\t0\t", "\n行政许可\t6\t").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                options));
        long agency = agency("接口版本测试局");

        asViewer(get("/api/v1/reports/{agency}/2042", agency)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.current_version").value(2))
                .andExpect(jsonPath("$.t2.licensing.decisions").value(6))
                .andExpect(jsonPath("$.versions[*].version").value(org.hamcrest.Matchers.contains(2, 1)))
                .andExpect(jsonPath("$.versions[1].source_name").value("v1.txt"));
        asViewer(get("/api/v1/reports/{agency}/2042", agency).param("version", "1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.current_version").value(2))
                .andExpect(jsonPath("$.t2.licensing.decisions").value(0))
                .andExpect(jsonPath("$.quality_score").doesNotExist())
                .andExpect(jsonPath("$.versions[0].restored_by").doesNotExist());
        asViewer(get("/api/v1/reports/{agency}/2042", agency).param("version", "7")).andExpect(status().isNotFound());

        // a series that names no years runs from the store's first to its last year, 2042 or later now
        var span = dsl.fetchOne("select min(year) as first, max(year) as last from current_cells");
        asViewer(get("/api/v1/metrics").param("metric", "new_applications")).andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].year").value(span.get("first", Integer.class)))
                .andExpect(jsonPath("$.points[-1:].year").value(org.hamcrest.Matchers.contains(span.get("last", Integer.class))));
        assertThat(span.get("last", Integer.class)).isGreaterThanOrEqualTo(2042);
    }

    @Test
    void metric_points_carry_a_change_that_does_not_reach_across_a_gap_year() throws Exception {
        // 平潭 reports 2019, 2021 and 2023 (23, 70, 81 new applications as printed): 2022 is a gap
        asViewer(get("/api/v1/metrics").param("metric", "new_applications").param("scope", "agency:" + agency("平潭综合实验区"))
                .param("from", "2019").param("to", "2023"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(5))
                .andExpect(jsonPath("$.points[3].reports").value(0))
                .andExpect(jsonPath("$.points[3].value").doesNotExist())
                .andExpect(jsonPath("$.points[4].value").value(81.0))
                .andExpect(jsonPath("$.points[4].change.from_year").value(2022))
                .andExpect(jsonPath("$.points[4].change.from_year_reported").value(false))
                .andExpect(jsonPath("$.points[4].change.ratio").doesNotExist())
                .andExpect(jsonPath("$.points[4].change.panel_agencies").value(0));
    }

    @Test
    void contributions_list_each_agency_with_both_years_and_the_difference() throws Exception {
        long pingtan = agency("平潭综合实验区");
        long shanghai = agency("上海市人民政府办公厅");
        // 2019 → 2020: both have a 2019 report and no 2020 one, so both left; 平潭 printed 23
        asViewer(get("/api/v1/contributions").param("metric", "new_applications").param("scope", "agency:" + pingtan + "," + shanghai)
                .param("year", "2020"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies").value(2))
                .andExpect(jsonPath("$.rows[?(@.agency_id == " + pingtan + ")].previous").value(23.0))
                .andExpect(jsonPath("$.rows[?(@.agency_id == " + pingtan + ")].delta").value(-23.0))
                .andExpect(jsonPath("$.rows[?(@.agency_id == " + pingtan + ")].presence").value("left"));
        asViewer(get("/api/v1/contributions").param("metric", "new_applications").param("year", "2020").param("limit", "0"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_publication_register_judges_each_year_against_the_deadline_from_the_pages_own_date() throws Exception {
        long pingtan = agency("平潭综合实验区");
        // the 2023 page says <meta name="PubDate" content="2024-03-08 15:34">; a government's deadline is 31 March
        asViewer(get("/api/v1/publication").param("scope", "agency:" + pingtan).param("year", "2023"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].agency_id").value(pingtan))
                .andExpect(jsonPath("$[0].kind").value("government"))
                .andExpect(jsonPath("$[0].deadline").value("2024-03-31"))
                .andExpect(jsonPath("$[0].published_on").value("2024-03-08"))
                .andExpect(jsonPath("$[0].date_source").value("page-meta"))
                .andExpect(jsonPath("$[0].status").value("on_time"))
                .andExpect(jsonPath("$[0].days_late").doesNotExist());
        // no 2020 report among the samples, long past its deadline
        asViewer(get("/api/v1/publication").param("scope", "agency:" + pingtan).param("year", "2020"))
                .andExpect(jsonPath("$[0].status").value("missing"))
                .andExpect(jsonPath("$[0].published_on").isEmpty());
    }

    @Autowired
    org.jooq.DSLContext dsl;

    @Test
    void the_register_says_when_the_source_changed_or_withdrew_a_report() throws Exception {
        long huaian = agency("淮安市人民政府");
        var report = app.nianbao.store.jooq.Tables.REPORT;
        var marked = report.AGENCY_ID.eq(huaian).and(report.YEAR.eq(2024));
        dsl.update(report).set(report.CHANGED_ON, java.time.LocalDate.of(2025, 4, 2)).set(report.WITHDRAWN_ON, java.time.LocalDate.of(2025, 6, 30))
                .where(marked).execute();
        try {
            asViewer(get("/api/v1/publication").param("scope", "agency:" + huaian).param("year", "2024"))
                    .andExpect(jsonPath("$[0].changed_on").value("2025-04-02"))
                    .andExpect(jsonPath("$[0].withdrawn_on").value("2025-06-30"));
        } finally {
            dsl.update(report).setNull(report.CHANGED_ON).setNull(report.WITHDRAWN_ON).where(marked).execute();
        }
    }

    @Test
    void unknown_api_paths_and_methods_answer_json_not_the_apps_page() throws Exception {
        asViewer(get("/api/v1/reports")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("/api/v1/reports")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/agencies/2")
                        .with(user("viewer").roles("VIEWER")))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void unknown_reports_are_404_and_bad_parameters_400_with_a_message() throws Exception {
        asViewer(get("/api/v1/reports/999999/2024")).andExpect(status().isNotFound());
        asViewer(get("/api/v1/metrics").param("metric", "nonsense")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("unknown metric")));
        asViewer(get("/api/v1/metrics").param("metric", "reviews").param("scope", "agency:x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_disclosure_rate_of_one_agency_is_recomputed_from_its_sums() throws Exception {
        // 淮安 2024: (予以公开 1362 + 部分公开 454) ÷ 办理总计, read from the report itself.
        String body = asViewer(get("/api/v1/metrics").param("metric", "disclosure_rate")
                        .param("scope", "agency:" + agency("淮安市人民政府")).param("from", "2024").param("to", "2024"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].year").value(2024))
                .andReturn().getResponse().getContentAsString();
        String processed = asViewer(get("/api/v1/reports/{agency}/2024", agency("淮安市人民政府")))
                .andReturn().getResponse().getContentAsString();
        double total = new com.fasterxml.jackson.databind.ObjectMapper().readTree(processed).at("/t3/total_processed/total").asDouble();
        double value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).at("/points/0/value").asDouble();

        assertThat(value).isCloseTo((1362 + 454) / total, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a_roll_up_sums_counts_across_agencies_and_years_across_templates_say_so() throws Exception {
        asViewer(get("/api/v1/metrics").param("metric", "new_applications")
                        .param("scope", "agency:" + agency("平潭综合实验区")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crosses_templates").value(true))
                .andExpect(jsonPath("$.points[?(@.year == 2021)].value").value(70.0))
                .andExpect(jsonPath("$.points[?(@.year == 2023)].value").value(81.0));
        asViewer(get("/api/v1/metrics").param("metric", "new_applications").param("from", "2019").param("to", "2019"))
                .andExpect(jsonPath("$.points[0].value").value(859.0 + 23.0));
    }

    @Test
    void a_comparison_leaves_out_an_agency_whose_cells_are_blank_and_does_not_rank_small_samples() throws Exception {
        // 2019: 上海 leaves 予以公开's total blank, so its rate is unknown; 平潭 processed 23 (< 30) applications.
        asViewer(get("/api/v1/compare").param("metric", "disclosure_rate").param("year", "2019"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies.length()").value(1))
                .andExpect(jsonPath("$.agencies[0].agency").value("平潭综合实验区"))
                .andExpect(jsonPath("$.agencies[0].note").value("样本不足"))
                .andExpect(jsonPath("$.agencies[0].percentile_rank").doesNotExist())
                .andExpect(jsonPath("$.percentiles").doesNotExist());
        // the roll-up leaves 上海 out rather than counting its blank as zero, and says so
        double pingtanOnly = analytics.series(Metric.DISCLOSURE_RATE, new Scope.Agencies(List.of(agency("平潭综合实验区"))), 2019, 2019)
                .points().get(0).value();
        asViewer(get("/api/v1/metrics").param("metric", "disclosure_rate").param("from", "2019").param("to", "2019"))
                .andExpect(jsonPath("$.points[0].reports").value(2))
                .andExpect(jsonPath("$.points[0].excluded_reports").value(1))
                .andExpect(jsonPath("$.points[0].blank_cells").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.points[0].value").value(pingtanOnly));
    }

    private String streamed(MockHttpServletRequestBuilder request) throws Exception {
        var started = asViewer(request).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_bulk_csv_streams_one_row_per_report_and_cell_with_labels_and_filters() throws Exception {
        String csv = streamed(get("/api/v1/figures.csv"));

        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFagency_id,agency,year,template,version,source,table,row,col,row_label,col_label,value,kind");
        // 淮安 2024 printed 3001 new applications from natural persons
        assertThat(csv).containsPattern("\"淮安市人民政府\",2024,2021,1,\"[^\"]+\",t3,new_received,natural,\"[^\"]+\",\"自然人\",3001,number");
        // one year only, and in English labels
        String only2024 = streamed(get("/api/v1/figures.csv").param("year", "2024").param("lang", "en"));
        assertThat(only2024.lines().skip(1)).allMatch(line -> line.contains(",2024,")).isNotEmpty();
        assertThat(only2024).contains("Natural persons");
        String onePingtan = streamed(get("/api/v1/figures.csv").param("scope", "agency:" + agency("平潭综合实验区")));
        assertThat(onePingtan.lines().skip(1)).allMatch(line -> line.contains("平潭综合实验区")).isNotEmpty();
    }

    @Test
    void an_agency_named_like_a_formula_reaches_the_bulk_csv_as_text_a_spreadsheet_will_not_run() throws Exception {
        String hostile = "=HYPERLINK(\"http://example.invalid\",\"点击\")";
        String report = app.nianbao.Samples.text(app.nianbao.Samples.SEED).replace("2022 年政府信息", "2046 年政府信息");
        callAs("test.analyst", Role.ANALYST, () -> imports.importBytes("hostile.txt", report.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new app.nianbao.parse.ReadOptions(hostile, null, null)));

        String csv = streamed(get("/api/v1/figures.csv").param("year", "2046"));

        // read as plain text: every row of the agency starts its name with an apostrophe, none with the bare formula
        assertThat(csv.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",\"'=HYPERLINK(")
                .doesNotContain(",\"=HYPERLINK(").doesNotContain(",=HYPERLINK("));
    }

    @Test
    void long_lists_come_in_pages_with_the_total_and_a_link_to_the_next_page() throws Exception {
        int agencyCount = dsl.fetchCount(app.nianbao.store.jooq.Tables.AGENCY);

        var first = asViewer(get("/api/v1/agencies").param("limit", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2)).andReturn().getResponse();
        assertThat(first.getHeader("X-Total-Count")).isEqualTo(String.valueOf(agencyCount));
        assertThat(first.getHeader("Link")).contains("offset=2").contains("limit=2").endsWith("rel=\"next\"");

        var last = asViewer(get("/api/v1/agencies").param("offset", String.valueOf(agencyCount - 1)).param("limit", "2"))
                .andExpect(jsonPath("$.length()").value(1)).andReturn().getResponse();
        assertThat(last.getHeader("Link")).isNull();

        asViewer(get("/api/v1/agencies").param("limit", "0")).andExpect(status().isBadRequest());
        asViewer(get("/api/v1/agencies").param("limit", "10001")).andExpect(status().isBadRequest());
    }

    @Test
    void a_comparison_page_keeps_the_pooled_rate_and_percentiles_of_every_agency() throws Exception {
        // complete generated reports (no blank cell leaves them out of the rate), three agencies in one year
        java.nio.file.Path generated = java.nio.file.Files.createTempDirectory("paging");
        app.nianbao.generate.SyntheticFiles.generate(generated, new app.nianbao.generate.GenerateOptions(1, 2021, 2021, 5, 0.0), n -> { });
        String complete = java.nio.file.Files.readString(generated.resolve("000000_2021.txt"));
        for (String name : List.of("分页甲县人民政府", "分页乙县人民政府", "分页丙县人民政府")) {
            callAs("test.analyst", Role.ANALYST, () -> imports.importBytes(name + ".txt", (complete + name).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    new app.nianbao.parse.ReadOptions(name, 2052, null)));
        }
        String whole = asViewer(get("/api/v1/compare").param("metric", "disclosure_rate").param("year", "2052"))
                .andReturn().getResponse().getContentAsString();
        var all = new com.fasterxml.jackson.databind.ObjectMapper().readTree(whole);
        int total = all.get("agencies").size();
        assertThat(total).isEqualTo(3);

        asViewer(get("/api/v1/compare").param("metric", "disclosure_rate").param("year", "2052").param("offset", "1").param("limit", "1"))
                .andExpect(jsonPath("$.agencies.length()").value(1))
                .andExpect(jsonPath("$.agencies_total").value(total))
                .andExpect(jsonPath("$.pooled_rate").value(all.get("pooled_rate").asDouble()))
                .andExpect(jsonPath("$.agencies[0].agency_id").value(all.get("agencies").get(1).get("agency_id").asLong()));
    }
}
