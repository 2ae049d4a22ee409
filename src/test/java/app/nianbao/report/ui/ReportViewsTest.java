package app.nianbao.report.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.report.ReportService.ReportDetail;
import app.nianbao.report.ReportService.ReportSummary;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.report.ReportService;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.TemplateTables;

class ReportViewsTest extends KaribuTestBase {

    @Autowired
    ReportService reports;

    @SuppressWarnings("unchecked")
    private static Grid<ReportSummary> reportGrid() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumns().size() == 9));
    }

    @Test
    void the_reports_list_shows_every_stored_report_and_the_search_narrows_it() {
        UI.getCurrent().navigate(ReportsView.class);
        Grid<ReportSummary> grid = reportGrid();
        assertThat(_size(grid)).isEqualTo(reports.listCurrent(null).size()).isGreaterThanOrEqualTo(6);

        _setValue(_get(TextField.class), "平潭");

        assertThat(_size(grid)).isEqualTo(3);
        assertThat(IntStream.range(0, 3).mapToObj(i -> _get(grid, i).agency())).containsOnly("平潭综合实验区");
    }

    @Test
    void a_link_sorted_by_score_lists_the_lowest_scores_first_and_keeps_the_sort() {
        // the score by hand from the stored counts, dismissed findings left out (a dismissed R8 is no blank cell):
        // 100 − 10·errors − 2·(warnings − blank) − min(30, blank) − adjusted
        java.util.List<Integer> expected = dsl.fetch("""
                select greatest(0, 100 - 10 * coalesce(e, 0) - 2 * (coalesce(w, 0) - (c.blank_cells - coalesce(db, 0)))
                                   - least(30, c.blank_cells - coalesce(db, 0)) - c.adjusted_cells) as score
                from current_cells c
                left join (select report_id, count(*) filter (where severity = 'error' and review_status <> 'dismissed') as e,
                                  count(*) filter (where severity = 'warning' and review_status <> 'dismissed') as w,
                                  count(*) filter (where rule = 'R8' and severity = 'warning' and review_status = 'dismissed') as db
                           from finding group by report_id) f on f.report_id = c.report_id
                order by score""").getValues(0, Integer.class);

        UI.getCurrent().navigate("reports", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("sort", "score")));
        Grid<ReportSummary> grid = reportGrid();

        assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).score()).toList()).isEqualTo(expected);
        assertThat(grid.getSortOrder()).singleElement().satisfies(order -> assertThat(order.getSorted().getKey()).isEqualTo("score"));
    }

    @Test
    void a_link_sorted_by_year_descending_and_filtered_by_a_level_shows_that_level_newest_first() {
        // the bundled agencies have no level: give Pingtan (three reports, 2019, 2021, 2023) one for this test,
        // around the services, so the roll-ups the list counts by are summed again as the generator's writes are
        dsl.execute("update agency set level = 'COUNTY' where name = '平潭综合实验区'");
        app.nianbao.report.Rollups.rebuild(dsl);
        try {
            UI.getCurrent().navigate("reports", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("level", "COUNTY",
                    "sort", "year,desc")));
            Grid<ReportSummary> grid = reportGrid();

            assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).agency() + " " + _get(grid, i).year()))
                    .containsExactly("平潭综合实验区 2023", "平潭综合实验区 2021", "平潭综合实验区 2019");
            assertThat(_get(com.vaadin.flow.component.select.Select.class).getValue()).isEqualTo(app.nianbao.catalog.AgencyLevel.COUNTY);
        } finally {
            dsl.execute("update agency set level = null where name = '平潭综合实验区'");
            app.nianbao.report.Rollups.rebuild(dsl);
        }
    }

    @Test
    void a_search_that_matches_nothing_says_so_instead_of_showing_an_empty_grid() {
        UI.getCurrent().navigate(ReportsView.class);

        _setValue(_get(TextField.class), "不存在的机构");

        assertThat(_find(Grid.class)).as("no visible grid").isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("empty-state"))).singleElement()
                .satisfies(d -> assertThat(d.getText()).contains("不存在的机构"));
    }

    @Test
    void clicking_a_report_opens_its_page_with_the_tables_and_the_source() {
        UI.getCurrent().navigate(ReportsView.class);
        _setValue(_get(TextField.class), "淮安");

        _clickItem(reportGrid(), 0);

        assertThat(_get(H2.class).getText()).isEqualTo("淮安市人民政府 2024 年政府信息公开工作年度报告");
        TemplateTables tables = _get(TemplateTables.class);
        assertThat(tables.getElement().getOuterHTML()).contains("data-cell=\"t3.new_received.natural\"").contains(">3001<");
        assertThat(_get(SourcePanel.class).getElement().getChildCount()).isGreaterThan(100);
    }

    @Autowired
    app.nianbao.imports.ImportService imports;

    @Autowired
    org.jooq.DSLContext dsl;

    /**
     * A scan's report page shows its pages beside the OCR text; clicking a cell turns to the
     * cell's page, draws its box where it was read and says what OCR read and how sure it was;
     * a cell known only by its row says so; a cell with no box shows its line in the OCR text.
     */
    @Test
    void clicking_a_cell_of_a_scan_turns_to_its_page_and_draws_its_box_with_what_ocr_read() {
        imports.store("scan.pdf", "report-view-scan", app.nianbao.report.ScanFixture.scan("扫描页面测试办公室", 2039), true);
        long agency = dsl.resultQuery("select id from agency where name = ?", "扫描页面测试办公室").fetchOne(0, Long.class);
        UI.getCurrent().navigate("reports/" + agency + "/2039");

        ScanPanel scan = _get(ScanPanel.class);
        TabSheet sheet = _get(TabSheet.class);
        assertThat(scan.getElement().getTextRecursively()).contains("第 1 / 2 页");

        click(app.nianbao.report.ScanFixture.TOTAL);
        assertThat(sheet.getSelectedIndex()).isZero();
        assertThat(scan.getElement().getTextRecursively()).contains("第 2 / 2 页").contains("读作「74」，置信度 61%");
        Div box = _get(scan, Div.class, spec -> spec.withPredicate(d -> d.getStyle().get("pointer-events") != null));
        assertThat(box.isVisible()).isTrue();
        assertThat(box.getStyle().get("left")).isEqualTo("80.000%");
        assertThat(box.getStyle().get("width")).isEqualTo("6.000%");

        click(app.nianbao.report.ScanFixture.GRANTED);
        assertThat(scan.getElement().getTextRecursively()).contains("只能确定所在行");

        click(app.nianbao.report.ScanFixture.NATURAL);
        assertThat(scan.getElement().getTextRecursively()).contains("第 1 / 2 页").contains("读作「71」，置信度 96%");

        click(new app.nianbao.catalog.CellCode("t3", "carried_over", "natural"));
        assertThat(box.isVisible()).isFalse();
        assertThat(sheet.getSelectedIndex()).as("the OCR text with the cell's line").isEqualTo(1);
    }

    @Test
    void a_report_that_is_not_a_scan_shows_its_source_text_without_pages() {
        UI.getCurrent().navigate(ReportsView.class);
        _setValue(_get(TextField.class), "淮安");
        _clickItem(reportGrid(), 0);

        assertThat(_find(ScanPanel.class)).isEmpty();
        assertThat(_find(TabSheet.class)).isEmpty();
    }

    private static java.util.stream.Stream<com.vaadin.flow.dom.Element> descendants(com.vaadin.flow.dom.Element parent) {
        return parent.getChildren().flatMap(child -> java.util.stream.Stream.concat(java.util.stream.Stream.of(child), descendants(child)));
    }

    private static void click(app.nianbao.catalog.CellCode cell) {
        com.vaadin.flow.dom.Element td = descendants(_get(TemplateTables.class).getElement())
                .filter(e -> cell.toString().equals(e.getAttribute("data-cell"))).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(td,
                new com.vaadin.flow.dom.DomEvent(td, "click", elemental.json.Json.createObject()));
    }

    @Test
    void an_unknown_report_shows_a_way_back_instead_of_an_error() {
        UI.getCurrent().navigate("reports/999999/1999");

        assertThat(_get(H2.class).getText()).isEqualTo("未找到该报告");
    }

    @SuppressWarnings("unchecked")
    private static Grid<StoredFinding> findingsGrid() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumns().stream()
                .anyMatch(c -> "规则".equals(((Grid.Column<?>) c).getHeaderText()))));
    }

    /** The seed report: its reader findings (P2, P3) are listed for review. */
    private ReportDetail reportWithReaderFindings() {
        return reports.listCurrent("").stream()
                .map(r -> reports.detail(r.agencyId(), r.year()).orElseThrow())
                .filter(d -> d.findings().stream().anyMatch(f -> f.finding().rule().startsWith("P")))
                .findFirst().orElseThrow();
    }

    @Test
    void an_analyst_confirms_a_finding_under_their_own_name() {
        signInAs("li.analyst", Role.ANALYST);
        ReportDetail detail = reportWithReaderFindings();
        UI.getCurrent().navigate("reports/" + detail.summary().agencyId() + "/" + detail.summary().year());

        Component actions = _getCellComponent(findingsGrid(), 0, "review");
        _click(_get(actions, Button.class, spec -> spec.withText("确认")));

        assertThat(reports.detail(detail.summary().agencyId(), detail.summary().year()).orElseThrow().findings())
                .extracting(StoredFinding::reviewedBy).contains("li.analyst");
    }

    @Test
    void the_report_page_offers_the_agencys_dossier_as_pdf_and_word() throws Exception {
        ReportSummary shanghai = current("上海市人民政府办公厅", 2019);
        UI.getCurrent().navigate("reports/" + shanghai.agencyId() + "/2019");

        HorizontalLayout links = _get(HorizontalLayout.class, spec -> spec.withClasses("made-links"));

        assertThat(_find(links, com.vaadin.flow.component.html.Anchor.class)).extracting(com.vaadin.flow.component.html.Anchor::getText)
                .containsExactly("PDF", "Word");
        assertThat(_get(links, Span.class).getText()).isEqualTo("档案（全部年度）：");
    }

    @Test
    void a_confirmed_warning_is_marked_as_the_agencys_error_in_the_list_and_in_the_counts() {
        signInAs("li.analyst", Role.ANALYST);
        ReportSummary shanghai = current("上海市人民政府办公厅", 2019);
        UI.getCurrent().navigate("reports/" + shanghai.agencyId() + "/2019");
        Grid<StoredFinding> grid = findingsGrid();
        int warning = IntStream.range(0, _size(grid))
                .filter(i -> _get(grid, i).finding().severity() == app.nianbao.figures.Severity.WARNING).findFirst().orElseThrow();

        _click(_get(_getCellComponent(grid, warning, "review"), Button.class, spec -> spec.withText("确认")));

        // other tests review this report's warnings too: the count is read after the click, the confirmed ones by hand
        int confirmed = ((Number) dsl.fetchValue("select count(*) from finding where report_id = ? and severity = 'warning' "
                + "and review_status = 'confirmed'", shanghai.reportId())).intValue();
        assertThat(confirmed).isPositive();
        assertThat(_find(Span.class).stream().map(Span::getText)).contains("警告 %d，其中 %d 条已确认为机构填报错误".formatted(
                current("上海市人民政府办公厅", 2019).warnings(), confirmed));
        assertThat(_get(findingsGrid(), warning).reviewedBy()).isEqualTo("li.analyst");
    }

    @Test
    void a_dismissal_without_a_comment_is_refused_with_the_reason_and_the_finding_stays_open() {
        signInAs("li.analyst", Role.ANALYST);
        ReportDetail detail = reportWithReaderFindings();
        UI.getCurrent().navigate("reports/" + detail.summary().agencyId() + "/" + detail.summary().year());
        StoredFinding first = _get(findingsGrid(), 0);

        Component actions = _getCellComponent(findingsGrid(), 0, "review");
        _click(_get(actions, Button.class, spec -> spec.withText("排除")));

        TextField comment = _get(actions, TextField.class);
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).isEqualTo("排除须写明理由");
        assertThat(dsl.fetchValue("select review_status from finding where id = ?", first.id())).isEqualTo(first.reviewStatus());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.review(first.id(), app.nianbao.figures.ReviewStatus.DISMISSED, " ",
                "li.analyst")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("须写明理由");
    }

    @Test
    void dismissing_every_blank_cell_of_a_report_at_once_takes_them_out_of_its_counts_and_its_score() {
        signInAs("li.analyst", Role.ANALYST);
        ReportSummary shanghai = current("上海市人民政府办公厅", 2019);
        // by hand from the store: its R8 warnings are its blank cells, and nothing else is dismissed yet
        int r8 = ((Number) dsl.fetchValue("select count(*) from finding where report_id = ? and rule = 'R8'", shanghai.reportId())).intValue();
        int warnings = ((Number) dsl.fetchValue("select count(*) from finding where report_id = ? and severity = 'warning'",
                shanghai.reportId())).intValue();
        assertThat(shanghai.score()).isEqualTo(70);
        UI.getCurrent().navigate("reports/" + shanghai.agencyId() + "/2019");
        try {
            _setValue(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("按规则一次审核")), "R8");
            _setValue(_get(TextField.class, spec -> spec.withLabel("备注")), "原表空白即为 0");
            _click(_get(Button.class, spec -> spec.withText("全部排除")));

            assertThat(((Number) dsl.fetchValue("select count(*) from finding where report_id = ? and rule = 'R8' and review_status = 'dismissed'"
                    + " and reviewed_by = 'li.analyst' and review_comment = '原表空白即为 0'", shanghai.reportId())).intValue()).isEqualTo(r8);
            ReportSummary after = current("上海市人民政府办公厅", 2019);
            assertThat(after.warnings()).isEqualTo(warnings - r8);
            // 100 − min(30, 135) = 70 before; with no blank cell left to count, 100 − 10·0 − 2·(warnings − r8) − 0
            assertThat(after.score()).isEqualTo(100 - 2 * (warnings - r8));
            assertThat(_find(Span.class, spec -> spec.withText("警告 %d（%d − %d 已排除）".formatted(warnings - r8, warnings, r8)))).hasSize(1);
        } finally {
            dsl.execute("update finding set review_status = 'open', review_comment = null, reviewed_by = null, reviewed_at = null"
                    + " where report_id = ? and rule = 'R8'", shanghai.reportId());
        }
    }

    @Test
    void clicking_a_finding_marks_the_cells_it_is_about_and_a_cell_tooltip_says_in_words_how_it_was_read() {
        ReportSummary shanghai = current("上海市人民政府办公厅", 2019);
        UI.getCurrent().navigate("reports/" + shanghai.agencyId() + "/2019");
        Grid<StoredFinding> grid = findingsGrid();
        StoredFinding first = _get(grid, 0);
        StoredFinding second = _get(grid, 1);
        String firstCell = new app.nianbao.catalog.CellCode(first.finding().table(), first.finding().row(), first.finding().col()).toString();
        String secondCell = new app.nianbao.catalog.CellCode(second.finding().table(), second.finding().row(), second.finding().col()).toString();

        _clickItem(grid, 0);
        assertThat(markedCells()).containsExactly(firstCell);
        _clickItem(grid, 1);
        assertThat(markedCells()).containsExactly(secondCell);

        String title = descendants(_get(TemplateTables.class).getElement())
                .filter(e -> firstCell.equals(e.getAttribute("data-cell"))).findFirst().orElseThrow().getAttribute("title");
        // the row and column in words, never the internal code or a translation key
        assertThat(title).contains(app.nianbao.catalog.Codebook.get().rowLabel(first.finding().table(), first.finding().row()).zh())
                .doesNotContain(firstCell).doesNotContain("how.");
    }

    private static java.util.List<String> markedCells() {
        return descendants(_get(TemplateTables.class).getElement()).filter(e -> e.getClassList().contains("finding-cell"))
                .map(e -> e.getAttribute("data-cell")).toList();
    }

    @Test
    void an_older_version_compared_with_the_current_one_marks_and_lists_the_cells_that_differ() {
        String v1 = app.nianbao.Samples.text(app.nianbao.Samples.SEED).replace("2022 年政府信息", "2038 年政府信息");
        // table 2's licensing decisions, which no identity ties: one number changed, nothing else moves
        String label = "\n行政许可\t0\t";
        assertThat(v1).contains(label);
        String v2 = v1.replace(label, "\n行政许可\t7\t");
        var options = new app.nianbao.parse.ReadOptions("版本比较办公室", null, null);
        imports.importBytes("v1.txt", v1.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
        imports.importBytes("v2.txt", v2.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
        ReportSummary current = current("版本比较办公室", 2038);
        assertThat(current.version()).isEqualTo(2);
        UI.getCurrent().navigate("reports/" + current.agencyId() + "/2038");
        @SuppressWarnings("unchecked")
        Grid<ReportService.ReportVersion> versions = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("compare") != null));
        int first = IntStream.range(0, _size(versions)).filter(i -> _get(versions, i).version() == 1).findFirst().orElseThrow();

        _click((Button) _getCellComponent(versions, first, "compare"));

        assertThat(_find(H3.class).stream().map(H3::getText).filter(t -> t.contains("版 →")))
                .containsExactly("第 1 版 → 第 2 版（当前）：1 个单元格不同（已在表中标出）");
        assertThat(descendants(_get(TemplateTables.class).getElement()).filter(e -> e.getClassList().contains("changed-cell"))
                .map(e -> e.getAttribute("data-cell"))).containsExactly("t2.licensing.decisions");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class).stream().map(com.vaadin.flow.component.html.Paragraph::getText)
                .filter(t -> t.contains("→"))).singleElement().satisfies(t -> assertThat(t).endsWith("：0 → 7"));
    }

    @Test
    void an_analyst_makes_an_older_version_current_again_with_a_reason_and_the_charts_read_it() {
        String v1 = app.nianbao.Samples.text(app.nianbao.Samples.SEED).replace("2022 年政府信息", "2039 年政府信息");
        String v2 = v1.replace("\n行政许可\t0\t", "\n行政许可\t9\t");
        var options = new app.nianbao.parse.ReadOptions("版本恢复办公室", null, null);
        imports.importBytes("v1.txt", v1.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
        imports.importBytes("v2.txt", v2.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
        ReportSummary second = current("版本恢复办公室", 2039);
        long first = reports.versions(second.agencyId(), 2039).stream().filter(v -> v.version() == 1).findFirst().orElseThrow().reportId();
        int findingsOfFirst = ((Number) dsl.fetchValue("select count(*) from finding where report_id = ?", first)).intValue();
        signInAs("li.analyst", Role.ANALYST);
        UI.getCurrent().navigate("reports/" + second.agencyId() + "/2039");
        @SuppressWarnings("unchecked")
        Grid<ReportService.ReportVersion> versions = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("restore") != null));
        int row = IntStream.range(0, _size(versions)).filter(i -> _get(versions, i).version() == 1).findFirst().orElseThrow();

        _click((Button) _getCellComponent(versions, row, "restore"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("理由")), "第 2 版误填了行政许可");
        _click(_find(Button.class, spec -> spec.withText("设为当前版本")).stream()
                .filter(b -> b.getParent().map(p -> !(p instanceof HorizontalLayout)).orElse(true)).reduce((a, b) -> b).orElseThrow());

        ReportSummary now = current("版本恢复办公室", 2039);
        assertThat(now.version()).isEqualTo(3);
        // by hand from the store: the new version copies version 1, its findings too, and the read model follows it
        assertThat(dsl.fetchValue("select restored_from from report_restore where report_id = ?", now.reportId())).isEqualTo(first);
        assertThat(dsl.fetchValue("select restored_by from report_restore where report_id = ?", now.reportId())).isEqualTo("li.analyst");
        assertThat(((Number) dsl.fetchValue("select count(*) from finding where report_id = ?", now.reportId())).intValue())
                .isEqualTo(findingsOfFirst);
        assertThat(((Number) dsl.fetchValue("select t2__licensing__decisions from current_cells where agency_id = ? and year = 2039",
                now.agencyId())).intValue()).isZero();
        assertThat(reports.versions(now.agencyId(), 2039)).extracting(ReportService.ReportVersion::version).containsExactly(3, 2, 1);

        signInAs("reader", Role.VIEWER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.restore(first, "no", "reader"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_viewer_is_refused_a_review_at_the_service_whatever_the_view_offers() {
        signInAs("reader", Role.VIEWER);
        StoredFinding any = reportWithReaderFindings().findings().get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.review(any.id(), app.nianbao.figures.ReviewStatus.CONFIRMED, "ok",
                "reader")).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_viewer_sees_the_findings_but_cannot_review_them() {
        signInAs("reader", Role.VIEWER);
        ReportDetail detail = reportWithReaderFindings();
        UI.getCurrent().navigate("reports/" + detail.summary().agencyId() + "/" + detail.summary().year());

        assertThat(_size(findingsGrid())).isPositive();
        assertThat(findingsGrid().getColumnByKey("review")).isNull();
    }

    private ReportSummary current(String agency, int year) {
        return reports.listCurrent(agency).stream().filter(r -> r.agency().equals(agency) && r.year() == year).findFirst().orElseThrow();
    }

    @Test
    void the_report_page_and_the_list_say_when_a_report_was_published_and_how_that_is_known() {
        ReportSummary pingtan = current("平潭综合实验区", 2023);
        UI.getCurrent().navigate("reports/" + pingtan.agencyId() + "/2023");

        // the page's own <meta name="PubDate" content="2024-03-08 15:34"/>
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("发布 2024-03-08（网页元数据）"))).hasSize(1);

        UI.getCurrent().navigate(ReportsView.class);
        assertThat(IntStream.range(0, _size(reportGrid())).mapToObj(i -> _get(reportGrid(), i))
                .filter(r -> r.reportId() == pingtan.reportId()).map(ReportView::publishedText)).containsExactly("2024-03-08（网页元数据）");
    }

    @Test
    void an_analyst_enters_a_publication_date_which_outranks_the_one_read_and_a_viewer_cannot() {
        signInAs("li.analyst", Role.ANALYST);
        ReportSummary shanghai = current("上海市人民政府办公厅", 2019);
        UI.getCurrent().navigate("reports/" + shanghai.agencyId() + "/2019");

        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class), java.time.LocalDate.of(2020, 3, 2));
        _click(_get(Button.class, spec -> spec.withText("设定发布日期")));

        assertThat(current("上海市人民政府办公厅", 2019).published())
                .isEqualTo(new app.nianbao.parse.Published(java.time.LocalDate.of(2020, 3, 2), app.nianbao.parse.Published.Source.USER));
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("发布 2020-03-02（用户填写）"))).hasSize(1);

        signInAs("reader", Role.VIEWER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.setPublished(shanghai.reportId(), java.time.LocalDate.of(2020, 1, 1)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
